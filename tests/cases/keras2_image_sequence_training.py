# kerascheck-case: --keras-target tf.keras
"""A Keras 2 image classifier trained from a Sequence of file batches, split for validation as arrays were."""
import math

import numpy as np
from PIL import Image
from tensorflow import keras


class ImageBatches(keras.utils.Sequence):
    def __init__(self, paths, labels, batch_size=32):
        self.paths, self.labels, self.batch_size = paths, labels, batch_size

    def __len__(self):
        return math.ceil(len(self.paths) / self.batch_size)

    def __getitem__(self, index):
        chunk = slice(index * self.batch_size, (index + 1) * self.batch_size)
        images = np.stack([np.asarray(Image.open(path).resize((64, 64))) for path in self.paths[chunk]])
        return images / 255.0, np.asarray(self.labels[chunk])


paths = [f"images/{i}.png" for i in range(1000)]
labels = np.random.randint(0, 10, 1000)
model = keras.Sequential(
    [
        keras.Input((64, 64, 3)),
        keras.layers.Conv2D(16, 3, activation="relu"),
        keras.layers.GlobalAveragePooling2D(),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
batches = ImageBatches(paths, labels)
model.fit(batches, epochs=5, validation_split=0.2)  # KER215:30
model.fit(ImageBatches(paths[:100], labels[:100]), epochs=1, validation_split=0.1)  # KER215:62
