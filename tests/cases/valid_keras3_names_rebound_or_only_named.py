# kerascheck-case: --keras-target keras3
"""Names that look like removed Keras ones but are not used as such on Keras 3: a Keras module name rebound by a
later import of another package, and legacy optimizer classes only named (isinstance, annotations), never made."""
from typing import List, Optional

import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, metrics
from sklearn import metrics

scores = np.array([0.1, 0.8, 0.6])
labels = np.array([0, 1, 1])
print(metrics.roc_auc_score(labels, scores), metrics.roc_curve(labels, scores)[0])
hidden = layers.Dense(4)


def check(optimizer) -> bool:
    return isinstance(optimizer, (tf.keras.optimizers.Optimizer, tf.keras.optimizers.legacy.Optimizer))


def first(optimizers: List[tf.keras.optimizers.legacy.Optimizer]) -> Optional[tf.keras.optimizers.legacy.Optimizer]:
    return optimizers[0] if optimizers else None


class Variables(tf.keras.metrics.Metric):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.total = self.add_variable(shape=(), initializer="zeros", name="total")
        self.count = self.add_variable(shape=(), initializer="zeros", name="count")

    def update_state(self, values, sample_weight=None):
        self.total.assign_add(tf.reduce_sum(values))
        self.count.assign_add(tf.cast(tf.size(values), "float32"))

    def result(self):
        return self.total / self.count

    def reset_states(self):
        self.total.assign(0.0)
        self.count.assign(0.0)
