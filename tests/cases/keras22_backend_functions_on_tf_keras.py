# kerascheck-case: --keras-target tf.keras
"""Keras 2.2 backend functions (a step counter updated at each prediction, a feature probe run with session
options), ported to tf.keras on TensorFlow 2.15 by changing the imports only."""
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Dense, Input
from tensorflow.keras.models import Model

inputs = Input(shape=(8,))
hidden = Dense(16, activation="relu")(inputs)
outputs = Dense(1, activation="sigmoid")(hidden)
model = Model(inputs, outputs)

calls = K.variable(0.0, name="calls")
counted = [K.update_add(calls, 1.0)]
predict_and_count = K.function([inputs], [outputs], updates=counted)  # KER311:53
probe = K.function([inputs], [hidden], options=tf.compat.v1.RunOptions(trace_level=1))  # KER311:40
plain = K.function([inputs], [outputs], updates=[])


def scores(batch):
    return predict_and_count([batch])[0]


print(scores(np.zeros((4, 8))), probe([np.zeros((4, 8))]), plain([np.zeros((4, 8))]))
