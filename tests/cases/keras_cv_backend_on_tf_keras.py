# kerascheck-case: --keras-target tf.keras
"""keras-cv's backend shim (keras_cv/src/backend/random.py, ops.py): Keras-3-only imports behind `keras_3()`, which is
false on TF 2.15 (tensorflow.keras has no `version()` there), so they never run on tf.keras."""
import random as python_random

from keras_cv.src.backend import config
from keras_cv.src.backend.config import keras_3

if config.keras_3():
    from keras.ops import *  # noqa: F403, F401
else:
    from keras_core.src.ops import *  # noqa: F403, F401

if keras_3():
    from keras.random import *  # noqa: F403, F401
else:
    from keras_core.random import *  # noqa: F403, F401


def draw(seed=None):
    if not keras_3():
        from keras.random import uniform  # KER101:9

        return uniform((1,), seed=seed)
    return python_random.random()
