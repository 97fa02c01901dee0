# target: keras3
# expect: raises
# says: ValueError: Argument `optimizer_variables` must be a list of tensors corresponding 1:1 to the trainable variables list that the optimizer was built with
import numpy as np

import keras

optimizer = keras.optimizers.Adam(0.0002, 0.5)
discriminator = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8), keras.layers.Dense(1)])
discriminator.compile(loss="binary_crossentropy", optimizer=optimizer)
generator = keras.Sequential([keras.Input((2,)), keras.layers.Dense(4)])
z = keras.Input((2,))
combined = keras.Model(z, discriminator(generator(z)))
discriminator.train_on_batch(np.random.rand(8, 4), np.ones((8, 1)))
combined.compile(loss="binary_crossentropy", optimizer=optimizer); combined.train_on_batch(np.random.rand(8, 2), np.ones((8, 1)))  # breaks
