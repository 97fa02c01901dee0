# target: tf.keras
# expect: raises
# says: KeyError: 'lr'
from tensorflow import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.legacy.Adam(learning_rate=0.01), loss="mse")
print(model.optimizer.get_config()["learning_rate"])
print(model.optimizer.get_config()["lr"])  # breaks
