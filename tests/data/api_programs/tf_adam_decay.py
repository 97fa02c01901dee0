# target: tf.keras
# expect: raises
from tensorflow import keras

optimizer = keras.optimizers.Adam(learning_rate=0.01, decay=1e-6)  # breaks
