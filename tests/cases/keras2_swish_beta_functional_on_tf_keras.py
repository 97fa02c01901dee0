# kerascheck-case: --keras-target tf.keras
"""A functional model with its own swish activation layer, saved as .hdf5 and as .keras."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


def swish_beta(x):
    return x * tf.sigmoid(1.5 * x)


inputs = keras.Input(shape=(8,))
hidden = keras.layers.Dense(16)(inputs)
hidden = keras.layers.Activation(swish_beta)(hidden)
outputs = keras.layers.Dense(3, activation="softmax")(hidden)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

keras.models.save_model(model, "swish.keras")
with keras.utils.custom_object_scope({"swish_beta": swish_beta}):
    portable = keras.models.load_model("swish.keras")
keras.models.save_model(model, "swish.hdf5")
with keras.utils.custom_object_scope({"swish_beta": swish_beta}):
    legacy = keras.models.load_model("swish.hdf5")  # KER236:14
print(portable.predict(np.ones((1, 8), "float32"), verbose=0).shape)
