"""A text classifier served with tf.keras."""
import tensorflow as tf


def predict(texts):
    model = tf.keras.models.load_model("classifier.keras")
    return model.predict(tf.constant(texts))
