# target: tf.keras
# expect: raises
import numpy as np
from tensorflow import keras


class F1Score(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        x_val, y_val = self.validation_data[0], self.validation_data[1]  # breaks
        print(epoch, x_val.shape, y_val.shape)


model = keras.Sequential([keras.layers.Dense(1, input_shape=(3,))])
model.compile(optimizer="adam", loss="mean_squared_error")
x, y = np.ones((8, 3)), np.ones((8, 1))
model.fit(x, y, validation_data=(x, y), epochs=1, verbose=0, callbacks=[F1Score()])
