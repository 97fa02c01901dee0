# target: tf.keras
# expect: raises
# A cell is not a recurrent layer: its constructor takes no ``return_sequences``.
from tensorflow import keras

cell = keras.layers.GRUCell(4, return_sequences=True)  # breaks
