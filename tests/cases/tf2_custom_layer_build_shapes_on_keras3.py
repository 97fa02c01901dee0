# kerascheck-case: --keras-target keras3
"""Custom layers of a 2021 tf.keras project that read the TensorShape handed to `build`, moved to Keras 3."""
import numpy as np
from keras import layers, ops


class FeatureGate(layers.Layer):
    """Scales each feature by a learned gate."""

    def build(self, input_shape):
        dim = input_shape.as_list()[-1]  # KER253:15
        self.gate = self.add_weight(name="gate", shape=(dim,), initializer="ones")

    def call(self, inputs):
        return inputs * ops.sigmoid(self.gate)


class Flattened(layers.Layer):
    """Keeps the batch axis and joins the others, whatever the rank."""

    def compute_output_shape(self, input_shape):
        if input_shape.ndims == 2:  # KER253:12
            return input_shape
        return (input_shape[0], int(np.prod(input_shape[1:])))

    def call(self, inputs):
        return ops.reshape(inputs, (ops.shape(inputs)[0], -1))


gated = FeatureGate()(np.ones((4, 8), "float32"))
print(Flattened()(gated).shape)
