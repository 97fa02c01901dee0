# target: keras3
# expect: raises
import numpy as np

import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(np.ones((8, 3)), np.ones((8, 1)), epochs=1, verbose=0)
model.save("regressor.h5")
restored = keras.models.load_model("regressor.h5")  # breaks
