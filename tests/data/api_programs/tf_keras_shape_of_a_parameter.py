# target: tf.keras
# expect: raises
# says: has no attribute '_keras_shape'
from tensorflow import keras


def squeeze_excite(init, ratio=4):
    filters = init._keras_shape[-1]  # breaks
    gate = keras.layers.GlobalAveragePooling2D()(init)
    gate = keras.layers.Dense(filters // ratio, activation="relu")(gate)
    return keras.layers.multiply([init, keras.layers.Reshape((1, 1, filters))(gate)])


squeeze_excite(keras.Input((8, 8, 16)))
