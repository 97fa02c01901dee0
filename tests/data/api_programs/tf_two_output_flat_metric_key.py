# target: tf.keras
# expect: raises
# says: KeyError: 'val_gender_acc'
import numpy as np
from tensorflow import keras

inputs = keras.Input((4,))
age = keras.layers.Dense(1, name="age")(inputs)
gender = keras.layers.Dense(2, activation="softmax", name="gender")(inputs)
model = keras.Model(inputs, [age, gender])
model.compile(optimizer="adam", loss=["mse", "categorical_crossentropy"], metrics=["accuracy"])
x = np.ones((10, 4), "float32")
history = model.fit(x, [np.ones((10, 1)), np.eye(2)[np.zeros(10, int)]], validation_split=0.2, verbose=0)
print(history.history["val_gender_acc"][-1])  # breaks
