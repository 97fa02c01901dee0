# target: tf.keras
# expect: raises
# says: AttributeError: 'str' object has no attribute 'keys'
import numpy as np
from tensorflow import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="sgd", loss="binary_crossentropy")
model.fit(np.ones((4, 3)), np.array([0, 1, 0, 1]), verbose=0, class_weight="auto")  # breaks
