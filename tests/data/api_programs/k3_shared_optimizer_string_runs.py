# target: keras3
# expect: runs
# says: both trained
import numpy as np

import keras

discriminator = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8), keras.layers.Dense(1)])
discriminator.compile(loss="binary_crossentropy", optimizer="adam")  # a new Adam at each compile
generator = keras.Sequential([keras.Input((2,)), keras.layers.Dense(4)])
z = keras.Input((2,))
combined = keras.Model(z, discriminator(generator(z)))
combined.compile(loss="binary_crossentropy", optimizer="adam")
for step in range(2):
    discriminator.train_on_batch(np.random.rand(8, 4), np.ones((8, 1)))
    combined.train_on_batch(np.random.rand(8, 2), np.ones((8, 1)))
print("both trained")
