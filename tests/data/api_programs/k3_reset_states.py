# target: keras3
# expect: raises
import keras

model = keras.Sequential([keras.Input((5, 1), batch_size=2), keras.layers.LSTM(4, stateful=True)])
model.reset_states()  # breaks
