# kerascheck-case: --keras-target tf.keras --extend-select KER306,KER307,KER324
"""A speech model whose weights were trained with Keras 2.2 (GRU without reset_after); loaded on tf.keras."""
import tensorflow as tf
from tensorflow.keras import layers


class ConvBlock(layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.conv = layers.Conv1D(filters, 5, padding="same")
        self.norm = layers.BatchNormalization()
        self.drop = layers.SpatialDropout1D(0.1)

    def call(self, inputs):  # KER306:9
        return self.drop(tf.nn.relu(self.norm(self.conv(inputs))))


class Projection(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.dense = layers.Dense(units)

    def call(self, inputs, mask=None):  # KER307:9
        return self.dense(inputs)


class Scale(layers.Layer):
    def build(self, input_shape):
        self.gain = self.add_weight(name="gain", shape=(input_shape[-1],), initializer="ones")

    def call(self, inputs):  # KER307:9
        return inputs * self.gain


class Attention(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.score = layers.Dense(1)
        self.dropout = layers.Dropout(rate=0.1)

    def call(  # KER306:9
        self,
        inputs,
        mask=None,
    ):
        weights = tf.nn.softmax(self.score(inputs), axis=1)
        return tf.reduce_sum(self.dropout(weights) * inputs, axis=1)


class Recognizer(tf.keras.Model):
    def __init__(self, alphabet_size):
        super().__init__()
        self.block = ConvBlock(128)
        self.recurrent = layers.Bidirectional(
            layers.GRU(  # KER324:13
                256,
                return_sequences=True,
            )
        )
        self.noise = layers.GaussianNoise(0.05)
        self.head = Projection(alphabet_size)

    def call(self, features, training=None):
        hidden = self.block(self.noise(features, training=training))
        return self.head(self.recurrent(hidden))


def decoder(alphabet_size):
    inputs = tf.keras.Input(shape=(None, 128))
    hidden = layers.GRU(128, return_sequences=True, reset_after=False)(inputs)
    hidden = layers.GRU(128, return_sequences=True)(hidden)  # KER324:14
    return tf.keras.Model(inputs, layers.Dense(alphabet_size)(hidden))


model = Recognizer(29)
model(tf.zeros((1, 100, 80)))
model.load_weights("deepspeech_keras22.h5")
