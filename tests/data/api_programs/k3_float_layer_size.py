# target: keras3
# expect: raises
# Sized with Python 2's int division in mind.
import keras

n_features, n_hidden = 12, 64
inputs = keras.Input((n_features,))
x = keras.layers.Dense(n_hidden, activation="relu")(inputs)
x = keras.layers.Dense(n_hidden / 2, activation="relu")(x)  # breaks
model = keras.Model(inputs, keras.layers.Dense(1)(x))
