# target: tf.keras
# expect: runs
# says: scale 1024.0 dynamic True good steps 1 initial 1024.0 growth 2000
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import mixed_precision

# TF 2.15's LossScaleOptimizer has the names Keras 3 dropped: no finding on tf.keras
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
optimizer = keras.optimizers.SGD(learning_rate=0.1)
optimizer = mixed_precision.LossScaleOptimizer(optimizer, initial_scale=1024.0)
x, y = np.ones((2, 4), "float32"), np.zeros((2, 1), "float32")
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(tf.square(model(x) - y))
    scaled_loss = optimizer.get_scaled_loss(loss)
scaled_gradients = tape.gradient(scaled_loss, model.trainable_variables)
gradients = optimizer.get_unscaled_gradients(scaled_gradients)
optimizer.apply_gradients(zip(gradients, model.trainable_variables))
print("scale", float(optimizer.loss_scale), "dynamic", optimizer.dynamic, "good steps", int(optimizer.dynamic_counter),
      "initial", optimizer.initial_scale, "growth", optimizer.dynamic_growth_steps)
print("compiled under mixed_float16:", end=" ")
mixed_precision.set_global_policy("mixed_float16")
compiled = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, dtype="float32")])
compiled.compile(optimizer="sgd", loss="mse")
print(type(compiled.optimizer).__name__, float(compiled.optimizer.loss_scale), compiled.optimizer.get_scaled_loss(loss))
mixed_precision.set_global_policy("float32")
