# kerascheck-case: --keras-target keras3
"""Age and gender from one face crop, two heads on a shared trunk: a 2018 Kaggle kernel."""
import numpy as np
from keras.layers import Dense, Flatten, Input
from keras.models import Model

inputs = Input(shape=(32, 32, 3))
trunk = Flatten()(inputs)
age = Dense(1, name="age")(trunk)
gender = Dense(1, activation="sigmoid", name="gender")(trunk)
model = Model(inputs=inputs, outputs=[age, gender])
model.compile(optimizer="adam", loss=["mse", "binary_crossentropy"], metrics=["accuracy"])  # KER218:78

images = np.random.rand(16, 32, 32, 3)
model.fit(images, [np.random.rand(16, 1) * 80, np.random.randint(0, 2, (16, 1))], epochs=1)

heads = Model(inputs, [age, gender, Dense(3, activation="softmax", name="race")(trunk)])
heads.compile("adam", ["mse", "binary_crossentropy", "categorical_crossentropy"], metrics=["mae", "accuracy"])  # KER218:91
print(heads.evaluate(images, [np.zeros((16, 1)), np.zeros((16, 1)), np.zeros((16, 3))]))
