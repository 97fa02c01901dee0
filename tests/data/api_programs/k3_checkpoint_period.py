# target: keras3
# expect: raises
import keras

checkpoint = keras.callbacks.ModelCheckpoint("model.keras", period=5)  # breaks
