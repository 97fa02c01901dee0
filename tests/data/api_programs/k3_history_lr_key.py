# target: keras3
# expect: raises
# says: KeyError: 'lr'
import numpy as np

import keras

model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
plateau = keras.callbacks.ReduceLROnPlateau(monitor="loss", factor=0.5, patience=1)
history = model.fit(np.random.rand(8, 4), np.random.rand(8, 1), epochs=2, verbose=0, callbacks=[plateau])
print(history.history["learning_rate"])
rates = history.history["lr"]  # breaks
