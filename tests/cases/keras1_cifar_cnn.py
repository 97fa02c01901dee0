# kerascheck-case: --keras-target tf.keras --extend-select KER110
"""A Keras 1 CIFAR-10 training script of 2016, run unchanged on TensorFlow 2.15's tf.keras."""
import numpy as np
from keras import backend as K
from keras.callbacks import EarlyStopping, ModelCheckpoint
from keras.layers import Activation, Dense, Dropout, Flatten
from keras.layers.convolutional import Convolution2D, MaxPooling2D  # KER101:1 KER110:40
from keras.models import Sequential
from keras.optimizers import SGD
from keras.preprocessing.image import ImageDataGenerator
from keras.utils import np_utils  # KER102:25

nb_classes = 10
batch_size = 32

if K.image_dim_ordering() == "th":  # KER114:4
    input_shape = (3, 32, 32)
else:
    input_shape = (32, 32, 3)

x_train = np.random.rand(256, *input_shape).astype("float32")
y_train = np_utils.to_categorical(np.random.randint(0, nb_classes, 256), nb_classes)

model = Sequential()
model.add(Convolution2D(32, 3, 3, border_mode="same", input_shape=input_shape))  # KER110:11 KER203:11 KER201:35
model.add(Activation("relu"))
model.add(
    Convolution2D(  # KER110:5 KER203:5
        32,
        3,
        3,
        init="he_normal",  # KER201:9
        subsample=(1, 1),  # KER201:9
    )
)
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(p=0.25))  # KER201:19
model.add(Flatten())
model.add(Dense(output_dim=512, W_regularizer=None))  # KER201:17 KER201:33
model.add(Activation("relu"))
model.add(Dense(nb_classes, activation="softmax"))

sgd = SGD(lr=0.01, decay=1e-6, momentum=0.9, nesterov=True)  # KER205:11 KER206:20
model.compile(loss="categorical_crossentropy", optimizer=sgd, metrics=["accuracy"])

datagen = ImageDataGenerator(
    featurewise_center=False,
    rotation_range=0,
    horizontal_flip=True,
    dim_ordering="tf",  # KER201:5
)
datagen.fit(x_train)
model.fit_generator(  # KER112:7
    datagen.flow(x_train, y_train, batch_size=batch_size),
    samples_per_epoch=x_train.shape[0],  # KER204:5
    nb_epoch=2,  # KER201:5
    callbacks=[EarlyStopping(monitor="val_loss", patience=2), ModelCheckpoint("cifar10.h5")],
)
model.evaluate(x_train, y_train, batch_size=batch_size)
