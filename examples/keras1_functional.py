"""A Keras 1 functional model, as written in 2016: residual blocks, merges and a ConvLSTM."""
import numpy as np
from keras.layers import Input, Dense, Flatten, BatchNormalization, merge  # expect: KER113
from keras.layers import Convolution2D, Deconvolution2D, ConvLSTM2D  # expect: KER111
from keras.models import Model

images = Input(shape=(8, 8, 3))
x = Convolution2D(16, 3, 3, border_mode="same", activation="relu")(images)  # expect: KER203, KER201
shortcut = Convolution2D(16, 1, 1, subsample=(2, 2))(x)  # expect: KER203, KER201
y = Convolution2D(16, 3, 3, subsample=(2, 2), border_mode="same")(x)  # expect: KER203, KER201, KER201
y = BatchNormalization(mode=0, axis=-1)(y)  # expect: KER202
y = merge([y, shortcut], mode="sum")  # expect: KER113
z = Deconvolution2D(8, 3, 3, (None, 8, 8, 8), subsample=(2, 2), border_mode="same")(y)  # expect: KER111, KER203, KER201, KER201
both = merge([Flatten()(z), Flatten()(x)], mode="concat", concat_axis=-1)  # expect: KER113
scores = Dense(output_dim=4, activation="softmax")(both)  # expect: KER201
model = Model(input=images, output=scores)  # expect: KER201, KER201

frames = Input(shape=(2, 8, 8, 1))
lstm = ConvLSTM2D(nb_filter=4, nb_row=3, nb_col=3, border_mode="same")(frames)  # expect: KER201, KER202, KER202, KER201
video = Model(input=frames, output=Flatten()(lstm))  # expect: KER201, KER201

model.compile(loss="categorical_crossentropy", optimizer="sgd")
model.fit(np.random.rand(8, 8, 8, 3), np.eye(4)[np.random.randint(0, 4, 8)], nb_epoch=1, verbose=0)  # expect: KER201
