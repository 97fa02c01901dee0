# target: tf.keras
# expect: raises
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K

model = keras.Sequential([keras.layers.Dense(4, input_shape=(3,)), keras.layers.Dropout(0.5), keras.layers.Dense(1)])
features = K.function([model.input], [model.layers[0].output])
print(features([np.ones((2, 3), "float32")])[0].shape)
sampled = K.function([model.input, K.learning_phase()], [model.output])  # breaks
