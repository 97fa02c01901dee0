# target: tf.keras
# expect: raises
# says: object has no attribute 'decay'
from tensorflow import keras

model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
print(float(model.optimizer.decay))  # breaks
