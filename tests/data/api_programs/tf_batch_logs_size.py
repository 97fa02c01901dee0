# target: tf.keras
# expect: raises
# says: KeyError: 'size'
import numpy as np
from tensorflow import keras


class Throughput(keras.callbacks.Callback):  # Keras 2.2 put `batch` and `size` in the batch logs
    def on_epoch_begin(self, epoch, logs=None):
        self.seen = 0

    def on_batch_end(self, batch, logs=None):
        self.seen += logs["size"]  # breaks


model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit(np.ones((4, 3)), np.ones((4, 1)), batch_size=2, verbose=0, callbacks=[Throughput()])
