# target: tf.keras
# expect: raises
# says: object has no attribute 'output_layers'
from tensorflow import keras

model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, name="out")])
print(model.output_layers[0].name)  # breaks
