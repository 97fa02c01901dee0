# kerascheck-case: --keras-target tf.keras
"""A TF 1.x-era (tf.keras 1.13) attention layer and text classifier, moved to TensorFlow 2."""
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K
from tensorflow.keras import initializers
from tensorflow.keras.layers import GRU, Bidirectional, Dense, Embedding, Input, Layer
from tensorflow.keras.models import Model


class AttentionWithContext(Layer):
    def __init__(self, **kwargs):
        self.init = initializers.get("glorot_uniform")
        super(AttentionWithContext, self).__init__(**kwargs)

    def build(self, input_shape):
        assert len(input_shape) == 3
        features = input_shape[-1].value  # KER328:20
        self.W = self.add_weight(name="W", shape=(features, features), initializer=self.init)
        self.u = self.add_weight(name="u", shape=(features,), initializer=self.init)
        super(AttentionWithContext, self).build(input_shape)

    def call(self, x, mask=None, training=None):
        uit = K.tanh(K.dot(x, self.W))
        ait = K.exp(K.sum(uit * self.u, axis=-1))
        ait /= K.sum(ait, axis=1, keepdims=True) + K.epsilon()
        return K.sum(x * K.expand_dims(ait), axis=1)

    def compute_output_shape(self, input_shape):
        return input_shape[0], input_shape[-1]


def flatten_time(x):
    steps, features = x.shape[1].value, x.get_shape()[2].value  # KER328:23 KER328:41
    return tf.reshape(x, (-1, steps * features))


def build_classifier(vocabulary=20000, length=100):
    words = Input(shape=(length,))
    x = Embedding(vocabulary, 128)(words)
    x = Bidirectional(GRU(64, return_sequences=True))(x)
    x = AttentionWithContext()(x)
    return Model(words, Dense(1, activation="sigmoid")(x))


if __name__ == "__main__":
    model = build_classifier()
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    model.fit(np.random.randint(0, 20000, (32, 100)), np.random.randint(0, 2, (32, 1)), epochs=1)
