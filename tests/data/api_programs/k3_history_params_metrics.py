# target: keras3
# expect: raises
# says: KeyError: 'metrics'
import numpy as np
import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse", metrics=["mae"])
history = model.fit(np.ones((4, 3)), np.ones((4, 1)), verbose=0)
print(history.params["epochs"])
names = history.params["metrics"]  # breaks
