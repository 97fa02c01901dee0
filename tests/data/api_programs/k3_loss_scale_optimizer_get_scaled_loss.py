# target: keras3
# expect: raises
# says: AttributeError: 'LossScaleOptimizer' object has no attribute 'get_scaled_loss'
import numpy as np

import keras

# a tf.keras custom training loop's loss scaling (tf_loss_scale_optimizer_custom_loop_runs.py runs it on TF 2.15)
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
optimizer = keras.optimizers.SGD(learning_rate=0.1)
optimizer = keras.mixed_precision.LossScaleOptimizer(optimizer, initial_scale=1024.0)
loss = keras.ops.mean(keras.ops.square(model(np.ones((2, 4), "float32")) - 1.0))
scaled_loss = optimizer.get_scaled_loss(loss)  # breaks
