# target: tf.keras
# expect: raises
import numpy as np

from keras.layers.normalization import BatchNormalization  # breaks

print(BatchNormalization()(np.ones((2, 3), "float32")).shape)
