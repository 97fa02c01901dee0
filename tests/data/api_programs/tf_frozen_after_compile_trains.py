# target: tf.keras
# expect: runs
# says: discriminator trained: True
import numpy as np
from tensorflow import keras

# Keras 2 reads `trainable` when a model is compiled: the discriminator, compiled before it is frozen, still trains
discriminator = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="sigmoid")])
discriminator.compile(loss="binary_crossentropy", optimizer="adam")
generator = keras.Sequential([keras.Input((2,)), keras.layers.Dense(4)])
discriminator.trainable = False
noise = keras.Input((2,))
combined = keras.Model(noise, discriminator(generator(noise)))
combined.compile(loss="binary_crossentropy", optimizer="adam")
before = discriminator.get_weights()[0].copy()
discriminator.train_on_batch(np.random.rand(8, 4), np.ones((8, 1)))
combined.train_on_batch(np.random.rand(8, 2), np.ones((8, 1)))
print("discriminator trained:", not np.allclose(before, discriminator.get_weights()[0]))
