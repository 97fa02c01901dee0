# kerascheck-case: --keras-target keras3
"""An MNIST MLP of a 2019 tutorial: the shapes written as ints in parentheses, moved to Keras 3 unchanged."""
import numpy as np
from keras import layers
from keras.datasets import mnist
from keras.models import Model, Sequential

N_PIXELS = 784

(x_train, y_train), _ = mnist.load_data()
x_train = x_train.reshape(-1, N_PIXELS).astype("float32") / 255.0

inputs = layers.Input(shape=(N_PIXELS))  # KER252:23
hidden = layers.Dense(128, activation="relu")(inputs)
outputs = layers.Dense(10, activation="softmax")(hidden)
functional = Model(inputs, outputs)

sequential = Sequential(
    [
        layers.InputLayer(input_shape=(784)),  # KER231:27 KER252:27
        layers.Dense(128, activation="relu"),
        layers.Dense(10, activation="softmax"),
    ]
)
for model in (functional, sequential):
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x_train[:256], y_train[:256], epochs=1, batch_size=64, verbose=0)
print(np.mean([model.evaluate(x_train[:64], y_train[:64], verbose=0)[1] for model in (functional, sequential)]))
