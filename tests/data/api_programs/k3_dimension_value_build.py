# target: keras3
# expect: raises
# says: AttributeError: 'int' object has no attribute 'value'
import numpy as np
import keras
from keras import ops


class Attention(keras.layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(name="w", shape=(input_shape[-1].value, 1), initializer="ones")  # breaks

    def call(self, x, training=None):
        scores = ops.softmax(ops.matmul(x, self.w), axis=1)
        return ops.sum(x * scores, axis=1)


inputs = keras.Input((5, 3))
model = keras.Model(inputs, Attention()(inputs))
print(model(np.ones((2, 5, 3), "float32")).shape)
