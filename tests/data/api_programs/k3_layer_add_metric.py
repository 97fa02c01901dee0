# target: keras3
# expect: raises
# says: Layer `add_metric()` method is deprecated
import numpy as np

import keras


class MeanActivation(keras.layers.Layer):
    def call(self, inputs, training=None):
        self.add_metric(keras.ops.mean(inputs), name="mean_activation")  # breaks
        return inputs


layer = MeanActivation()
layer(np.zeros((2, 3), "float32"))  # in `fit`, Keras 3 reports it as "Unable to automatically build the model"
