# target: tf.keras
# expect: raises
import numpy as np
from tensorflow import keras

model = keras.Sequential([keras.layers.Dense(2, activation="softmax", input_shape=(3,))])
probabilities = model.predict_proba(np.ones((4, 3), "float32"))  # breaks
