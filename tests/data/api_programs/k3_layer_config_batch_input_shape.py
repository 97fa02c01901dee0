# target: keras3
# expect: raises
# says: KeyError: 'batch_input_shape'
import keras

model = keras.Sequential([keras.Input((7,)), keras.layers.Dense(4), keras.layers.Dense(1)])
config = model.get_config()
print([layer["class_name"] for layer in config["layers"]])
width = config["layers"][0]["config"]["batch_input_shape"][1]  # breaks
