# target: tf.keras
# expect: raises
# says: ValueError: tf.function only supports singleton tf.Variables created on the first call
# A Keras 2 orthogonality regularizer: tf.keras's `K.eye` makes a variable, each time the training function runs it.
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K


def orthogonal(w):
    n = w.shape[-1]
    return 0.01 * K.sum(K.square(K.dot(K.transpose(w), w) - K.eye(n)))  # breaks


model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(3, kernel_regularizer=orthogonal)])
model.compile(optimizer="adam", loss="mse")
model.fit(np.zeros((8, 4)), np.zeros((8, 3)), epochs=2, verbose=0)
