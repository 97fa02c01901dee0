# target: keras3
# expect: raises
import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2), keras.layers.Dense(1)])
for layer in model.layers:
    print(layer.name, layer.output_shape)  # breaks
