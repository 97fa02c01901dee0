# target: tf.keras
# expect: raises
# says: ValueError: `updates` argument is not supported during eager execution
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K

inputs = keras.Input((3,))
outputs = keras.layers.Dense(2)(inputs)
seen = K.variable(0.0)
predict = K.function([inputs], [outputs], updates=[K.update_add(seen, 1.0)])  # breaks
print(predict([np.zeros((1, 3))]))
