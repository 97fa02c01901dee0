# target: tf.keras
# expect: raises
# says: AttributeError: 'Adam' object has no attribute 'get_weights'
import numpy as np
from tensorflow import keras

model = keras.Sequential([keras.layers.Dense(1, input_shape=(3,))])
model.compile(optimizer="adam", loss="mse")
model.fit(np.zeros((4, 3)), np.zeros((4, 1)), verbose=0)
state = model.optimizer.get_weights()  # breaks
