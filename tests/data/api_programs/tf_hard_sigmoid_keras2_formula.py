# target: tf.keras
# expect: runs
# says: hard_sigmoid(1.0) = 0.7
import numpy as np
import tensorflow as tf

# Keras 2's hard_sigmoid is clip(0.2 * x + 0.5, 0, 1); KER232 says Keras 3 computes another function
dense = tf.keras.layers.Dense(1, activation="hard_sigmoid", kernel_initializer="ones", use_bias=False)
lstm = tf.keras.layers.LSTM(2, recurrent_activation="hard_sigmoid")
x = tf.constant([[-3.0, -2.5, -1.0, 0.0, 1.0, 2.5, 3.0]])
assert np.allclose(tf.keras.activations.hard_sigmoid(x).numpy(), np.clip(0.2 * x.numpy() + 0.5, 0.0, 1.0))
print("hard_sigmoid(1.0) =", round(float(dense(np.ones((1, 1), "float32"))[0, 0]), 4))
print(lstm(np.ones((1, 3, 2), "float32")).shape)
