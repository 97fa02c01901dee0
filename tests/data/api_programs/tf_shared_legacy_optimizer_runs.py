# target: tf.keras
# expect: runs
# says: both trained
import numpy as np
from tensorflow import keras

optimizer = keras.optimizers.legacy.Adam(0.0002, 0.5)  # TF 2.15's legacy optimizers make slots per variable
discriminator = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8), keras.layers.Dense(1)])
discriminator.compile(loss="binary_crossentropy", optimizer=optimizer)
generator = keras.Sequential([keras.Input((2,)), keras.layers.Dense(4)])
z = keras.Input((2,))
discriminator.trainable = False
combined = keras.Model(z, discriminator(generator(z)))
combined.compile(loss="binary_crossentropy", optimizer=optimizer)
for step in range(2):
    discriminator.train_on_batch(np.random.rand(8, 4), np.ones((8, 1)))
    combined.train_on_batch(np.random.rand(8, 2), np.ones((8, 1)))
print("both trained")
