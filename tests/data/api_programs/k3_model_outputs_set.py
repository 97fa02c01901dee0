# target: keras3
# expect: raises
# says: property 'outputs' of 'Functional' object has no setter
import keras

inputs = keras.Input((3,))
hidden = keras.layers.Dense(4)(inputs)
model = keras.Model(inputs, keras.layers.Dense(1)(hidden))
model.outputs = [model.layers[-2].output]  # breaks
