# target: keras3
# expect: raises
import keras


class Warm(keras.optimizers.Optimizer):
    def __init__(self, learning_rate=0.01, name="Warm", **kwargs):
        super().__init__(name, **kwargs)  # breaks
        self._set_hyper("learning_rate", learning_rate)

    def _resource_apply_dense(self, grad, var):
        return var.assign_sub(self._decayed_lr(var.dtype.base_dtype) * grad)


optimizer = Warm(0.1)
