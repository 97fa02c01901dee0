# target: keras3
# expect: raises
# says: add_loss() got an unexpected keyword argument 'inputs'
import numpy as np

import keras


class Sparse(keras.layers.Layer):
    def call(self, inputs, training=None):
        self.add_loss(0.01 * keras.ops.sum(keras.ops.abs(inputs)), inputs=True)  # breaks
        return inputs


Sparse()(np.ones((2, 3), "float32"))
