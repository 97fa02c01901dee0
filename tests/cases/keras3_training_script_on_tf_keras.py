# kerascheck-case: --keras-target tf.keras
"""A training script written for Keras 3 (Keras 3's add_weight order, its log key for the learning rate), run where
TF 2.15's tf.keras is Keras 2."""
import numpy as np
from tensorflow import keras


class FeatureScale(keras.layers.Layer):
    def build(self, input_shape):
        self.scale = self.add_weight((input_shape[-1],), "ones")  # KER207:22
        self.shift = self.add_weight(shape=(input_shape[-1],), initializer="zeros")

    def call(self, inputs):
        return inputs * self.scale + self.shift


class Batches(keras.utils.Sequence):
    def __init__(self, x, y, batch_size=8, **kwargs):
        super().__init__(**kwargs)  # KER246:9
        self.x, self.y, self.batch_size = x, y, batch_size

    def __len__(self):
        return len(self.x) // self.batch_size

    def __getitem__(self, index):
        start = index * self.batch_size
        return self.x[start : start + self.batch_size], self.y[start : start + self.batch_size]


class Shuffled(Batches):
    def __init__(self, x, y, workers=2):
        super(Batches, self).__init__(workers=workers, use_multiprocessing=True)  # KER246:9
        self.x, self.y, self.batch_size = x, y, 8


class Gate(keras.layers.Layer):
    def build(self, input_shape):
        self.gate = self.add_weight([1, int(input_shape[-1])], initializer="zeros", trainable=True)  # KER207:21

    def call(self, inputs):
        return inputs * keras.activations.sigmoid(self.gate)


model = keras.Sequential([keras.Input((4,)), FeatureScale(), Gate(), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
plateau = keras.callbacks.ReduceLROnPlateau(monitor="loss", factor=0.5, patience=1)
train = Batches(np.ones((16, 4)), np.ones((16, 1)), workers=1, max_queue_size=4)
history = model.fit(train, epochs=3, verbose=0, callbacks=[plateau])
for loss, rate in zip(history.history["loss"], history.history["learning_rate"]):  # KER226:64
    print(f"{loss:.4f} at learning rate {rate:g}")
