# target: keras3
# expect: raises
# says: ValueError: Could not interpret metric identifier: crossentropy
import numpy as np

import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")])
x, y = np.zeros((4, 3)), np.zeros((4, 1))
model.compile(optimizer="sgd", loss="binary_crossentropy", metrics=["crossentropy"]); model.fit(x, y)  # breaks
