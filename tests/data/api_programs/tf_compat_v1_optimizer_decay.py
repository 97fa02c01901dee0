# target: tf.keras
# expect: runs
# says: legacy
import tensorflow as tf

optimizer = tf.compat.v1.keras.optimizers.Adam(learning_rate=0.05, decay=1e-2)
model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
model.compile(optimizer=optimizer, loss="mse")
print(type(model.optimizer).__module__, float(model.optimizer.decay))
