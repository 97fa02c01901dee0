# target: tf.keras
# expect: runs
import numpy as np
from tensorflow import keras


class RateLog(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        print(epoch, logs["lr"])


model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile("sgd", "mse")
plateau = keras.callbacks.ReduceLROnPlateau(monitor="loss", patience=1)
history = model.fit(np.ones((8, 3)), np.ones((8, 1)), epochs=2, verbose=0, callbacks=[plateau, RateLog()])
print(history.history["lr"][-1])
