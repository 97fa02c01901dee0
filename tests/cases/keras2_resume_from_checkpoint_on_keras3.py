# kerascheck-case: --keras-target keras3
"""Resumes training from the last checkpoint, as the 2018 training script of a text classifier did."""
import os

import numpy as np
from keras.callbacks import ModelCheckpoint
from keras.layers import Dense, Dropout
from keras.models import Sequential, load_model

CHECKPOINT = "checkpoints/classifier.h5"


def build(features):
    model = Sequential([Dense(64, activation="relu", input_shape=(features,)), Dropout(0.5), Dense(1)])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


def train(x, y, epochs):
    if os.path.exists(CHECKPOINT):
        model = load_model(CHECKPOINT)
    else:
        model = build(x.shape[1])
    model.fit(x, y, epochs=epochs, callbacks=[ModelCheckpoint(CHECKPOINT)])
    return model


def fine_tune(x, y):
    model = load_model(CHECKPOINT)
    for _ in range(10):
        model.train_on_batch(x, y)  # KER216:9
    model.save(CHECKPOINT)


def evaluate(x, y):
    model = load_model("checkpoints/final.hdf5")
    model.fit(x, y, epochs=1)  # KER216:5
    return model.evaluate(x, y)


if __name__ == "__main__":
    data, labels = np.random.rand(64, 20), np.random.randint(0, 2, (64, 1))
    fine_tune(data, labels)
    print(evaluate(data, labels))
