# kerascheck-case: --keras-target tf.keras
"""A Keras 1 siamese network (2016), half ported: the model code moved to tf.keras, the helpers did not."""
import numpy as np
import tensorflow as tf
from keras import backend as K
from keras.layers import Lambda, merge  # KER113:1

input_shape = (1, 28, 28) if K.image_dim_ordering() == "th" else (28, 28, 1)  # KER114:30


def euclidean_distance(vectors):
    first, second = vectors
    return K.sqrt(K.maximum(K.sum(K.square(first - second), axis=1, keepdims=True), K.epsilon()))


def base_network():
    inputs = tf.keras.layers.Input(shape=input_shape)
    x = tf.keras.layers.Flatten()(inputs)
    x = tf.keras.layers.Dense(128, activation="relu")(x)
    return tf.keras.Model(inputs, x)


left = tf.keras.layers.Input(shape=input_shape)
right = tf.keras.layers.Input(shape=input_shape)
print("pair shape:", left._keras_shape)  # KER325:22
shared = base_network()
distance = Lambda(euclidean_distance)([shared(left), shared(right)])
features = merge(  # KER113:12
    [shared(left), shared(right)],
    mode="concat",
    concat_axis=-1,
)
model = tf.keras.Model([left, right], [distance, features])
model.compile(loss=["mse", "cosine_proximity"], optimizer=tf.keras.optimizers.RMSprop())  # KER211:28
pairs = np.zeros((4, 2) + input_shape, dtype="float32")
model.fit([pairs[:, 0], pairs[:, 1]], [np.zeros((4, 1)), np.zeros((4, 256))], epochs=1)
embed = K.function(
    [left, K.learning_phase()],  # KER309:12
    [features],
)
print(embed([pairs[:, 0], 0])[0].shape)
