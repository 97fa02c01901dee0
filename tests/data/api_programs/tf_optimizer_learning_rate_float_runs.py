# target: tf.keras
# expect: runs
import numpy as np
from tensorflow import keras


class RateLog(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        print(epoch, float(self.model.optimizer.learning_rate))


model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(keras.optimizers.SGD(keras.optimizers.schedules.ExponentialDecay(0.1, 1, 0.5)), "mse")
model.fit(np.ones((8, 3)), np.ones((8, 1)), epochs=2, verbose=0, callbacks=[RateLog()])
