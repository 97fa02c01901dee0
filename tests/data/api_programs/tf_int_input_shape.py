# target: tf.keras
# expect: runs
from tensorflow import keras

inputs = keras.Input(shape=(784))
layer = keras.layers.InputLayer(input_shape=784)
assert tuple(inputs.shape) == (None, 784)
