# target: tf.keras
# expect: runs
import numpy as np
import tensorflow as tf
from tensorflow import keras

# what KER125's fix writes (`tf.compat.v1.` before each TF 1 name): the same objects, there on TF 2.15
tf.compat.v1.set_random_seed(0)
tf.compat.v1.logging.set_verbosity(tf.compat.v1.logging.ERROR)
config = tf.compat.v1.ConfigProto()
config.gpu_options.allow_growth = True
session = tf.compat.v1.Session(config=config)
graph = tf.compat.v1.get_default_graph()
model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(np.ones((4, 3), "float32"), np.ones((4, 1), "float32"), epochs=1, verbose=0)
print(float(tf.compat.v1.to_float(tf.constant(2))))
