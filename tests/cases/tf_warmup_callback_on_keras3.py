# kerascheck-case: --keras-target keras3
"""A tf.keras 2.x linear warm-up callback, run on TF >= 2.16 where tf.keras is Keras 3."""
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K


class LinearWarmup(tf.keras.callbacks.Callback):
    def __init__(self, target_lr, warmup_batches):
        super().__init__()
        self.target_lr = target_lr
        self.warmup_batches = warmup_batches
        self.seen = 0

    def on_train_batch_begin(self, batch, logs=None):
        if self.seen < self.warmup_batches:
            self.seen += 1
            rate = self.target_lr * self.seen / self.warmup_batches
            K.set_value(self.model.optimizer.learning_rate, rate)  # KER243:13

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        logs["learning_rate"] = float(K.get_value(self.model.optimizer.learning_rate))


class StepDecay(tf.keras.callbacks.Callback):
    def on_epoch_begin(self, epoch, logs=None):
        if epoch and epoch % 10 == 0:
            current = float(self.model.optimizer.learning_rate)
            tf.keras.backend.set_value(self.model.optimizer.lr, current / 2)  # KER243:13 KER120:40


model = tf.keras.Sequential([tf.keras.layers.Dense(1, input_shape=(3,))])
model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="mse")
model.fit(np.zeros((8, 3)), np.zeros((8, 1)), epochs=2, callbacks=[LinearWarmup(1e-3, 4), StepDecay()])
