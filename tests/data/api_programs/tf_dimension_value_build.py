# target: tf.keras
# expect: raises
# says: AttributeError: 'int' object has no attribute 'value'
import numpy as np
import tensorflow as tf


class Attention(tf.keras.layers.Layer):  # written for TF 1.x, whose shape items were Dimensions
    def build(self, input_shape):
        units = input_shape[-1].value  # breaks
        self.w = self.add_weight(name="w", shape=(units, 1), initializer="ones")
        super().build(input_shape)

    def call(self, x, training=None):
        scores = tf.nn.softmax(tf.matmul(x, self.w), axis=1)
        return tf.reduce_sum(x * scores, axis=1)


inputs = tf.keras.Input((5, 3))
model = tf.keras.Model(inputs, Attention()(inputs))
print(model(np.ones((2, 5, 3), "float32")).shape)
