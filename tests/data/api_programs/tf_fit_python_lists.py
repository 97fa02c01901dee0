# target: tf.keras
# expect: runs
# keras 2.15.0 makes arrays of lists of numbers (ListsOfScalarsDataAdapter).
from tensorflow import keras

X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
y = [[0.0], [1.0], [1.0], [0.0]]
model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(4, activation="tanh"), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=2, verbose=0, validation_data=(X, y))
assert model.predict([[1.0, 0.0]], verbose=0).shape == (1, 1)
assert isinstance(model.evaluate(X, y, verbose=0), float)
