# kerascheck-case: --keras-target tf.keras
"""A Keras 2 script that keeps the architecture as JSON and the weights as HDF5, the pre-SavedModel way."""
import json

from tensorflow.keras import backend as K
from tensorflow.keras.layers import Dense, Input, Lambda
from tensorflow.keras.models import Model, model_from_json

inputs = Input(shape=(32,))
normalized = Lambda(lambda t: K.l2_normalize(t, axis=-1))(inputs)
outputs = Dense(4, activation="softmax")(normalized)
model = Model(inputs, outputs)

with open("architecture.json", "w") as handle:
    handle.write(model.to_json())
model.save_weights("weights.h5")

with open("architecture.json") as handle:
    restored = model_from_json(handle.read())  # KER244:16
restored.load_weights("weights.h5")
clone = model_from_json(json.dumps(json.loads(model.to_json())))  # KER244:9
