# target: tf.keras
# expect: raises
# says: KeyError: 'decay'
from tensorflow import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9), loss="mse")
config = model.optimizer.get_config()
state = {"momentum": config["momentum"]}
state["decay"] = config["decay"]  # breaks
