# target: keras3
# expect: raises
# says: KeyError: 'metrics'
import numpy as np
import keras


class Names(keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        self.names = self.params["metrics"]  # breaks


model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit(np.ones((4, 3)), np.ones((4, 1)), verbose=0, callbacks=[Names()])
