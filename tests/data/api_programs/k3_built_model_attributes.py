# target: keras3
# expect: raises
# says: AttributeError: 'Adam' object has no attribute 'lr'
import numpy as np

import keras


def build_model(features):
    inputs = keras.Input(shape=(features,))
    hidden = keras.layers.Dense(8, activation="relu")(inputs)
    model = keras.Model(inputs, keras.layers.Dense(1)(hidden))
    model.compile(loss="mse", optimizer=keras.optimizers.Adam(1e-3))
    return model


model = build_model(4)
model.fit(np.random.rand(16, 4), np.random.rand(16, 1), epochs=1, verbose=0)
print(model.layers[1].output.shape)
print(float(model.optimizer.lr))  # breaks
