# target: tf.keras
# expect: raises
from tensorflow import keras


class EpochCounter(keras.callbacks.Callback):  # written for Keras 1
    def on_train_begin(self, logs=None):
        self.total = self.params["nb_epoch"]  # breaks


model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit([[0.0, 1.0]], [[1.0]], epochs=1, verbose=0, callbacks=[EpochCounter()])
