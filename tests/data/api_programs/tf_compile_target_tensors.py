# target: tf.keras
# expect: raises
import tensorflow as tf
from tensorflow import keras

model = keras.Sequential([keras.layers.Dense(1, input_shape=(3,))])
model.compile(optimizer="sgd", loss="mse", target_tensors=[tf.zeros((1, 1))])  # breaks
