# target: keras3
# expect: raises
import keras

model = keras.Sequential([keras.Input((28, 28)), keras.layers.Lambda(lambda x: x / 255.0), keras.layers.Flatten()])
model.save("scaled.keras")
restored = keras.models.load_model("scaled.keras")  # breaks
