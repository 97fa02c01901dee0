# target: keras3
# expect: raises
import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
print(float(model.optimizer.lr))  # breaks
