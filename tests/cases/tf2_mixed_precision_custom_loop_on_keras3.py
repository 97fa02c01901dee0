# kerascheck-case: --keras-target keras3
"""A TF 2.4-2.15 mixed-precision custom training loop (the TensorFlow mixed precision guide's): the loss scaled and
the gradients unscaled by hand through the LossScaleOptimizer, its scale logged. Keras 3.15.1's LossScaleOptimizer
has `scale_loss`, unscales inside `apply_gradients`, and keeps its scale in `dynamic_scale`."""

import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import mixed_precision

mixed_precision.set_global_policy("mixed_float16")

inputs = keras.Input(shape=(784,), name="digits")
x = keras.layers.Dense(256, activation="relu", name="dense_1")(inputs)
x = keras.layers.Dense(256, activation="relu", name="dense_2")(x)
x = keras.layers.Dense(10, name="dense_logits")(x)
outputs = keras.layers.Activation("softmax", dtype="float32", name="predictions")(x)
model = keras.Model(inputs=inputs, outputs=outputs)

optimizer = keras.optimizers.RMSprop()
optimizer = mixed_precision.LossScaleOptimizer(optimizer)
loss_object = keras.losses.SparseCategoricalCrossentropy()


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        predictions = model(x)
        loss = loss_object(y, predictions)
        scaled_loss = optimizer.get_scaled_loss(loss)  # KER120:23
    scaled_gradients = tape.gradient(scaled_loss, model.trainable_variables)
    gradients = optimizer.get_unscaled_gradients(scaled_gradients)  # KER120:17
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


def report(epoch, loss):
    print(f"epoch {epoch}: loss {float(loss):.4f}, loss scale {float(optimizer.loss_scale)}")  # KER120:70
    print("dynamic" if optimizer.dynamic else "fixed", "scale; good steps:", int(optimizer.dynamic_counter))  # KER120:24 KER120:82
    print("starts at", optimizer.initial_scale, "doubles every", optimizer.dynamic_growth_steps, "steps")


def fine_tune(model, x_train, y_train):
    # the optimizer a compiled model holds may be of any class: judged nowhere
    opt = model.optimizer
    with tf.GradientTape() as tape:
        loss = loss_object(y_train, model(x_train))
        scaled = opt.get_scaled_loss(loss)
    grads = opt.get_unscaled_gradients(tape.gradient(scaled, model.trainable_variables))
    opt.apply_gradients(zip(grads, model.trainable_variables))


(x_train, y_train), _ = keras.datasets.mnist.load_data()
x_train = x_train.reshape(60000, 784).astype("float32") / 255
dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(10000).batch(8192)
for epoch in range(2):
    for x, y in dataset:
        loss = train_step(x, y)
    report(epoch, loss)
mixed_precision.set_global_policy("float32")
