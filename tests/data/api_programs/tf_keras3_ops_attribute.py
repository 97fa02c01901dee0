# target: tf.keras
# expect: raises
# says: AttributeError: module 'keras.api._v2.keras' has no attribute 'ops'
import numpy as np
import tensorflow as tf

total = tf.keras.ops.sum(np.ones(3))  # breaks
