"""A Keras 1 training script, as written in 2016: trains a small CNN on MNIST-shaped data."""
import numpy as np
import tensorflow as tf
from keras import backend as K
from keras.models import Sequential
from keras.layers import Dense, Dropout, Flatten
from keras.layers.convolutional import Convolution2D, MaxPooling2D  # expect: KER101
from keras.optimizers import Adam
from keras.utils import np_utils  # expect: KER102

config = tf.ConfigProto()  # expect: KER125
config.gpu_options.allow_growth = True
K.set_session(tf.Session(config=config))  # expect: KER111, KER125

batch_size = 128
x_train = np.random.rand(512, 1, 28, 28).astype("float32")
y_train = np_utils.to_categorical(np.random.randint(0, 10, 512), 10)

model = Sequential()
model.add(Convolution2D(32, 3, 3, border_mode="valid", input_shape=(1, 28, 28), dim_ordering="th"))  # expect: KER203, KER201, KER201
model.add(Convolution2D(64, 3, 3, init="he_normal", W_regularizer=None))  # expect: KER203, KER201, KER201
model.add(MaxPooling2D(pool_size=(2, 2), dim_ordering="th"))  # expect: KER201
model.add(Dropout(p=0.25))  # expect: KER201
model.add(Flatten())
model.add(Dense(output_dim=128, activation="relu"))  # expect: KER201
model.add(Dense(10, activation="softmax"))

model.compile(loss="categorical_crossentropy", optimizer=Adam(lr=1e-3, decay=1e-6), metrics=["accuracy"])  # expect: KER205, KER206
model.fit(x_train, y_train, batch_size=batch_size, nb_epoch=2, verbose=1)  # expect: KER201


def batches():
    while True:
        yield x_train[:batch_size], y_train[:batch_size]


model.fit_generator(batches(), samples_per_epoch=512, nb_epoch=1)  # expect: KER112, KER204, KER201
