# target: tf.keras
# expect: raises
from tensorflow import keras

encoder = keras.Sequential()
encoder.add(keras.layers.LSTM(8, input_length=5))  # breaks
