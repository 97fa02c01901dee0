# kerascheck-case: --keras-target tf.keras
"""A notebook exported as a script (Hands-On ML, chapter 12): `model` is bound to one model after another. The
.h5 files hold models with built-in activations; the layer with the module's own activation belongs to a later
model, kept in a .keras file, which TF 2.15 reads back with the function in custom_objects: nothing to report."""
import numpy as np
import tensorflow as tf
from tensorflow import keras

x = np.random.rand(64, 8).astype("float32")
y = x.sum(axis=1, keepdims=True)


def my_softplus(z):
    return tf.math.log(tf.exp(z) + 1.0)


model = keras.Sequential([keras.layers.Dense(30, activation="selu", input_shape=[8]), keras.layers.Dense(1)])
model.compile(loss="mse", optimizer="nadam")
model.fit(x, y, epochs=1, verbose=0)
model.save("my_model_with_a_plain_activation.h5")
model = keras.models.load_model("my_model_with_a_plain_activation.h5")
print(model.evaluate(x, y, verbose=0))

model = keras.Sequential()
model.add(keras.layers.Dense(30, activation="relu", input_shape=[8]))
model.add(keras.layers.Dense(1))
model.compile(loss="mse", optimizer="nadam")
model.fit(x, y, epochs=1, verbose=0)
model.save("my_model_built_with_add.h5")
model = keras.models.load_model("my_model_built_with_add.h5")
print(model.predict(x[:2], verbose=0).shape)

model = keras.Sequential()
model.add(keras.layers.Dense(30, activation=my_softplus, input_shape=[8]))
model.add(keras.layers.Dense(1))
model.compile(loss="mse", optimizer="nadam")
model.fit(x, y, epochs=1, verbose=0)
model.save("my_model_with_a_custom_activation.keras")
model = keras.models.load_model("my_model_with_a_custom_activation.keras", custom_objects={"my_softplus": my_softplus})
print(model.evaluate(x, y, verbose=0))
