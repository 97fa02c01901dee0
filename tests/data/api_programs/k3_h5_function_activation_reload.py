# target: keras3
# expect: runs
# says: scaled_tanh
import keras


def scaled_tanh(x):
    return 1.7159 * keras.activations.tanh(2.0 / 3.0 * x)


model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(4, activation=scaled_tanh)])
model.save("scaled.h5")
restored = keras.models.load_model("scaled.h5", custom_objects={"scaled_tanh": scaled_tanh})
print(restored.layers[0].activation.__name__)
