# target: keras3
# expect: raises
# says: ValueError: Could not interpret loss identifier: logcosh
import numpy as np

import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
x, y = np.zeros((4, 3)), np.zeros((4, 1))
model.compile(optimizer="sgd", loss="logcosh"); model.fit(x, y, verbose=0)  # breaks
