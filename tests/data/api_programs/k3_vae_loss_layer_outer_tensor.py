# target: keras3
# expect: raises
# says: ValueError
# The Keras 2.2 VAE example's loss layer: it reads the encoder's z_mean from outside its inputs.
import numpy as np

import keras
from keras import layers, ops

x = layers.Input(shape=(8,))
h = layers.Dense(4, activation="relu")(x)
z_mean = layers.Dense(2)(h)
x_decoded = layers.Dense(8, activation="sigmoid")(z_mean)


class VariationalLayer(layers.Layer):
    def call(self, inputs, training=None):
        xent = ops.sum(ops.binary_crossentropy(inputs[0], inputs[1]), axis=-1)
        self.add_loss(ops.mean(xent - 0.5 * ops.sum(1 - ops.square(z_mean), axis=-1)))  # breaks
        return inputs[0]


y = VariationalLayer()([x, x_decoded])
vae = keras.Model(x, y)
vae.compile(optimizer="adam", loss=None)
vae.fit(np.random.rand(16, 8), epochs=1, verbose=0)
