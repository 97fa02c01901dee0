# target: tf.keras
# expect: raises
# says: KeyError: 'metrics'
import numpy as np
from tensorflow import keras

model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
model.compile("sgd", "mse")
logger = keras.callbacks.BaseLogger  # naming the class is fine: only a created one fails
model.fit(np.ones((4, 2)), np.ones((4, 1)), verbose=0, callbacks=[keras.callbacks.BaseLogger()])  # breaks
