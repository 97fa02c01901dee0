# kerascheck-case: --keras-target keras3
"""A Keras 2 GAN in the style of the Keras-GAN examples: layers sized with NumPy, which Keras 2 took."""
import numpy as np
from keras.layers import BatchNormalization, Dense, Embedding, Flatten, Input, LeakyReLU, Reshape
from keras.models import Model, Sequential


class GAN:
    def __init__(self, rows=28, cols=28, channels=1, latent_dim=100, n_classes=10):
        self.img_shape = (rows, cols, channels)
        self.latent_dim = latent_dim
        self.n_classes = n_classes

    def build_generator(self):
        model = Sequential()
        model.add(Input((self.latent_dim,)))
        model.add(Dense(256))
        model.add(LeakyReLU(0.2))
        model.add(BatchNormalization(momentum=0.8))
        model.add(Dense(np.prod(self.img_shape), activation="tanh"))  # KER255:25
        model.add(Reshape(self.img_shape))
        return model

    def build_discriminator(self):
        img = Input(shape=self.img_shape)
        flat = Flatten()(img)
        hidden = Dense(int(np.prod(self.img_shape)) // 2)(flat)
        hidden = LeakyReLU(0.2)(hidden)
        validity = Dense(1, activation="sigmoid")(hidden)
        return Model(img, validity)

    def build_label_embedding(self):
        label = Input(shape=(1,), dtype="int32")
        embedded = Embedding(self.n_classes, np.prod(self.img_shape))(label)  # KER255:46
        return Model(label, Flatten()(embedded))
