# kerascheck-case: --keras-target tf.keras
"""A character-level seq2seq model of 2017: generators from Keras 2.0, layers imported from two places."""
import keras
import numpy as np
import tensorflow as tf
from keras.engine.topology import Layer  # KER101:1
from tensorflow.python.keras.layers import recurrent  # KER103:1 KER403:1

num_tokens = 64
latent_dim = 256
batch_size = 64


class Reverse(Layer):
    def call(self, inputs):
        return tf.reverse(inputs, axis=[1])


def batches(x, y):
    while True:
        for start in range(0, len(x), batch_size):
            yield x[start : start + batch_size], y[start : start + batch_size]


encoder_inputs = tf.keras.Input(shape=(None, num_tokens))
encoded, state_h, state_c = tf.keras.layers.LSTM(latent_dim, return_state=True)(Reverse()(encoder_inputs))
decoder_inputs = tf.keras.Input(shape=(None, num_tokens))
decoded = recurrent.LSTM(latent_dim, return_sequences=True)(decoder_inputs, initial_state=[state_h, state_c])
outputs = keras.layers.Dense(num_tokens, activation="softmax")(decoded)
model = tf.keras.Model([encoder_inputs, decoder_inputs], outputs)
model.compile(optimizer="rmsprop", loss="categorical_crossentropy")

x = np.zeros((640, 20, num_tokens), dtype="float32")
model.fit_generator(  # KER112:7
    batches([x, x], x),
    steps_per_epoch=10,
    epochs=1,
    validation_data=batches([x, x], x),
    nb_val_samples=640,  # KER204:5
)
predictions = model.predict_generator(batches([x, x], x), val_samples=128)  # KER112:21 KER204:59

normalizer = tf.keras.Sequential([tf.keras.Input((20, num_tokens)), tf.keras.layers.Lambda(lambda t: t / 2.0)])
normalizer.save("normalizer.keras")
normalizer = tf.keras.models.load_model("normalizer.keras")  # KER225:14
