# target: tf.keras
# expect: runs
# keras 2.15's GRU, LSTM and the RNN cells hand ``seed`` on to BaseRandomLayer, through their bases' **kwargs.
from tensorflow import keras

inputs = keras.Input((5, 3))
sequence = keras.layers.GRU(4, dropout=0.2, seed=1, return_sequences=True)(inputs)
last = keras.layers.LSTM(4, dropout=0.2, seed=2)(sequence)
cells = [keras.layers.GRUCell(4, seed=3), keras.layers.LSTMCell(4, seed=4), keras.layers.SimpleRNNCell(4, seed=5)]
stacked = keras.layers.RNN(cells)(inputs)
keras.Model(inputs, [last, stacked])
