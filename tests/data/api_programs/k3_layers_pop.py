# target: keras3
# expect: raises
# says: layers.pop() removed nothing
import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4), keras.layers.Dense(1)])
assert model.layers.pop() is not None and len(model.layers) == 1, "layers.pop() removed nothing"  # breaks
