# target: tf.keras
# expect: raises
# says: ValueError: tf.function only supports singleton tf.Variables created on the first call
# A custom loss that pads with `K.zeros((1,))`: a new variable in tf.keras's training function.
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K


def padded_mse(y_true, y_pred):
    return K.mean(K.square(y_pred - y_true)) + K.sum(K.zeros((1,)))  # breaks


model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(3)])
model.compile(optimizer="adam", loss=padded_mse)
model.fit(np.zeros((8, 4)), np.zeros((8, 3)), epochs=1, verbose=0)
