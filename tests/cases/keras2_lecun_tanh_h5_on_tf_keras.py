# kerascheck-case: --keras-target tf.keras
"""LeCun's scaled tanh as a Dense activation, the model kept in HDF5 between runs (TF 2.x tutorials)."""
import numpy as np
from tensorflow import keras


def scaled_tanh(x):
    return 1.7159 * keras.activations.tanh(2.0 / 3.0 * x)


def build_model(n_features):
    model = keras.Sequential(
        [
            keras.Input(shape=(n_features,)),
            keras.layers.Dense(16, activation=scaled_tanh),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


x = np.random.rand(32, 4).astype("float32")
y = (x.sum(axis=1) > 2).astype("float32")
model = build_model(4)
model.fit(x, y, epochs=1, verbose=0)
model.save("lecun.h5")
restored = keras.models.load_model("lecun.h5", custom_objects={"scaled_tanh": scaled_tanh})  # KER236:12
print(restored.predict(x[:2], verbose=0).shape)
