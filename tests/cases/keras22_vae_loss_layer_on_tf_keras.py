# kerascheck-case: --keras-target tf.keras
"""The Keras 2.2 variational autoencoder example (its loss layer reads the encoder's tensors from outside), on TF 2.15."""
import numpy as np
from tensorflow.keras import backend as K
from tensorflow.keras import layers
from tensorflow.keras.models import Model

original_dim, latent_dim = 784, 2
x = layers.Input(shape=(original_dim,))
h = layers.Dense(256, activation="relu")(x)
z_mean = layers.Dense(latent_dim)(h)
z_log_var = layers.Dense(latent_dim)(h)


def sampling(args):
    mean, log_var = args
    epsilon = K.random_normal(shape=(K.shape(mean)[0], latent_dim))
    return mean + K.exp(log_var / 2) * epsilon


z = layers.Lambda(sampling)([z_mean, z_log_var])
x_decoded_mean = layers.Dense(original_dim, activation="sigmoid")(layers.Dense(256, activation="relu")(z))


class CustomVariationalLayer(layers.Layer):
    def vae_loss(self, x, x_decoded_mean):
        xent_loss = original_dim * K.mean(K.binary_crossentropy(x, x_decoded_mean), axis=-1)
        kl_loss = -0.5 * K.sum(1 + z_log_var - K.square(z_mean) - K.exp(z_log_var), axis=-1)  # KER330:36 KER330:57
        return K.mean(xent_loss + kl_loss)

    def call(self, inputs, training=None):
        loss = self.vae_loss(inputs[0], inputs[1])
        self.add_loss(loss, inputs=inputs)
        return inputs[0]


y = CustomVariationalLayer()([x, x_decoded_mean])
vae = Model(x, y)
vae.compile(optimizer="rmsprop", loss=None)
vae.fit(np.random.rand(32, original_dim), epochs=1, batch_size=16, verbose=0)
