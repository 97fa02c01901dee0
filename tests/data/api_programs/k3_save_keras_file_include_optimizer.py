# target: keras3
# expect: runs
import os
import tempfile

import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
path = os.path.join(tempfile.mkdtemp(), "deploy.keras")
model.save(path, include_optimizer=False)
print(type(keras.models.load_model(path)).__name__)
