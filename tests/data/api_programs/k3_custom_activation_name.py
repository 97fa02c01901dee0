# target: keras3
# expect: raises
# says: ValueError: Could not interpret activation function identifier: swish_act
import keras
from keras.utils import get_custom_objects


def swish(x):
    return x * keras.ops.sigmoid(x)


get_custom_objects().update({"swish_act": swish})
layer = keras.layers.Dense(4, activation="swish_act")  # breaks
