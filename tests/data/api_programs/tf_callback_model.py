# target: tf.keras
# expect: raises
# says: AttributeError
import numpy as np
from tensorflow import keras

inputs = keras.Input((3,))
model = keras.Model(inputs, keras.layers.Dense(2)(inputs))
model.compile(optimizer="sgd", loss="mse")
model.fit(np.ones((2, 3)), np.ones((2, 2)), verbose=0)
callback_model = model.callback_model  # breaks
