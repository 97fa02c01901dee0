# target: tf.keras
# expect: raises
from tensorflow import keras

timesteps, n_features, n_hidden = 10, 3, 32
model = keras.Sequential([
    keras.Input((timesteps, n_features)),
    keras.layers.LSTM(n_hidden / 2),  # breaks
    keras.layers.Dense(1),
])
