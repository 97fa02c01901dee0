# target: tf.keras
# expect: runs
# keras 2.15.0 names unnamed inputs input_1, input_2, … and functional models model, model_1, ….
import numpy as np
from tensorflow import keras

a = keras.Input((4,))
b = keras.Input((3,))
merged = keras.layers.Concatenate()([a, b])
extractor = keras.Model([a, b], keras.layers.Dense(2)(merged))
x = keras.Input((4,))
y = keras.Input((3,))
classifier = keras.Model([x, y], keras.layers.Dense(1)(extractor([x, y])))
classifier.compile(optimizer="adam", loss="mse")
classifier.get_layer("model").trainable = False
classifier.fit({"input_3": np.zeros((8, 4)), "input_4": np.zeros((8, 3))}, np.zeros((8, 1)), verbose=0)
assert extractor.get_layer("input_1") is extractor.layers[0]
