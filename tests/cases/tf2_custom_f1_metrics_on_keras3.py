# kerascheck-case: --keras-target keras3
"""Streaming precision and F1 metrics written for TF 2.3 (`reset_states`), used on Keras 3."""
import keras
from keras import ops


class BinaryPrecision(keras.metrics.Metric):
    def __init__(self, threshold=0.5, name="binary_precision", **kwargs):
        super().__init__(name=name, **kwargs)
        self.threshold = threshold
        self.true_positives = self.add_weight(name="tp", initializer="zeros")
        self.predicted_positives = self.add_weight(name="pp", initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        predicted = ops.cast(y_pred > self.threshold, "float32")
        self.true_positives.assign_add(ops.sum(predicted * ops.cast(y_true, "float32")))
        self.predicted_positives.assign_add(ops.sum(predicted))

    def result(self):
        return self.true_positives / (self.predicted_positives + keras.backend.epsilon())

    def reset_states(self):  # zeroes every weight: what Keras 3's default reset_state() does
        self.true_positives.assign(0.0)
        self.predicted_positives.assign(0.0)


class F1Score(BinaryPrecision):
    def __init__(self, name="f1", **kwargs):
        super().__init__(name=name, **kwargs)
        self.actual_positives = self.add_weight(name="ap", initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        super().update_state(y_true, y_pred, sample_weight)
        self.actual_positives.assign_add(ops.sum(ops.cast(y_true, "float32")))

    def result(self):
        precision = self.true_positives / (self.predicted_positives + keras.backend.epsilon())
        recall = self.true_positives / (self.actual_positives + keras.backend.epsilon())
        return 2 * precision * recall / (precision + recall + keras.backend.epsilon())

    def reset_states(self):  # KER310:9
        super().reset_states()
        self.actual_positives.assign(0.0)


class BatchPositives(keras.metrics.Metric):
    """Also keeps each batch's count, for a plot after each epoch."""

    def __init__(self, name="batch_positives", **kwargs):
        super().__init__(name=name, **kwargs)
        self.positives = self.add_weight(name="positives", initializer="zeros")
        self.per_batch = []

    def update_state(self, y_true, y_pred, sample_weight=None):
        count = ops.sum(ops.cast(y_true, "float32"))
        self.positives.assign_add(count)
        self.per_batch.append(count)

    def result(self):
        return self.positives

    def reset_states(self):  # KER310:9
        self.positives.assign(0.0)
        self.per_batch = []  # Keras 3's default reset_state never clears it


def compile_classifier(model):
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=[BinaryPrecision(), F1Score()])
    return model
