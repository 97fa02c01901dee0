# target: keras3
# expect: raises
# says: object is not callable
import numpy as np
import keras

schedule = keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=2, decay_rate=0.5)
optimizer = keras.optimizers.SGD(learning_rate=schedule)
model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
model.compile(optimizer=optimizer, loss="mse")
model.fit(np.ones((4, 2)), np.ones((4, 1)), batch_size=2, epochs=2, verbose=0)
print("learning rate", float(optimizer.learning_rate(optimizer.iterations)))  # breaks
