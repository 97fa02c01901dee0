# target: tf.keras
# expect: runs
# says: called is read: True
import numpy as np
from tensorflow import keras

# tf.keras's optimizers let `variables` be read or called: the call gives the list itself, so Keras 3's fix
# (reading `.variables`) reads what the call did
model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
optimizer = keras.optimizers.Adam()
model.compile(optimizer=optimizer, loss="mse")
model.fit(np.ones((4, 3)), np.ones((4, 2)), verbose=0)
print("called is read:", optimizer.variables() == optimizer.variables, len(optimizer.variables))
