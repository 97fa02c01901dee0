# target: tf.keras
# expect: raises
# says: ValueError: `validation_split` is only supported for Tensors or NumPy arrays
import numpy as np
from tensorflow import keras


class Batches(keras.utils.Sequence):
    def __len__(self):
        return 4

    def __getitem__(self, index):
        return np.ones((8, 3)), np.ones((8, 1))


model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(Batches(), epochs=1, verbose=0, validation_split=0.25)  # breaks
