# kerascheck-case: --keras-target keras3
"""A tf.keras 2.x two-branch model and a transfer-learning encoder that reach layers by their default names."""
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers


def build_branch(size):
    inputs = layers.Input(shape=(size,))
    hidden = layers.Dense(32, activation="relu")(inputs)
    return tf.keras.Model(inputs, hidden)


def build_unet_encoder():
    backbone = tf.keras.applications.MobileNetV2(input_shape=(128, 128, 3), include_top=False, weights=None)
    skips = [
        backbone.get_layer("input_1").output,  # KER241:28
        backbone.get_layer("block_1_expand_relu").output,
    ]
    return tf.keras.Model(backbone.input, skips)


left = layers.Input(shape=(16,))
right = layers.Input(shape=(8,), name="right")
branch = build_branch(16)
merged = layers.concatenate([branch(left), layers.Dense(32)(right)])
model = tf.keras.Model(inputs=[left, right], outputs=layers.Dense(1, activation="sigmoid")(merged))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.get_layer("model").trainable = False  # KER241:17
model.fit({"input_2": np.zeros((4, 16)), "right": np.zeros((4, 8))}, np.zeros((4, 1)))  # KER241:11
print(model.get_layer("right").output.shape)
