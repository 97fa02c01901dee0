# target: tf.keras
# expect: raises
import numpy as np
from tensorflow import keras


class Scale(keras.layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight((input_shape[-1],), "ones")  # breaks

    def call(self, inputs, training=None):
        return inputs * self.w


print(Scale()(np.ones((2, 3), "float32")))
