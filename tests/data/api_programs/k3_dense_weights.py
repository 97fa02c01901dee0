# target: keras3
# expect: raises
import numpy as np
import keras

w = np.ones((3, 2), "float32")
b = np.zeros((2,), "float32")
layer = keras.layers.Dense(2, weights=[w, b])  # breaks
