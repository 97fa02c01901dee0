# target: tf.keras
# expect: raises
# says: TypeError: ('Keyword argument not understood:', 'output_dim')
import numpy as np
from tensorflow import keras


class Projection(keras.layers.Dense):
    def __init__(self, units, **kwargs):
        super(Projection, self).__init__(units, output_dim=units, **kwargs)  # breaks


print(Projection(2)(np.ones((1, 2), "float32")).shape)
