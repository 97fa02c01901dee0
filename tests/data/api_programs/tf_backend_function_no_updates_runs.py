# target: tf.keras
# expect: runs
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K

inputs = keras.Input((3,))
outputs = keras.layers.Dense(2)(inputs)
seen = K.variable(0.0)
predict = K.function([inputs], [outputs], updates=[], name="predict")
print(predict([np.zeros((1, 3))]))
K.update_add(seen, 1.0)  # an eager update runs at once
print(K.get_value(seen))
