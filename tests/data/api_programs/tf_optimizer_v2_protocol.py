# target: tf.keras
# expect: raises
import tensorflow as tf


class Warm(tf.keras.optimizers.Optimizer):
    def __init__(self, learning_rate=0.01, name="Warm", **kwargs):
        super().__init__(name, **kwargs)
        self._set_hyper("learning_rate", learning_rate)  # breaks

    def _resource_apply_dense(self, grad, var):
        return var.assign_sub(self._decayed_lr(var.dtype.base_dtype) * grad)


optimizer = Warm(0.1)
