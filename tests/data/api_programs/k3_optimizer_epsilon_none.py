# target: keras3
# expect: raises
# says: ValueError: None is not a valid value
import numpy as np

import keras

model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
x, y = np.zeros((4, 2)), np.zeros((4, 1))
model.compile(loss="mean_squared_error", optimizer=keras.optimizers.RMSprop(epsilon=None)); model.fit(x, y)  # breaks
