# target: keras3
# expect: runs
import keras
from keras import layers

base = keras.Sequential([keras.Input((3,)), layers.Dense(4)], name="base")
model = keras.Sequential([base, layers.Dense(2)])
print(model.layers[0].output_shape)
