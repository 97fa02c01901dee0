# kerascheck-case: --keras-target keras3
"""Backend helpers of a 2020 library that completes `keras.backend` with its own functions at import time (as
bert4keras's backend.py does): a read of a name the module sets is the module's function, on any Keras."""

import numpy as np
import keras
import keras.backend as K


def flatten(tensor, start=None, end=None):
    """Merge the axes from start to end of a tensor into one."""
    shape = list(keras.ops.shape(tensor))
    start, end = start or 0, end or len(shape)
    shape = shape[:start] + [int(np.prod(shape[start:end]))] + shape[end:]
    return keras.ops.reshape(tensor, shape)


def sinusoidal_embeddings(pos, dim):
    indices = keras.ops.arange(0, dim // 2, dtype="float32")
    embeddings = keras.ops.einsum("...,d->...d", pos, indices)
    embeddings = keras.ops.stack([keras.ops.sin(embeddings), keras.ops.cos(embeddings)], axis=-1)
    return K.flatten(embeddings, -2)


def multilabel_crossentropy(y_true, y_pred):
    y_pred = (1 - 2 * y_true) * y_pred
    zeros = keras.ops.zeros_like(y_pred[..., :1])
    neg_loss = K.logsumexp(keras.ops.concatenate([y_pred - y_true * 1e12, zeros], axis=-1), axis=-1)
    pos_loss = K.logsumexp(keras.ops.concatenate([-y_pred - (1 - y_true) * 1e12, zeros], axis=-1), axis=-1)
    return neg_loss + pos_loss


def root_mean_square(x, axis=None):
    return K.sqrt(K.mean(x * x, axis=axis))  # KER115:12 KER115:19


# keras.backend of some releases lacks these: give it ours
K.logsumexp = getattr(K, "logsumexp", None) or keras.ops.logsumexp
K.flatten = flatten
