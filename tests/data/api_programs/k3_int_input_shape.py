# target: keras3
# expect: raises
# says: Cannot convert '784' to a shape.
import keras

inputs = keras.Input(shape=(784))  # breaks
