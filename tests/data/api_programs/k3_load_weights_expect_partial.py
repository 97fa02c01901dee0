# target: keras3
# expect: raises
import os
import tempfile

import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
path = os.path.join(tempfile.mkdtemp(), "model.weights.h5")
model.save_weights(path)
model.load_weights(path).expect_partial()  # breaks
