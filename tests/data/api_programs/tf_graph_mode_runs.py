# target: tf.keras
# expect: runs
import tensorflow as tf

tf.compat.v1.disable_eager_execution()  # graph mode: models are TF 1 style ones, whose compile takes these
from tensorflow import keras  # noqa: E402

model = keras.Sequential([keras.layers.Dense(1, input_shape=(3,))])
targets = keras.backend.placeholder(shape=(None, 1))
model.compile("sgd", "mse", target_tensors=[targets], sample_weight_mode=None)
