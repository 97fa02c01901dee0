# kerascheck-case: --keras-target keras3
"""A Keras 2 training script whose callback keeps its own `self.lr` list and reads the optimizer's rate."""
import numpy as np
from keras.callbacks import Callback
from keras.layers import Dense
from keras.models import Sequential
from keras.optimizers import SGD


class RateHistory(Callback):
    def on_train_begin(self, logs=None):
        self.lr = []

    def on_epoch_end(self, epoch, logs=None):
        self.lr.append(float(self.model.optimizer.lr))  # KER120:30


model = Sequential([Dense(1, input_dim=4)])
model.compile(loss="mse", optimizer=SGD(learning_rate=0.1, momentum=0.9))
model.fit(np.random.rand(8, 4), np.random.rand(8, 1), epochs=1, verbose=0, callbacks=[RateHistory()])
print("rate now", float(model.optimizer.lr))  # KER120:25
