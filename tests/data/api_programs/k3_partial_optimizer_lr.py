# target: keras3
# expect: raises
# says: ValueError: Argument(s) not recognized: {'lr': 0.0003}
import functools

import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer=functools.partial(keras.optimizers.Adam, lr=3e-4)(), loss="mse")  # breaks
