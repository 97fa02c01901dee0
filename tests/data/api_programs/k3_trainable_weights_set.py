# target: keras3
# expect: raises
# says: AttributeError: property 'trainable_weights' of 'Scale' object has no setter
import numpy as np

import keras


class Scale(keras.layers.Layer):
    def build(self, input_shape):
        self.gamma = self.add_weight(shape=input_shape[-1:], initializer="ones")
        self.trainable_weights = [self.gamma]  # breaks

    def call(self, inputs, training=None):
        return inputs * self.gamma


Scale()(np.ones((1, 3), "float32"))
