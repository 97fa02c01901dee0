# target: tf.keras
# expect: raises
# says: TypeError: 'str' object is not callable
import numpy as np
from tensorflow import keras

model = keras.Sequential([keras.layers.Dense(2, input_shape=(3,))])
x, y = np.ones((4, 3)), np.ones((4, 2))
model.compile(optimizer="sgd", loss="mse", metrics=["cosine"]); model.fit(x, y, verbose=0)  # breaks
