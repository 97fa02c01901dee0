# target: keras3
# expect: raises
# says: AttributeError: 'LossScaleOptimizer' object has no attribute 'loss_scale'
import numpy as np

import keras
from keras import mixed_precision

# held-out probe 15 MISS-10: tf.keras mixed precision with an explicit dynamic LossScaleOptimizer
mixed_precision.set_global_policy("mixed_float16")
inputs = keras.Input(shape=(8,))
x = keras.layers.Dense(16, activation="relu")(inputs)
outputs = keras.layers.Dense(1, dtype="float32")(x)
model = keras.Model(inputs, outputs)

opt = mixed_precision.LossScaleOptimizer(keras.optimizers.SGD(learning_rate=0.01), dynamic=True, initial_scale=2**12)
model.compile(optimizer=opt, loss="mse")
model.fit(np.random.rand(32, 8), np.random.rand(32, 1), epochs=1, verbose=0)
print("policy", model.layers[1].dtype_policy.name, "scale", float(opt.loss_scale))  # breaks
