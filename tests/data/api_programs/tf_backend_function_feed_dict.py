# target: tf.keras
# expect: raises
# says: ValueError: Session keyword arguments are not supported during eager execution
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K

inputs = keras.Input((3,))
outputs = keras.layers.Dense(2)(inputs)
predict = K.function([inputs], [outputs], feed_dict={})  # breaks
print(predict([np.zeros((1, 3))]))
