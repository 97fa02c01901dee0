# target: keras3
# expect: warns
# says: Argument `input_length` is deprecated. Just remove it.
import keras

embedding = keras.layers.Embedding(100, 8, input_length=10)  # ignored
