# target: tf.keras
# expect: raises
# says: ValueError: Unknown loss function: 'cosine_proximity'
import numpy as np
from tensorflow import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
x, y = np.ones((4, 3)), np.ones((4, 2))
model.compile(optimizer="sgd", loss="cosine_proximity"); model.fit(x, y, verbose=0)  # breaks
