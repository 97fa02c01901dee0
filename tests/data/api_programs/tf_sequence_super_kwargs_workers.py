# target: tf.keras
# expect: raises
import numpy as np
from tensorflow import keras


class Batches(keras.utils.Sequence):
    def __init__(self, x, y, batch_size=4, **kwargs):
        super().__init__(**kwargs)  # breaks
        self.x, self.y, self.batch_size = x, y, batch_size

    def __len__(self):
        return len(self.x) // self.batch_size

    def __getitem__(self, index):
        start = index * self.batch_size
        return self.x[start : start + self.batch_size], self.y[start : start + self.batch_size]


train = Batches(np.ones((8, 3)), np.ones((8, 1)), workers=2, use_multiprocessing=False)
