# target: keras3
# expect: raises
import numpy as np

import keras

classifier = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8, name="features"), keras.layers.Dense(3)])
classifier.predict(np.ones((2, 4)), verbose=0)
extractor = keras.Model(classifier.input, classifier.get_layer("features").output)  # breaks
