# target: tf.keras
# expect: raises
from tensorflow import keras

model = keras.Sequential([keras.layers.Dense(1, input_shape=(3,))])
model._make_predict_function()  # breaks
