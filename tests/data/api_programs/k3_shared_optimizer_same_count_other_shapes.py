# target: keras3
# expect: raises
# says: Invalid variable value in StatelessScope: all values in argument `mapping` must be tensors with a shape that matches the corresponding variable shape
import numpy as np

import keras


def regressor(outputs):
    return keras.Sequential([keras.Input((4,)), keras.layers.Dense(8), keras.layers.Dense(outputs)])


shared = keras.optimizers.Adam(1e-3)
first, second = regressor(1), regressor(2)
x = np.random.rand(8, 4)
first.compile(optimizer=shared, loss="mse")
first.fit(x, np.random.rand(8, 1), epochs=1, verbose=0)
second.compile(optimizer=shared, loss="mse"); second.fit(x, np.random.rand(8, 2), epochs=1, verbose=0)  # breaks
