# kerascheck-case: --keras-target tf.keras
"""A custom layer that keeps its weights as `W` and `b` (as Keras 1's own layers did): its own attributes."""
import numpy as np
from tensorflow import keras


class Scale(keras.layers.Layer):
    def build(self, input_shape):
        self.W = self.add_weight(name="W", shape=(input_shape[-1],), initializer="ones")
        self.b = self.add_weight(name="b", shape=(input_shape[-1],), initializer="zeros")

    def call(self, inputs):
        return inputs * self.W + self.b


def dump(model):
    for layer in model.layers:
        if isinstance(layer, Scale):
            print(layer.name, layer.W.numpy(), layer.b.numpy())


model = keras.Sequential([keras.Input((4,)), Scale(), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit(np.ones((8, 4)), np.ones((8, 1)), epochs=1, verbose=0)
dump(model)
print(model.layers[0].W.numpy())
