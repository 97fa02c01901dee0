# kerascheck-case: --keras-target tf.keras
"""A Keras 2.1 face-embedding model (orthogonality regularizer, a margin loss) moved to TF 2.15's tf.keras."""
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K
from tensorflow.keras import layers

EMBEDDING = 16
IDENTITY = K.eye(EMBEDDING)  # made once, at import: fine


def orthogonal(w):
    n = w.shape[-1]
    return 1e-3 * K.sum(K.square(K.dot(K.transpose(w), w) - K.eye(n)))  # KER249:61


def soft_orthogonal(w):
    return 1e-3 * K.sum(K.square(K.dot(K.transpose(w), w) - IDENTITY))


def margin_loss(margin):
    def loss(y_true, y_pred):
        zero = K.zeros((1,))  # KER249:16
        return K.mean(K.maximum(zero, margin - y_true * y_pred))

    return loss


def batch_hinge(y_true, y_pred):
    return K.mean(K.maximum(K.zeros(K.shape(y_pred)), 1.0 - y_true * y_pred))  # a symbolic shape: a tensor


inputs = tf.keras.Input((32,))
hidden = layers.Dense(EMBEDDING, kernel_regularizer=orthogonal)(inputs)
hidden = layers.Dense(EMBEDDING, kernel_regularizer=soft_orthogonal)(hidden)
outputs = layers.Dense(1, activation="tanh")(hidden)
model = tf.keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss=margin_loss(0.5), metrics=[batch_hinge])
model.fit(np.zeros((4, 32)), np.ones((4, 1)), epochs=1, verbose=0)
