# target: tf.keras
# expect: raises
from tensorflow import keras

model = keras.Sequential()
model.add(keras.Input((28, 28)))
model.add(keras.layers.Lambda(lambda x: x / 255.0))
model.save("scaled.keras")
same = keras.models.load_model("scaled.keras", safe_mode=False)
model.save("scaled.h5")
again = keras.models.load_model("scaled.h5")
restored = keras.models.load_model("scaled.keras")  # breaks
