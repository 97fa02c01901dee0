# target: tf.keras
# expect: raises
# says: TypeError: Optimizer.__init__() missing 1 required positional argument: 'name'
import numpy as np
from tensorflow import keras


class PlainSGD(keras.optimizers.Optimizer):  # a Keras 2.2 optimizer
    def __init__(self, lr=0.01, **kwargs):
        super(PlainSGD, self).__init__(**kwargs)  # breaks
        self.step = lr

    def get_updates(self, loss, params):
        return []


model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer=PlainSGD(lr=0.05), loss="mse")
model.fit(np.ones((4, 3)), np.ones((4, 1)), verbose=0)
