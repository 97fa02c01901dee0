# kerascheck-case: --keras-target keras3
"""A TF 2.11-2.15 script that checkpoints the optimizer's state by hand: tf.keras's new optimizers let
`variables` be read or called (a list that is callable), Keras 3's is a list property only."""
import numpy as np
from tensorflow import keras


class OptimizerStateLogger(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        state = self.model.optimizer.variables()  # KER120:17
        print(f"epoch {epoch}: {len(state)} optimizer variables")


class Model(keras.Model):
    """A model of the program's own, whose `variables` is its own method."""

    def __init__(self):
        super().__init__()
        self.dense = keras.layers.Dense(1)

    def call(self, inputs):
        return self.dense(inputs)

    def variables(self):
        return self.dense.weights


def optimizer_state(opt):
    # code for either Keras: asks first
    return opt.variables() if callable(opt.variables) else opt.variables


def train(x, y):
    model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
    optimizer = keras.optimizers.Adam(1e-3)
    model.compile(optimizer=optimizer, loss="mse")
    model.fit(x, y, epochs=2, callbacks=[OptimizerStateLogger()])
    state = optimizer.variables()  # KER120:13
    saved = [np.array(v) for v in state]
    print(len(model.layers), len(saved), len(optimizer_state(optimizer)))
    own = Model()
    own(x)
    print(len(own.variables()))
    return model


if __name__ == "__main__":
    train(np.random.rand(64, 8), np.random.rand(64, 1))
