# kerascheck-case: --keras-target tf.keras
"""Backend helpers of a 2020 library that completes `keras.backend` with its own functions at import time (as
bert4keras's backend.py does): a read of a name the module sets is the module's function, on any Keras."""

import numpy as np
import tensorflow as tf
import keras.backend as K


def flatten(tensor, start=None, end=None):
    """Merge the axes from start to end of a tensor into one."""
    shape = K.shape(tensor)
    shape = [s or shape[i] for i, s in enumerate(K.int_shape(tensor))]
    start, end = start or 0, end or K.ndim(tensor)
    shape = shape[:start] + [K.prod(shape[start:end])] + shape[end:]
    return K.reshape(tensor, shape)


def where(cond, x, y):
    return tf.where(K.cast(cond, "bool"), x, y)


def sinusoidal_embeddings(pos, dim):
    indices = K.arange(0, dim // 2, dtype=K.floatx())
    embeddings = tf.einsum("...,d->...d", pos, indices)
    embeddings = K.stack([K.sin(embeddings), K.cos(embeddings)], axis=-1)
    return K.flatten(embeddings, -2)


def multilabel_crossentropy(y_true, y_pred):
    y_pred = (1 - 2 * y_true) * y_pred
    y_neg = K.where(K.equal(y_true, 1), -np.inf, y_pred)
    y_pos = K.where(K.equal(y_true, 0), -np.inf, -y_pred)
    zeros = K.zeros_like(y_pred[..., :1])
    neg_loss = K.logsumexp(K.concatenate([y_neg, zeros], axis=-1), axis=-1)
    pos_loss = K.logsumexp(K.concatenate([y_pos, zeros], axis=-1), axis=-1)
    return neg_loss + pos_loss


def session():
    return K.get_session()  # KER111:14


# tf.keras's backend lacks these: give it ours
K.logsumexp = getattr(K, "logsumexp", None) or tf.math.reduce_logsumexp
K.flatten = flatten
K.where = where
