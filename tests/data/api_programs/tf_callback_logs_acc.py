# target: tf.keras
# expect: raises
# says: KeyError: 'acc'
import numpy as np
from tensorflow import keras


class AccuracyLogger(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs={}):
        print("epoch", epoch, "accuracy", logs["acc"])  # breaks


model = keras.Sequential([keras.layers.Dense(2, activation="softmax", input_shape=(3,))])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(np.random.rand(8, 3), np.random.randint(0, 2, 8), epochs=1, verbose=0, callbacks=[AccuracyLogger()])
