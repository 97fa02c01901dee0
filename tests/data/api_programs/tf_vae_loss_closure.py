# target: tf.keras
# expect: raises
# says: TypeError: You are passing KerasTensor
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K

x = keras.Input(shape=(6,))
hidden = keras.layers.Dense(4, activation="relu")(x)
z_mean = keras.layers.Dense(2)(hidden)
decoded = keras.layers.Dense(6, activation="sigmoid")(z_mean)


def vae_loss(y_true, y_pred):
    return keras.losses.binary_crossentropy(y_true, y_pred) - 0.5 * K.sum(K.square(z_mean), axis=-1)  # breaks


vae = keras.Model(x, decoded)
vae.compile(optimizer="rmsprop", loss=vae_loss)
vae.fit(np.random.rand(8, 6), np.random.rand(8, 6), epochs=1, verbose=0)  # surfaces
