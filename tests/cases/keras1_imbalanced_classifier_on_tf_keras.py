# kerascheck-case: --keras-target tf.keras
"""A Keras 1-era imbalanced-classes script ("class_weight='auto'"), moved to TensorFlow 2.15's tf.keras."""
import numpy as np
from tensorflow import keras

x = np.random.rand(500, 20)
y = (np.random.rand(500) > 0.9).astype("int32")

model = keras.models.Sequential()
model.add(keras.layers.Dense(32, activation="relu", input_shape=(20,)))
model.add(keras.layers.Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
model.fit(x, y, batch_size=32, epochs=10, validation_split=0.1, class_weight="auto")  # KER214:65

clone = keras.models.clone_model(model)
clone.compile(loss="binary_crossentropy", optimizer="rmsprop")
clone.fit(x, y, epochs=3, class_weight="balanced", verbose=0)  # KER214:27
