# kerascheck-case: --keras-target keras3
"""Keras 2 calls laid out one argument per line, as black formats them, run on Keras 3."""
import numpy as np
from keras import backend as K
from keras import layers
from keras.layers import AtrousConvolution2D  # KER117:1 KER111:26
from keras.models import Sequential, load_model

K.set_image_dim_ordering(  # KER114:1
    "tf",
)


class Residual(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.inner = layers.Dense(16)

    def call(self, inputs):
        return inputs + self.inner.call(  # KER304:25
            inputs,
        )


def l2_penalty(weights):
    return 1e-4 * K.sum(  # KER115:19
        K.square(weights),  # KER115:9
        axis=None,
    )


encoder = Sequential()
encoder.add(
    layers.Embedding(
        1000,
        64,
        input_length=20,  # KER231:9
    )
)
encoder.compile(
    optimizer="adam",
    loss="mse",
    metrics=["logcosh"],  # KER211:14
)
encoder.save("encoder.h5")
reloaded = load_model(  # KER224:12
    "encoder.h5",
)

model = Sequential()
model.add(layers.Input(shape=(32, 32, 3)))
model.add(
    AtrousConvolution2D(  # KER111:5 KER117:5
        16,
        3,
        3,
        atrous_rate=(2, 2),  # KER202:9
    )
)
model.add(layers.Flatten())
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(
    np.zeros((8, 32, 32, 3)),
    np.zeros((8, 1)),
    epochs=1,
    max_queue_size=10,  # KER230:5
)
probabilities = model.predict_proba(  # KER120:17
    np.zeros((2, 32, 32, 3)),
)
restored = load_model(
    "exports/classifier",  # KER220:5
    compile=False,
)
