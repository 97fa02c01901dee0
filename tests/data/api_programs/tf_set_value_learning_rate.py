# target: tf.keras
# expect: runs
# keras 2.15.0's backend.set_value assigns a TF variable of the optimizer.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
model.compile(optimizer=tf.keras.optimizers.Adam(0.01), loss="mse")
tf.keras.backend.set_value(model.optimizer.learning_rate, 0.5)
assert abs(float(tf.keras.backend.get_value(model.optimizer.learning_rate)) - 0.5) < 1e-6
