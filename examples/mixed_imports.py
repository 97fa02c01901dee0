"""A module that grew imports from two Keras implementations over the years."""
import keras  # expect: KER101
import tensorflow as tf
from keras.layers import Dense  # expect: KER101

inputs = keras.Input(shape=(8,))
hidden = Dense(16, activation="relu")(inputs)
outputs = tf.keras.layers.Dense(1)(hidden)  # expect: KER401
model = keras.Model(inputs, outputs)
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=1e-3), loss="mse")
