# target: keras3
# expect: runs
# A reset_states() that zeroes every weight is what Keras 3's default reset_state() does; one that keeps a
# weight (`seen`) is not: the default zeroes it too.
import keras


class Hits(keras.metrics.Metric):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.hits = self.add_weight(name="hits", initializer="zeros")
        self.seen = self.add_weight(name="seen", initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.hits.assign_add(1.0)
        self.seen.assign_add(1.0)

    def result(self):
        return self.hits / self.seen


every = Hits()
every.update_state(0, 0)
every.reset_state()
assert [float(v) for v in every.variables] == [0.0, 0.0]  # the default zeroes every weight, `seen` included
