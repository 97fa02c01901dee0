"""Evaluates a saved tf.keras model on the test split."""
import tensorflow as tf
import tensorflow_datasets as tfds

model = tf.keras.models.load_model("model.h5")
test = tfds.load("mnist", split="test", as_supervised=True).batch(128)
print(model.evaluate(test, return_dict=True))
