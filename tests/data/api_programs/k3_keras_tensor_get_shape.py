# target: keras3
# expect: raises
# says: AttributeError: 'KerasTensor' object has no attribute 'get_shape'
import keras

inputs = keras.Input((8, 8, 3))
x = keras.layers.Conv2D(4, 3)(inputs)
print(list(x.shape)[-1])
channels = x.get_shape().as_list()[-1]  # breaks
