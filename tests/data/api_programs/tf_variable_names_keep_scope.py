# target: tf.keras
# expect: runs
# tf.keras names a variable after its layer's scope and TensorFlow's output: the tests KER250 reports hold here.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2, name="dense")])
assert [w.name for w in model.weights] == ["dense/kernel:0", "dense/bias:0"]
decayed = [w for w in model.trainable_weights if w.name.endswith("kernel:0")]
assert len(decayed) == 1
