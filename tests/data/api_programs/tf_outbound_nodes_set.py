# target: tf.keras
# expect: raises
# says: Can't set the attribute "outbound_nodes"
from tensorflow import keras

inputs = keras.Input((3,))
hidden = keras.layers.Dense(4)(inputs)
model = keras.Model(inputs, keras.layers.Dense(1)(hidden))
model.layers[-1].outbound_nodes = []  # breaks
