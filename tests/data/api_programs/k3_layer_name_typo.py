# target: keras3
# expect: raises
# says: AttributeError: module 'keras.layers' has no attribute 'Conv2d'
import keras

block = keras.layers.Conv2d(8, 3)  # breaks
