# target: tf.keras
# expect: raises
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K


class RunningMean(keras.layers.Layer):
    def build(self, input_shape):
        self.moving_mean = self.add_weight(name="mean", shape=(input_shape[-1],), initializer="zeros", trainable=False)

    def call(self, inputs, training=None):
        mean = K.mean(inputs, axis=0)
        self.add_update([K.moving_average_update(self.moving_mean, mean, 0.9)], inputs)  # breaks
        return inputs


RunningMean()(np.ones((2, 3), dtype="float32"))
