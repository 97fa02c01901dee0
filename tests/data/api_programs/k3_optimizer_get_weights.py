# target: keras3
# expect: raises
# says: AttributeError: 'Adam' object has no attribute 'get_weights'
import numpy as np

import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(np.zeros((4, 3)), np.zeros((4, 1)), verbose=0)
state = model.optimizer.get_weights()  # breaks
