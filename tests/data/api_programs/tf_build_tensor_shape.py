# target: tf.keras
# expect: runs
import numpy as np
from tensorflow import keras


class Probe(keras.layers.Layer):
    def build(self, input_shape):
        assert input_shape.as_list() == [2, 3] and input_shape.ndims == input_shape.rank == 2

    def call(self, inputs, training=None):
        return inputs


Probe()(np.ones((2, 3), "float32"))
