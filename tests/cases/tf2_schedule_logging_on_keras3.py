# kerascheck-case: --keras-target keras3
"""A TF 2.4-era training script: a warm-up schedule, and callbacks that log the scheduled rate."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


class WarmUp(keras.optimizers.schedules.LearningRateSchedule):
    def __init__(self, peak, warmup_steps):
        super().__init__()
        self.peak = peak
        self.warmup_steps = warmup_steps

    def __call__(self, step):
        step = tf.cast(step, tf.float32)
        return self.peak * tf.minimum(1.0, step / self.warmup_steps)

    def get_config(self):
        return {"peak": self.peak, "warmup_steps": self.warmup_steps}


class LearningRateLogger(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        optimizer = self.model.optimizer
        logs = logs if logs is not None else {}
        logs["lr"] = float(optimizer.lr(optimizer.iterations))  # KER233:28
        logs["warmup_steps"] = optimizer.learning_rate.warmup_steps  # KER237:32


class TensorBoardRate(keras.callbacks.Callback):
    def __init__(self, writer):
        super().__init__()
        self.writer = writer

    def on_train_batch_end(self, batch, logs=None):
        step = self.model.optimizer.iterations
        with self.writer.as_default():
            tf.summary.scalar("learning_rate", self.model.optimizer.learning_rate(step), step=step)  # KER233:48
            tf.summary.scalar("peak", self.model.optimizer.learning_rate.peak, step=step)  # KER237:39


def train(x, y):
    model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.Adam(WarmUp(1e-3, 100)), loss="mse")
    writer = tf.summary.create_file_writer("logs")
    model.fit(x, y, epochs=3, callbacks=[LearningRateLogger(), TensorBoardRate(writer)])
    return model


if __name__ == "__main__":
    train(np.random.rand(64, 8), np.random.rand(64, 1))
