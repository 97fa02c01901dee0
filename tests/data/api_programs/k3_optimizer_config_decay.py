# target: keras3
# expect: raises
# says: KeyError: 'decay'
import keras

optimizer = keras.optimizers.Adam(learning_rate=0.01)
print(optimizer.get_config()["learning_rate"])
print(optimizer.get_config()["decay"])  # breaks
