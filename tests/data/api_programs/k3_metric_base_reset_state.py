# target: keras3
# expect: runs
# a project's base metric defines reset_state: Keras calls it, and it calls the subclass's reset_states
import numpy as np
import keras


class Base(keras.metrics.Metric):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.total = self.add_weight(name="total", shape=(), initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.total.assign(self.total + 1.0)

    def result(self):
        return self.total

    def reset_state(self):
        self.total.assign(0.0)
        self.reset_states()

    def reset_states(self):  # a hook for subclasses
        pass


class Sub(Base):
    def reset_states(self):
        print("Sub.reset_states, called by Base.reset_state")


metric = Sub()
metric.update_state(np.ones((4, 1)), np.ones((4, 1)))
metric.reset_state()  # what the trainer calls between epochs
print(float(metric.result()))
