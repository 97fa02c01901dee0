# target: tf.keras
# expect: runs
# With eager execution off, keras 2.15.0's models are TF 1 graph tensors, which have ops.
import tensorflow as tf

tf.compat.v1.disable_eager_execution()
inputs = tf.keras.Input((3,))
model = tf.keras.Model(inputs, tf.keras.layers.Dense(2, name="out")(inputs))
assert [out.op.name for out in model.outputs] == ["out/BiasAdd"]
