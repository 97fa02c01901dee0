# target: keras3
# expect: raises
# says: KeyError: 'batch'
import numpy as np
import keras


class Steps(keras.callbacks.Callback):  # Keras 2.2 put `batch` and `size` in the batch logs
    def on_train_batch_end(self, batch, logs=None):
        logs = logs or {}
        print("step", logs["batch"], logs.get("size"))  # breaks


model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit(np.ones((4, 3)), np.ones((4, 1)), batch_size=2, verbose=0, callbacks=[Steps()])
