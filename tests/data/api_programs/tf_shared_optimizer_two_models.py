# target: tf.keras
# expect: raises
# says: KeyError: 'The optimizer cannot recognize variable
import numpy as np
from tensorflow import keras

optimizer = keras.optimizers.Adam(0.0002, 0.5)
discriminator = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8), keras.layers.Dense(1)])
discriminator.compile(loss="binary_crossentropy", optimizer=optimizer)
generator = keras.Sequential([keras.Input((2,)), keras.layers.Dense(4)])
z = keras.Input((2,))
discriminator.trainable = False
combined = keras.Model(z, discriminator(generator(z)))
discriminator.train_on_batch(np.random.rand(8, 4), np.ones((8, 1)))
combined.compile(loss="binary_crossentropy", optimizer=optimizer); combined.train_on_batch(np.random.rand(8, 2), np.ones((8, 1)))  # breaks
