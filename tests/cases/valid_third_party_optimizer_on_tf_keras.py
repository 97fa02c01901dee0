# kerascheck-case: --keras-target tf.keras
"""A binary network trained with larq's optimizer (built on tf.keras's legacy OptimizerV2, which has `weights`):
`model.optimizer` is larq's, of a class no Keras table knows."""
import larq as lq
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([lq.layers.QuantDense(1, input_shape=(4,))])
model.compile(loss="mse", optimizer=lq.optimizers.CaseOptimizer(default_optimizer=tf.keras.optimizers.SGD(0.1)))
model.fit(np.zeros((8, 4)), np.zeros((8, 1)), epochs=1, verbose=0)
print(len(model.optimizer.weights), model.optimizer.get_weights()[:1])
