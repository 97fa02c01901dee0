# target: tf.keras
# expect: raises
# The Keras 2.2 freeze-for-serving idiom: the graph nodes of the model's outputs.
from tensorflow import keras

inputs = keras.Input((3,))
model = keras.Model(inputs, keras.layers.Dense(2, name="out")(inputs))
output_names = [out.op.name for out in model.outputs]  # breaks
