# target: keras3
# expect: runs
# says: scaled (1, 3)
import numpy as np
import keras


class Scaled(keras.layers.Dense):
    def __init__(self, units, scale=2.0, **kwargs):
        super().__init__(units, name="scaled", dtype="float32", trainable=True, autocast=False, input_dim=2, **kwargs)
        self.scale = scale

    def call(self, inputs, training=None):
        return super().call(inputs) * self.scale


class Twice(keras.Model):
    def __init__(self):
        super().__init__(name="twice", trainable=True)
        self.inner = Scaled(3)

    def call(self, inputs, training=None):
        return self.inner(inputs)


model = Twice()
print(model.inner.name, model(np.ones((1, 2), "float32")).shape)
