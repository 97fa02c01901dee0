# kerascheck-case: --keras-target tf.keras
"""A Keras 3 tutorial's custom layer and metric, run with TF 2.15: tf.keras there has no `ops` module."""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers, ops  # KER124:38


class RMSNorm(layers.Layer):
    def build(self, input_shape):
        self.scale = self.add_weight(shape=input_shape[-1:], initializer="ones", name="scale")

    def call(self, inputs):
        variance = tf.keras.ops.mean(tf.square(inputs), axis=-1, keepdims=True)  # KER124:20
        return inputs * tf.math.rsqrt(variance + 1e-6) * self.scale


if hasattr(keras, "version"):
    print("Keras", keras.version())

inputs = keras.Input((16,))
outputs = keras.layers.Dense(4)(RMSNorm()(inputs))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
