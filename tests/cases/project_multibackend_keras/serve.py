"""Serves predictions; the early-stopping callback came from the tf.keras docs."""
import tensorflow as tf
from keras.models import load_model  # KER101:1

stop = tf.keras.callbacks.EarlyStopping(patience=2)  # KER401:8
model = load_model("model.h5")
model.fit(tf.zeros((8, 32, 32, 3)), tf.zeros((8,)), callbacks=[stop])
