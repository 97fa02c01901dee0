# target: keras3
# expect: raises
# says: ValueError: Invalid value for argument `reduction`
import keras

print(keras.losses.MeanSquaredError().reduction)  # sum_over_batch_size: what tf.keras's "auto" was in fit
loss = keras.losses.MeanSquaredError(reduction="auto")  # breaks
