# target: tf.keras
# expect: raises
# says: AttributeError: 'KerasTensor' object has no attribute '_keras_shape'
from tensorflow import keras

inputs = keras.Input((8,))
hidden = keras.layers.Dense(4)(inputs)
print(hidden.get_shape().as_list(), hidden.shape.as_list())
units = hidden._keras_shape[-1]  # breaks
