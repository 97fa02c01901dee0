# kerascheck-case: --keras-target keras3
"""Logs the learning rate of a fine-tuning run, as a 2019 notebook did."""
import csv

import keras
import numpy as np

optimizer = keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True)
model = keras.Sequential([keras.Input((10,)), keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1)])
model.compile(optimizer=optimizer, loss="mean_squared_error")
print("starting learning rate:", optimizer.get_config()["lr"])  # KER217:34


def log_rate(path):
    with open(path, "w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["lr", model.optimizer.get_config()['lr']])  # KER217:32


model.fit(np.random.rand(64, 10), np.random.rand(64, 1), epochs=1, verbose=0)
log_rate("rates.csv")
