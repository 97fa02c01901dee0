# target: keras3
# expect: raises
import numpy as np
import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
x, y = np.ones((8, 3), "float32"), np.ones((8, 1), "float32")
model.fit(x, y, epochs=1, verbose=0, workers=4, use_multiprocessing=True)  # breaks
