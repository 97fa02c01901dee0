# target: tf.keras
# expect: raises
# says: ValueError: None values not supported
import numpy as np
from tensorflow import keras

model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
x, y = np.zeros((4, 2)), np.zeros((4, 1))
model.compile(loss="mean_squared_error", optimizer=keras.optimizers.Adam(epsilon=None)); model.fit(x, y)  # breaks
