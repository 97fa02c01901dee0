# target: keras3
# expect: raises
import numpy as np
import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, activation="softmax")])
probabilities = model.predict_proba(np.ones((4, 3), "float32"))  # breaks
