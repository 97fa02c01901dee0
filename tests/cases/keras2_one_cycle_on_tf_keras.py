# kerascheck-case: --keras-target tf.keras
"""A one-cycle policy callback from a 2018 fastai port, cycling the rate and the momentum of SGD."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K


class OneCycle(keras.callbacks.Callback):
    def __init__(self, max_rate, steps, high_momentum=0.95, low_momentum=0.85):
        super().__init__()
        self.max_rate, self.steps = max_rate, steps
        self.high_momentum, self.low_momentum = high_momentum, low_momentum
        self.step = 0

    def on_train_batch_begin(self, batch, logs=None):
        fraction = min(self.step / self.steps, 1.0)
        K.set_value(self.model.optimizer.learning_rate, self.max_rate * (1 - abs(2 * fraction - 1)))
        momentum = self.high_momentum - (self.high_momentum - self.low_momentum) * fraction
        K.set_value(self.model.optimizer.momentum, momentum)  # KER254:9
        self.step += 1


def warm_restart(model, beta):
    K.set_value(model.optimizer.beta_1, beta)  # KER254:5


model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9), loss="mse")
model.fit(np.ones((16, 8)), np.ones((16, 1)), epochs=1, verbose=0, callbacks=[OneCycle(0.1, 10)])
warm_restart(model, 0.9)
