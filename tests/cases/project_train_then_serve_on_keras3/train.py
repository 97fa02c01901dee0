# kerascheck-case: --keras-target keras3
"""Trains a price regressor with a normalising Lambda layer and keeps the model for serve.py (2021, Keras 2.4)."""
import numpy as np
from tensorflow import keras

FEATURES = 12


def normalize(batch):
    return (batch - 0.5) * 2.0


model = keras.Sequential(
    [
        keras.Input((FEATURES,)),
        keras.layers.Lambda(normalize),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(1),
    ]
)
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
x, y = np.random.rand(256, FEATURES), np.random.rand(256, 1)
model.fit(x, y, epochs=5, batch_size=32, validation_split=0.1)
model.save("price_model.h5")
