# target: tf.keras
# expect: warns
# says: `write_grads` will be ignored in TensorFlow 2.0 for the `TensorBoard` Callback.
from tensorflow import keras

board = keras.callbacks.TensorBoard(log_dir="logs", write_grads=True)  # ignored
