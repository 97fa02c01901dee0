# target: tf.keras
# expect: runs
# says: one Keras 2.15.0
import keras
import numpy as np
import tensorflow as tf
from keras import backend as K
from keras.layers import Dense, Dropout
from keras.models import Sequential

# TF 2.15 comes with the keras 2.15 package its tf.keras is loaded from: one Keras, imported two ways
model = Sequential([Dense(8, activation="relu", input_shape=(4,)), Dropout(0.2), tf.keras.layers.Dense(1)])
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=1e-3), loss="mse")
model.fit(np.random.rand(16, 4), np.random.rand(16, 1), epochs=1, verbose=0)
assert keras.layers.Dense is tf.keras.layers.Dense and K.epsilon() > 0
print("one Keras", keras.__version__)
