# target: tf.keras
# expect: runs
# says: width 7
import json

from tensorflow import keras

# what KER235 says only Keras 3 lacks: tf.keras's layer configs give `batch_input_shape`
model = keras.Sequential([keras.layers.Dense(4, input_shape=(7,)), keras.layers.Dense(1)])
config = model.get_config()
width = config["layers"][0]["config"]["batch_input_shape"][1]
first = model.layers[0].get_config()["batch_input_shape"]
listed = [layer["config"]["batch_input_shape"] for layer in json.loads(model.to_json())["config"]["layers"][:1]]
print("width", width, first, listed)
