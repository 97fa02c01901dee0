# kerascheck-case: --keras-target keras3
"""A tf.keras 2.x model with its own training and test steps (the "Customizing fit()" pattern, 2021), run on
Keras 3 with the TensorFlow backend."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


class ContrastiveModel(keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)  # KER122:20
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        self.compiled_metrics.update_state(y, y_pred)  # KER122:9
        return {metric.name: metric.result() for metric in self.metrics}

    def test_step(self, data):
        x, y = data
        y_pred = self(x, training=False)
        self.compiled_loss(y, y_pred, regularization_losses=self.losses)  # KER122:9
        self.compiled_metrics.update_state(y, y_pred)  # KER122:9
        return {metric.name: metric.result() for metric in self.metrics}


inputs = keras.Input(shape=(32,))
outputs = keras.layers.Dense(1)(inputs)
model = ContrastiveModel(inputs, outputs)
model.compile(optimizer="adam", loss=keras.losses.MeanSquaredError(reduction="auto"), metrics=["mae"])  # KER213:78
x, y = np.random.random((64, 32)), np.random.random((64, 1))
schedule = keras.callbacks.LearningRateScheduler(lambda epoch, rate: rate * 0.9)
history = model.fit(x, y, epochs=3, verbose=0, callbacks=[schedule])
print("final rate:", history.history["lr"][-1])  # KER226:38
print(model.evaluate(x, y, return_dict=True))


class Encoder(keras.Model):
    def __init__(self):
        super().__init__()
        self.project = keras.layers.Dense(8)

    def call(self, inputs, training=None):
        return self.project(inputs)


encoder = Encoder()
encoder.build(input_shape=(None, 32))  # KER326:1
encoder.load_weights("encoder.weights.h5")
