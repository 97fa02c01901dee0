# target: tf.keras
# expect: raises
# says: got multiple values for argument 'name'
from tensorflow import keras


class Attention(keras.layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight((2, 2), initializer="zeros", name="w")  # breaks


Attention()(keras.Input((2,)))
