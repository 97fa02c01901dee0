# kerascheck-case: --keras-target tf.keras
"""Custom losses of a Keras 1.2 segmentation project (the backend's `output, target` order), on TF 2.15's tf.keras."""
import numpy as np
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Conv2D, Input
from tensorflow.keras.models import Model

SMOOTH = 1.0


def dice_coef(y_true, y_pred):
    intersection = K.sum(K.flatten(y_true) * K.flatten(y_pred))
    return (2.0 * intersection + SMOOTH) / (K.sum(y_true) + K.sum(y_pred) + SMOOTH)


def bce_dice_loss(y_true, y_pred):
    return K.mean(K.binary_crossentropy(y_pred, y_true)) + (1.0 - dice_coef(y_true, y_pred))  # KER247:19


def weighted_categorical(weights):
    weights = K.constant(weights)

    def loss(y_true, y_pred):
        return K.categorical_crossentropy(y_pred, y_true) * K.sum(y_true * weights, axis=-1)  # KER247:16

    return loss


def focal_term(target, output):
    return K.binary_crossentropy(target, output)  # the target first: tf.keras's order


inputs = Input((64, 64, 1))
mask = Conv2D(1, (1, 1), activation="sigmoid")(inputs)
model = Model(inputs, mask)
model.compile(optimizer="adam", loss=bce_dice_loss, metrics=[dice_coef])
model.fit(np.zeros((2, 64, 64, 1)), np.zeros((2, 64, 64, 1)), epochs=1, verbose=0)
