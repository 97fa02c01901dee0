# kerascheck-case: --keras-target keras3
"""The same optimizers (tf2_custom_optimizers_on_tf215.py) on Keras 3, which has neither protocol."""
import tensorflow as tf
from tensorflow.keras.optimizers import Optimizer


class AdamWarmup(Optimizer):
    def __init__(self, decay_steps, warmup_steps, learning_rate=0.001, beta_1=0.9, name="AdamWarmup", **kwargs):
        super(AdamWarmup, self).__init__(name, **kwargs)  # KER329:9
        self._set_hyper("decay_steps", float(decay_steps))
        self._set_hyper("warmup_steps", float(warmup_steps))
        self._set_hyper("learning_rate", kwargs.get("lr", learning_rate))
        self._set_hyper("beta_1", beta_1)

    def _create_slots(self, var_list):
        for var in var_list:
            self.add_slot(var, "m")

    def _resource_apply_dense(self, grad, var):
        lr_t = self._decayed_lr(var.dtype.base_dtype)
        m = self.get_slot(var, "m")
        beta_1_t = self._get_hyper("beta_1", var.dtype.base_dtype)
        m_t = m.assign(beta_1_t * m + (1.0 - beta_1_t) * grad)
        return var.assign_sub(lr_t * m_t)


class CentralizedSGD(tf.keras.optimizers.Optimizer):  # KER329:7
    def _resource_apply_dense(self, grad, var):
        grad -= tf.reduce_mean(grad, axis=list(range(len(grad.shape) - 1)), keepdims=True)
        return var.assign_sub(0.01 * grad)


class Schedule(tf.keras.optimizers.legacy.Optimizer):  # KER102:16
    def __init__(self, name="Schedule", **kwargs):
        super().__init__(name, **kwargs)
        self._set_hyper("learning_rate", 0.1)

    def _resource_apply_dense(self, grad, var):
        return var.assign_sub(self._decayed_lr(var.dtype.base_dtype) * grad)
