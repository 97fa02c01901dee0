# target: tf.keras
# expect: runs
# says: trained: True
import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()  # graph mode: fit's TF 1 loop calls get_updates
from tensorflow import keras  # noqa: E402
from tensorflow.keras import backend as K  # noqa: E402


class PlainSGD(keras.optimizers.legacy.Optimizer):  # a Keras 2.2 optimizer that passes a name
    def __init__(self, lr=0.01, name="PlainSGD", **kwargs):
        super().__init__(name, **kwargs)
        self.step = lr

    def get_updates(self, loss, params):
        grads = self.get_gradients(loss, params)
        return [K.update_sub(p, self.step * g) for p, g in zip(params, grads)]


model = keras.Sequential([keras.layers.Dense(1, input_shape=(3,))])
model.compile(optimizer=PlainSGD(lr=0.05), loss="mse")
before = model.get_weights()[0].copy()
model.fit(np.random.rand(16, 3), np.random.rand(16, 1), verbose=0)
print("trained:", not np.allclose(before, model.get_weights()[0]))
