"""Residual blocks, contributed later and written against tf.keras."""
from tensorflow.keras import layers


def residual_block(x, filters):
    shortcut = x
    x = layers.Conv2D(filters, (3, 3), padding="same", activation="relu")(x)
    x = layers.Conv2D(filters, (3, 3), padding="same")(x)
    return layers.Activation("relu")(layers.add([shortcut, x]))
