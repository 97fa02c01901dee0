# target: tf.keras
# expect: raises
# Keras 3 code (its model.save takes include_optimizer with a .keras file) run on TF 2.15.
import os
import tempfile

from tensorflow import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
path = os.path.join(tempfile.mkdtemp(), "deploy.keras")
model.save(path, include_optimizer=False)  # breaks
