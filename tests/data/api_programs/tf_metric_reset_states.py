# target: tf.keras
# expect: warns
# says: implements a `reset_states()` method; rename it to `reset_state()`
from tensorflow import keras


class Count(keras.metrics.Metric):
    def __init__(self, name="count", **kwargs):
        super().__init__(name=name, **kwargs)
        self.total = self.add_weight(name="total", initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.total.assign_add(1.0)

    def result(self):
        return self.total

    def reset_states(self):  # ignored
        self.total.assign(0.0)


Count().reset_state()  # what fit and evaluate call between epochs
