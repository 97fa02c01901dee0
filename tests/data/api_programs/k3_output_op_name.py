# target: keras3
# expect: raises
# A serving script names the model's output node.
import keras

inputs = keras.Input((3,))
model = keras.Model(inputs, keras.layers.Dense(2, name="out")(inputs))
print("output node:", model.output.op.name)  # breaks
