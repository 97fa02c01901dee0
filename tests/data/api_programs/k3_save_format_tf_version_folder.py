# target: keras3
# expect: raises
import os
import tempfile

import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
version = 1
export_path = os.path.join(tempfile.mkdtemp(), str(version))
model.save(export_path, save_format="tf")  # breaks
