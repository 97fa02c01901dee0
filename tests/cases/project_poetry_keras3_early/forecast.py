"""An LSTM forecaster on tf.keras."""
import tensorflow as tf


def forecaster(window, features):
    return tf.keras.Sequential(
        [
            tf.keras.layers.Input(shape=(window, features)),
            tf.keras.layers.LSTM(64),
            tf.keras.layers.Dense(1),
        ]
    )
