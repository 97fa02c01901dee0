# kerascheck-case: --keras-target tf.keras
"""A Keras 1 script that trains a small net and saves its layers' weights by their Keras 1 names."""
import numpy as np
from tensorflow import keras


model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit(np.ones((8, 4)), np.ones((8, 1)), epochs=1, verbose=0)
first = model.layers[0]
np.save("w0.npy", first.W.numpy())  # KER120:19
np.save("b0.npy", model.layers[1].b.numpy())  # KER120:19

hidden = keras.layers.Dense(16, activation="relu")
encoder = keras.layers.LSTM(32)
print("sizes", hidden.output_dim, encoder.output_dim)  # KER120:16 KER120:35
embedding = keras.layers.Embedding(100, 8)
print("embedding size", embedding.output_dim)
