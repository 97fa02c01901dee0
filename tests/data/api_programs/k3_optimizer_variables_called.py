# target: keras3
# expect: raises
# says: TypeError: 'list' object is not callable
import numpy as np
import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
optimizer = keras.optimizers.Adam()
model.compile(optimizer=optimizer, loss="mse")
model.fit(np.ones((4, 3)), np.ones((4, 2)), verbose=0)
print("read", len(optimizer.variables))  # the fix: the property, which reads the list
print("called", len(optimizer.variables()))  # breaks
