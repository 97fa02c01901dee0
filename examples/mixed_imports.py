"""A module that grew imports from two Keras implementations over the years.

On TensorFlow 2.16+, TF_USE_LEGACY_KERAS makes `tf.keras` the tf_keras package (Keras 2), while
`import keras` is Keras 3: their layers and tensors do not mix.
"""
import os

os.environ["TF_USE_LEGACY_KERAS"] = "1"

import keras  # expect: KER101
import tensorflow as tf
from keras.layers import Dense  # expect: KER101

inputs = keras.Input(shape=(8,))
hidden = Dense(16, activation="relu")(inputs)
outputs = tf.keras.layers.Dense(1)(hidden)  # expect: KER402
model = keras.Model(inputs, outputs)
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=1e-3), loss="mse")
