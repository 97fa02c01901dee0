# target: tf.keras
# expect: raises
# says: TypeError: 'ResourceVariable' object is not callable
import numpy as np
import tensorflow as tf


class LearningRateLogger(tf.keras.callbacks.Callback):  # the TF 2.0-2.10 idiom
    def on_epoch_end(self, epoch, logs=None):
        optimizer = self.model.optimizer
        rate = optimizer.lr(optimizer.iterations)  # breaks
        print("epoch", epoch, "learning rate", float(rate))


schedule = tf.keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=2, decay_rate=0.5)
model = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(1)])
model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=schedule), loss="mse")
model.fit(np.ones((4, 2)), np.ones((4, 1)), batch_size=2, epochs=2, verbose=0, callbacks=[LearningRateLogger()])
