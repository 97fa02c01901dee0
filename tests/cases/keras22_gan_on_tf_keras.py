# kerascheck-case: --keras-target tf.keras
"""A DCGAN written for Keras 2.2 (channels-first, Theano habits), ported to tf.keras on TensorFlow 2.15."""
import numpy as np
from tensorflow.keras import backend as K
from tensorflow.keras import layers, optimizers
from tensorflow.keras.layers import AtrousConvolution2D, Deconvolution2D, MaxoutDense  # KER111:37 KER111:58 KER111:75
from tensorflow.keras.models import Model, Sequential
from tensorflow.keras.initializers import normal  # KER111:43

K.set_image_dim_ordering("th")  # KER114:1
latent_dim = 100


def build_generator():
    model = Sequential()
    model.add(MaxoutDense(128 * 7 * 7, nb_feature=4, input_dim=latent_dim))  # KER111:15
    model.add(layers.Reshape((128, 7, 7)))
    model.add(layers.UpSampling2D(size=(2, 2)))
    model.add(
        Deconvolution2D(  # KER111:9 KER203:9
            64,
            5,
            5,
            output_shape=(None, 64, 28, 28),  # KER202:13
            border_mode="same",  # KER201:13
        )
    )
    model.add(layers.Convolution2D(1, 5, 5, border_mode="same", activation="tanh"))  # KER203:15 KER201:45
    return model


def build_discriminator():
    model = Sequential()
    model.add(
        layers.Conv2D(
            64,
            (5, 5),
            padding="same",
            input_shape=(1, 28, 28),
            kernel_initializer=lambda shape, name=None: normal(shape, scale=0.02, name=name),  # KER111:57
        )
    )
    model.add(AtrousConvolution2D(64, 3, 3, atrous_rate=(2, 2)))  # KER111:15 KER117:15 KER202:45
    model.add(layers.LeakyReLU(0.2))
    model.add(layers.Flatten())
    model.add(layers.Dense(1, activation="sigmoid"))
    return model


generator = build_generator()
discriminator = build_discriminator()
discriminator.compile(loss="binary_crossentropy", optimizer=optimizers.adam(lr=0.0002, beta_1=0.5))  # KER111:72 KER205:77
gan_input = layers.Input(shape=(latent_dim,))
gan = Model(gan_input, discriminator(generator(gan_input)))
gan.compile(loss="binary_crossentropy", optimizer=optimizers.Adam(learning_rate=0.0002, beta_1=0.5, epsilon=None))  # KER209:101

noise = np.random.normal(0, 1, (16, latent_dim))
gan.train_on_batch(noise, np.ones((16, 1)), class_weight=None, sample_weight=None, reset_metrics=True)
generator.reset_states()
with open("generator.yaml", "w") as handle:
    handle.write(generator.to_yaml())  # KER221:18
sample = K.function([generator.input, K.learning_phase()], [generator.output])  # KER309:39
