# kerascheck-case: --keras-target keras3
"""A GAN and an adversarial autoencoder in the Keras-GAN style (one Adam for every model), run on Keras 3."""
import numpy as np
from keras.layers import BatchNormalization, Dense, Input, LeakyReLU, Reshape, Flatten
from keras.models import Model, Sequential
from keras.optimizers import Adam


class GAN:
    def __init__(self):
        self.img_shape = (28, 28, 1)
        self.latent_dim = 100

        optimizer = Adam(0.0002, 0.5)

        # Build and compile the discriminator
        self.discriminator = self.build_discriminator()
        self.discriminator.compile(loss="binary_crossentropy", optimizer=optimizer, metrics=["accuracy"])

        # The generator takes noise as input and generates imgs
        self.generator = self.build_generator()
        z = Input(shape=(self.latent_dim,))
        img = self.generator(z)

        # For the combined model we will only train the generator
        self.discriminator.trainable = False  # KER327:9
        validity = self.discriminator(img)

        # The combined model  (stacked generator and discriminator)
        self.combined = Model(z, validity)
        self.combined.compile(loss="binary_crossentropy", optimizer=optimizer)  # KER229:69

    def build_generator(self):
        model = Sequential()
        model.add(Dense(256, input_dim=self.latent_dim))
        model.add(LeakyReLU(negative_slope=0.2))
        model.add(BatchNormalization(momentum=0.8))
        model.add(Dense(int(np.prod(self.img_shape)), activation="tanh"))
        model.add(Reshape(self.img_shape))
        noise = Input(shape=(self.latent_dim,))
        return Model(noise, model(noise))

    def build_discriminator(self):
        model = Sequential()
        model.add(Flatten(input_shape=self.img_shape))
        model.add(Dense(256))
        model.add(LeakyReLU(negative_slope=0.2))
        model.add(Dense(1, activation="sigmoid"))
        img = Input(shape=self.img_shape)
        return Model(img, model(img))

    def train(self, x_train, epochs, batch_size=128):
        valid = np.ones((batch_size, 1))
        fake = np.zeros((batch_size, 1))
        for epoch in range(epochs):
            imgs = x_train[np.random.randint(0, x_train.shape[0], batch_size)]
            noise = np.random.normal(0, 1, (batch_size, self.latent_dim))
            gen_imgs = self.generator.predict(noise)
            d_loss_real = self.discriminator.train_on_batch(imgs, valid)
            d_loss_fake = self.discriminator.train_on_batch(gen_imgs, fake)
            d_loss = 0.5 * np.add(d_loss_real, d_loss_fake)
            g_loss = self.combined.train_on_batch(noise, valid)
            print("%d [D loss: %f] [G loss: %f]" % (epoch, d_loss[0], g_loss))


# An adversarial autoencoder, written at module level
latent_dim = 10
optimizer = Adam(learning_rate=0.0002, beta_1=0.5)
encoder = Sequential([Input((784,)), Dense(512), LeakyReLU(negative_slope=0.2), Dense(latent_dim)])
decoder = Sequential([Input((latent_dim,)), Dense(512), LeakyReLU(negative_slope=0.2), Dense(784, activation="tanh")])
discriminator = Sequential([Input((latent_dim,)), Dense(512), LeakyReLU(negative_slope=0.2), Dense(1, activation="sigmoid")])
discriminator.compile(loss="binary_crossentropy", optimizer=optimizer, metrics=["accuracy"])
discriminator.trainable = False  # KER327:1
images = Input((784,))
encoded = encoder(images)
adversarial_autoencoder = Model(images, [decoder(encoded), discriminator(encoded)])
adversarial_autoencoder.compile(loss=["mse", "binary_crossentropy"], loss_weights=[0.999, 0.001], optimizer=optimizer)  # KER229:109

if __name__ == "__main__":
    x = np.random.rand(256, 784).astype("float32")
    for step in range(100):
        batch = x[np.random.randint(0, 256, 32)]
        latent_fake = encoder.predict(batch)
        latent_real = np.random.normal(size=(32, latent_dim))
        discriminator.train_on_batch(latent_real, np.ones((32, 1)))
        discriminator.train_on_batch(latent_fake, np.zeros((32, 1)))
        adversarial_autoencoder.train_on_batch(batch, [batch, np.ones((32, 1))])
    GAN().train(np.random.rand(256, 28, 28, 1), epochs=2)
