# target: tf.keras
# expect: raises
# says: AttributeError: Can't set the attribute "trainable_weights"
import numpy as np
from tensorflow import keras


class Scale(keras.layers.Layer):
    def build(self, input_shape):
        self.gamma = self.add_weight(shape=input_shape[-1:], initializer="ones")
        self.trainable_weights = [self.gamma]  # breaks

    def call(self, inputs, training=None):
        return inputs * self.gamma


Scale()(np.ones((1, 3), "float32"))
