# target: tf.keras
# expect: raises
# says: AttributeError: Can't set the attribute "name"
from tensorflow import keras

member = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])
for layer in member.layers:
    print(layer.name)
    layer.name = "member0_" + layer.name  # breaks
