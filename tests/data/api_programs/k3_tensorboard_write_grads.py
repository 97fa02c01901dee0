# target: keras3
# expect: raises
import keras

board = keras.callbacks.TensorBoard(log_dir="logs", write_grads=True)  # breaks
