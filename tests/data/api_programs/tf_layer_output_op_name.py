# target: tf.keras
# expect: raises
# A model builder logs the graph node of an intermediate tensor, as Keras 2 on TensorFlow 1 allowed.
import tensorflow as tf

inputs = tf.keras.Input((3,))
hidden = tf.keras.layers.Dense(4, name="hidden")(inputs)
print("hidden node:", hidden.op.name)  # breaks
outputs = tf.keras.layers.Dense(2)(hidden)
model = tf.keras.Model(inputs, outputs)
