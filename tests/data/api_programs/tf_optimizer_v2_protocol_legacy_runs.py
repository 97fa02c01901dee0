# target: tf.keras
# expect: runs
import numpy as np
import tensorflow as tf


class Warm(tf.keras.optimizers.legacy.Optimizer):
    def __init__(self, learning_rate=0.01, name="Warm", **kwargs):
        super().__init__(name, **kwargs)
        self._set_hyper("learning_rate", learning_rate)

    def _resource_apply_dense(self, grad, var):
        return var.assign_sub(self._decayed_lr(var.dtype.base_dtype) * grad)


model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
model.compile(Warm(0.1), "mse")
model.fit(np.ones((8, 3)), np.ones((8, 1)), epochs=1, verbose=0)
