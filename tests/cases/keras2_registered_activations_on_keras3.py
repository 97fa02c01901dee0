# kerascheck-case: --keras-target keras3
"""A Keras 2 image classifier that registers its own activations by name (a scaled swish, a tanh-approximated gelu),
moved to Keras 3."""
import keras
from keras import layers, ops
from keras.utils import get_custom_objects


def swish(x, beta=1.5):
    return x * ops.sigmoid(beta * x)


def gelu(x):
    return 0.5 * x * (1.0 + ops.tanh(0.7978845608 * (x + 0.044715 * x * x * x)))


def mish(x):
    return x * ops.tanh(ops.softplus(x))


get_custom_objects().update({"swish": layers.Activation(swish), "gelu": layers.Activation(gelu)})
get_custom_objects()["mish"] = layers.Activation(mish)  # Keras's own formula: the same function

model = keras.Sequential(
    [
        keras.Input((32, 32, 3)),
        layers.Conv2D(16, 3, activation="swish"),  # KER248:41
        layers.Flatten(),
        layers.Dense(64, activation="gelu"),  # KER248:37
        layers.Dense(32, activation="mish"),
        layers.Dense(10, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
