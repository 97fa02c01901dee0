# target: tf.keras
# expect: runs
# keras 2.15.0's Dense and Conv2D take int(units) / int(filters) of a float.
from tensorflow import keras

n_hidden = 64
model = keras.Sequential([
    keras.Input((8, 8, 3)),
    keras.layers.Conv2D(n_hidden / 4, 3),
    keras.layers.Flatten(),
    keras.layers.Dense(n_hidden / 2),
])
assert model.layers[-1].units == 32
