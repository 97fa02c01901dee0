# kerascheck-case: --keras-target tf.keras --extend-select KER303
"""Attention and highway layers from a Keras 2.1 NLP repository, used with tf.keras on TensorFlow 2.15."""
import tensorflow as tf
from tensorflow.keras import backend as K
from tensorflow.keras import callbacks
from tensorflow.keras import layers
from tensorflow.keras.models import Model
from tensorflow.python.keras.utils import conv_utils  # KER103:1 KER403:1


class Attention(layers.Layer):
    def __init__(self, units, **kwargs):
        super(Attention, self).__init__(**kwargs)
        self.units = units
        self.score = layers.Dense(units, activation="tanh")
        self.context = layers.Dense(1, use_bias=False)

    def call(self, inputs, mask=None):
        weights = K.softmax(self.context(self.score(inputs)), axis=1)
        weights = K.in_train_phase(K.dropout(weights, 0.1), weights)
        return K.sum(inputs * weights, axis=1)

    def get_output_shape_for(self, input_shape):  # KER308:9
        return (input_shape[0], input_shape[-1])

    def compute_mask(self, inputs, mask=None):
        return None


class Highway(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.transform = layers.Dense(256, activation="relu")
        self.gate = layers.Dense(256, activation="sigmoid")

    def call(self, x):
        if K.learning_phase():  # KER301:12
            x = tf.nn.dropout(x, rate=0.2)  # KER301:17
        gate = self.gate(x)
        return gate * self.transform(x) + (1.0 - gate) * x

    def __call__(self, x, **kwargs):  # KER305:9
        return self.call(x)


class Encoder(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.highway = Highway()
        self.attention = Attention(64)
        self.norm = layers.BatchNormalization()

    def call(self, inputs, training=None):
        hidden = self.norm(inputs, training=training)
        hidden = self.highway(hidden, training=False)  # KER303:39
        return self.attention(hidden, training=True)  # KER303:39


tokens = layers.Input(shape=(40,))
embedded = layers.Embedding(5000, 256)(tokens)
outputs = layers.Dense(2, activation="softmax")(Encoder()(embedded))
classifier = Model(tokens, outputs)
classifier.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
checkpoint = callbacks.ModelCheckpoint("encoder.h5", save_best_only=True, period=5)  # KER231:75
training_callbacks = [callbacks.BaseLogger(), checkpoint]  # KER111:33
print(conv_utils.normalize_tuple(3, 2, "kernel_size"))


def train(x, y):
    return classifier.fit(x, y, epochs=10, validation_split=0.1, callbacks=training_callbacks)
