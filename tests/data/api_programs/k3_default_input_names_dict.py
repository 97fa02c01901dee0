# target: keras3
# expect: raises
# Two unnamed inputs fed by tf.keras's default names.
import numpy as np
import keras

a = keras.Input((4,))
b = keras.Input((3,))
merged = keras.layers.Concatenate()([a, b])
model = keras.Model([a, b], keras.layers.Dense(1)(merged))
model.compile(optimizer="adam", loss="mse")
model.fit({"input_1": np.zeros((8, 4)), "input_2": np.zeros((8, 3))}, np.zeros((8, 1)), verbose=0)  # breaks
