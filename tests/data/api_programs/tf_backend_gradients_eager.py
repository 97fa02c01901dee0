# target: tf.keras
# expect: raises
# says: tf.gradients is not supported when eager execution is enabled
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import backend as K

x = tf.constant(np.ones((2, 3), "float32"))
grads = K.gradients(tf.reduce_sum(x * x), [x])  # breaks
