# target: keras3
# expect: raises
import keras

model = keras.models.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model._make_predict_function()  # breaks
