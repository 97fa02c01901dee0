# target: tf.keras
# expect: raises
import numpy as np
from tensorflow import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile("sgd", "mse")
plateau = keras.callbacks.ReduceLROnPlateau(monitor="loss", patience=1)
history = model.fit(np.ones((8, 3)), np.ones((8, 1)), epochs=2, verbose=0, callbacks=[plateau])
print(history.history["learning_rate"][-1])  # breaks
