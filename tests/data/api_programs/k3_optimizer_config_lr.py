# target: keras3
# expect: raises
# says: KeyError: 'lr'
import keras

optimizer = keras.optimizers.SGD(learning_rate=0.05, momentum=0.9)
print(optimizer.get_config()["learning_rate"])
print("starting rate", optimizer.get_config()["lr"])  # breaks
