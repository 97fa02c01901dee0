# target: tf.keras
# expect: runs
# says: branches 0.001 1.0
import numpy as np
from packaging import version

import keras  # keras 2.15.0, the one TF 2.15.1 installs

# the Keras 2 branches take the else branch on TF 2.15.1: what they would break is not reported (probe 12 FP-2, FP-4)
major, minor = (int(part) for part in keras.__version__.split(".")[:2])
if (major, minor) < (2, 3):
    first = keras.optimizers.Adam(lr=1e-3)
else:
    first = keras.optimizers.Adam(learning_rate=1e-3)
if version.parse(keras.__version__) < version.parse("2.3"):
    second = keras.optimizers.Adam(lr=1e-3)
else:
    second = keras.optimizers.Adam(learning_rate=1e-3)
x = np.array([1.0, -3.0], "float32")
smallest = keras.ops.min(keras.ops.abs(x)) if hasattr(keras, "ops") else keras.backend.min(keras.backend.abs(x))
print("branches", round(float(first.learning_rate), 4), float(smallest), type(second).__name__)
