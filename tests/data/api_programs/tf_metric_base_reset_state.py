# target: tf.keras
# expect: runs
# a project's base metric defines reset_state: Keras calls it, not the old-named method of a subclass
# (KER310 has nothing to say: tf.keras's default reset_state, which looks for reset_states, never runs)
import numpy as np
from tensorflow import keras


class Base(keras.metrics.Metric):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.total = self.add_weight(name="total", initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.total.assign_add(1.0)

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


model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
model.compile("sgd", "mse", metrics=[Sub()])
model.fit(np.ones((4, 1)), np.ones((4, 1)), epochs=2, verbose=0)
