# target: tf.keras
# expect: runs
# tf.keras looks a string activation up among the registered custom objects first: the module's `swish` is used
# (Keras 3 uses its own: KER248).
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.keras.utils import get_custom_objects


def swish(x):
    return 2.0 * x * tf.sigmoid(x)


get_custom_objects().update({"swish": layers.Activation(swish)})
dense = layers.Dense(1, activation=swish, kernel_initializer="ones", use_bias=False)
model = tf.keras.Sequential([tf.keras.Input((1,)), dense])
assert np.allclose(model.predict(np.full((1, 1), 2.0), verbose=0), 3.5231884)
by_name = tf.keras.Sequential([tf.keras.Input((1,)), layers.Dense(1, "swish", kernel_initializer="ones", use_bias=False)])
assert np.allclose(by_name.predict(np.full((1, 1), 2.0), verbose=0), 3.5231884)
