"""Custom layers written for tf.keras, with the training-flag mistakes users actually make."""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import backend as K
from tensorflow.keras import layers


class StochasticDepth(layers.Layer):
    """Drops the whole residual branch at train time."""

    def call(self, inputs):
        keep = tf.cast(K.learning_phase(), inputs.dtype)  # expect: KER301
        return inputs * keep


class NoisyProjection(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.dense = layers.Dense(units)
        self.dropout = layers.Dropout(0.3)
        self.norm = layers.BatchNormalization()

    def call(self, inputs):  # KER306 (off by default) reports the missing `training`
        x = self.dense(inputs)
        x = self.norm(x, training=False)  # KER303 (off by default) reports the fixed phase
        return self.dropout(x)


class Residual(NoisyProjection):
    """A subclass of a custom layer is a custom layer too."""

    def __call__(self, inputs):  # expect: KER305
        return inputs + self.dense.call(inputs)  # expect: KER304


class WellBehaved(keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = layers.Dense(32, activation="relu")
        self.dropout = layers.Dropout(0.5)
        self.out = layers.Dense(1)

    def call(self, inputs, training=None):
        x = self.hidden(inputs)
        x = self.dropout(x, training=training)
        return self.out(x)
