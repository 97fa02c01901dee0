# kerascheck-case: --keras-target keras3
"""The Keras 2 variational autoencoder example (2019), run on Keras 3 with the TensorFlow backend."""
import os

import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import backend as K
from tensorflow.keras import layers

original_dim = 784
latent_dim = 2
export_dir = "exports"


def sampling(args):
    z_mean, z_log_var = args
    epsilon = K.random_normal(shape=(K.shape(z_mean)[0], latent_dim))
    return z_mean + K.exp(0.5 * z_log_var) * epsilon


inputs = keras.Input(shape=(original_dim,), name="encoder/input")  # KER223:50
hidden = layers.Dense(64, activation="relu", name="encoder/hidden")(inputs)  # KER223:51
z_mean = layers.Dense(latent_dim, name="z_mean")(hidden)
z_log_var = layers.Dense(latent_dim, name="z_log_var")(hidden)
assert z_mean.get_shape().as_list()[-1] == latent_dim  # KER325:8
z = layers.Lambda(sampling, output_shape=(latent_dim,), name="z")([z_mean, z_log_var])
decoded = layers.Dense(
    original_dim,
    activation="sigmoid",
    name=f"decoder/{original_dim}",  # KER223:10
)(z)

vae = keras.Model(inputs, decoded, name="vae")
reconstruction_loss = original_dim * tf.reduce_mean(  # KER320:38
    tf.square(inputs - decoded),  # KER320:5
    axis=-1,
)
kl_loss = -0.5 * tf.reduce_sum(1 + z_log_var - tf.square(z_mean) - tf.exp(z_log_var), axis=-1)  # KER320:18 KER320:48 KER320:68
vae.add_loss(tf.reduce_mean(reconstruction_loss + kl_loss))  # KER322:1 KER320:14
vae.compile(optimizer="adam")

x_train = np.random.rand(128, original_dim).astype("float32")
vae.fit(x_train, epochs=1, batch_size=32)
vae.save_weights("vae_mlp_mnist.h5")  # KER208:18
vae.save(os.path.join(export_dir, "vae"))  # KER208:10
restored = keras.models.load_model(os.path.join(export_dir, "vae"))  # KER220:36
print(vae.to_yaml())  # KER221:7
vae.save("vae.keras")
reloaded = keras.models.load_model("vae.keras", compile=False)  # KER225:12
