"""Trains the model that layers.py builds on, through standalone Keras 2.3."""
import keras  # KER101:1 KER404:1
import numpy as np

from blocks import residual_block

inputs = keras.layers.Input(shape=(32, 32, 3))
x = keras.layers.Conv2D(32, (3, 3), padding="same")(inputs)
x = residual_block(x, 32)
outputs = keras.layers.Dense(10, activation="softmax")(keras.layers.GlobalAveragePooling2D()(x))
model = keras.models.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(np.zeros((8, 32, 32, 3)), np.zeros((8,)), epochs=1)
