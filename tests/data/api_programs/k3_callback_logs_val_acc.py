# target: keras3
# expect: raises
# says: KeyError: 'val_acc'
import numpy as np

import keras


class BestAccuracy(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        print("validation accuracy", logs["val_acc"])  # breaks


model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, activation="softmax")])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
x, y = np.random.rand(8, 3), np.random.randint(0, 2, 8)
model.fit(x, y, validation_data=(x, y), epochs=1, verbose=0, callbacks=[BestAccuracy()])
