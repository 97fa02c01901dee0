# target: keras3
# expect: raises
# A model builder logs the graph node of an intermediate tensor, as Keras 2 on TensorFlow 1 allowed.
import keras

inputs = keras.Input((3,))
hidden = keras.layers.Dense(4, name="hidden")(inputs)
print("hidden node:", hidden.op.name)  # breaks
outputs = keras.layers.Dense(2)(hidden)
model = keras.Model(inputs, outputs)
