# target: keras3
# expect: raises
import keras

model = keras.Sequential()
model.add(keras.layers.LSTM(4, batch_input_shape=(2, 5, 1), stateful=True))  # breaks
model.add(keras.layers.Dense(1))
