# kerascheck-case: --keras-target keras3
"""A Keras 2.2 sentiment model and a MobileNetV3-style block, whose weights are loaded from a Keras 2 run."""
import numpy as np
from keras import backend as K
from keras.layers import LSTM, Activation, Dense, Embedding, Input, Multiply, Conv2D, GlobalAveragePooling2D
from keras.models import Model, Sequential


def sentiment_model(vocabulary, weights_path=None):
    model = Sequential()
    model.add(Embedding(vocabulary, 64))
    model.add(LSTM(64, activation="tanh", recurrent_activation="hard_sigmoid"))  # KER232:64
    model.add(Dense(1, activation="sigmoid"))
    if weights_path:
        model.load_weights(weights_path)
    return model


def hard_swish(x):
    return Multiply()([x, Activation("hard_sigmoid")(x)])  # KER232:38


def squeeze_excite(inputs, filters):
    x = GlobalAveragePooling2D()(inputs)
    x = Dense(filters // 4, activation="relu")(x)
    x = Dense(filters, activation="hard_sigmoid")(x)  # KER232:35
    return Multiply()([inputs, x])


def mobile_block(shape=(32, 32, 3)):
    inputs = Input(shape)
    x = Conv2D(16, 3, padding="same")(inputs)
    x = hard_swish(x)
    x = squeeze_excite(x, 16)
    return Model(inputs, x)


if __name__ == "__main__":
    model = sentiment_model(1000)
    model.compile("adam", "binary_crossentropy", metrics=["accuracy"])
    print(K.int_shape(model.output), np.zeros(3))  # KER111:13 KER120:23
