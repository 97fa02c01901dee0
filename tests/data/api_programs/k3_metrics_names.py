# target: keras3
# expect: raises
# says: ValueError: 'accuracy' is not in list
import numpy as np

import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, activation="softmax")])
model.compile(optimizer="sgd", loss="categorical_crossentropy", metrics=["accuracy"])
x, y = np.zeros((4, 3)), np.eye(2)[[0, 1, 0, 1]]
scores = model.evaluate(x, y, verbose=0)
accuracy = scores[model.metrics_names.index("accuracy")]  # breaks
