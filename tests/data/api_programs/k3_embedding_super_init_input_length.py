# target: keras3
# expect: warns
# says: Argument `input_length` is deprecated. Just remove it.
import numpy as np
import keras


class Tokens(keras.layers.Embedding):
    def __init__(self, **kwargs):
        super().__init__(100, 8, input_length=5, **kwargs)  # ignored


print(Tokens()(np.ones((1, 5), "int32")).shape)
