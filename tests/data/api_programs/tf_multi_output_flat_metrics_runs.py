# target: tf.keras
# expect: runs
# says: a_mae
import numpy as np
from tensorflow import keras

# tf.keras applies each metric of a flat list to every output
inputs = keras.Input((4,))
model = keras.Model(inputs, [keras.layers.Dense(1, name="a")(inputs), keras.layers.Dense(1, name="b")(inputs)])
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
history = model.fit(np.random.rand(8, 4), [np.random.rand(8, 1), np.random.rand(8, 1)], epochs=1, verbose=0)
print(sorted(history.history))
