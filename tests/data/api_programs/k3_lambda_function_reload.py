# target: keras3
# expect: raises
import keras


def scale(x):
    return x / 255.0


inputs = keras.Input((28, 28))
outputs = keras.layers.Flatten()(keras.layers.Lambda(scale)(inputs))
model = keras.Model(inputs, outputs)
model.save("scaled.h5")
restored = keras.models.load_model("scaled.h5")  # breaks
