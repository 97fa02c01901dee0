# target: tf.keras
# expect: runs
# says: (1, 2)
import numpy as np
from tensorflow import keras


class Clip(keras.layers.Layer):
    def __init__(self, **kwargs):
        super(Clip, self).__init__(dynamic=True, **kwargs)

    def call(self, inputs, training=None):
        return keras.backend.clip(inputs, 0.0, 1.0)


print(Clip()(np.ones((1, 2), "float32")).shape)
