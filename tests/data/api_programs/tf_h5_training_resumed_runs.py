# target: tf.keras
# expect: runs
# says: resumed
import numpy as np
from tensorflow import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mean_squared_error")
x, y = np.random.rand(8, 3), np.random.rand(8, 1)
model.fit(x, y, epochs=1, verbose=0)
model.save("checkpoint.h5")
restored = keras.models.load_model("checkpoint.h5")
restored.fit(x, y, epochs=1, verbose=0)
print("resumed")
