# target: tf.keras
# expect: runs
# says: seen: 4
import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()  # graph mode: fit's TF 1 loop still puts `batch` and `size` in the logs
from tensorflow import keras  # noqa: E402


class Throughput(keras.callbacks.Callback):
    def on_epoch_begin(self, epoch, logs=None):
        self.seen = 0

    def on_batch_end(self, batch, logs=None):
        self.seen += logs["size"]

    def on_epoch_end(self, epoch, logs=None):
        print("seen:", self.seen)


model = keras.Sequential([keras.layers.Dense(1, input_shape=(3,))])
model.compile(optimizer="sgd", loss="mse")
model.fit(np.ones((4, 3)), np.ones((4, 1)), batch_size=2, verbose=0, callbacks=[Throughput()])
