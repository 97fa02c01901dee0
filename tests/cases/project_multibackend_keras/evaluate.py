"""Evaluates the trained model with the AUC metric of a tf.keras tutorial."""
import keras  # KER101:1
import numpy as np
import tensorflow as tf

model = keras.models.load_model("model.h5")
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=[tf.keras.metrics.AUC()])  # KER401:70
print(model.evaluate(np.zeros((8, 32, 32, 3)), np.zeros((8,))))
