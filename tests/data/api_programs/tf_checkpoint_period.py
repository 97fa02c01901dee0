# target: tf.keras
# expect: warns
# says: `period` argument is deprecated. Please use `save_freq`
from tensorflow import keras

checkpoint = keras.callbacks.ModelCheckpoint("model.h5", period=5)  # ignored
