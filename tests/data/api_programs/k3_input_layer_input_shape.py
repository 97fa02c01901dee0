# target: keras3
# expect: warns
# says: Argument `input_shape` is deprecated. Use `shape` instead.
import keras

model = keras.Sequential([keras.layers.InputLayer(input_shape=(4,)), keras.layers.Dense(2)])  # ignored
