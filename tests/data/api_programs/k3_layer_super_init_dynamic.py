# target: keras3
# expect: raises
# says: ValueError: Unrecognized keyword arguments passed to Clip: {'dynamic': True}
import numpy as np
import keras


class Clip(keras.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(dynamic=True, **kwargs)  # breaks

    def call(self, inputs, training=None):
        return keras.ops.clip(inputs, 0.0, 1.0)


print(Clip()(np.ones((1, 2), "float32")).shape)
