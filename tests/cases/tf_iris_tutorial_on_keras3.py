# kerascheck-case: --keras-target keras3
"""The tf.keras iris tutorial, run on Keras 3 (TF 2.16+): its hand-written samples are Python lists."""
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from tensorflow import keras

frame = pd.read_csv("iris.csv")
features = frame[["sepal_length", "sepal_width", "petal_length", "petal_width"]].values
labels = frame["species"].astype("category").cat.codes.values
x_train, x_test, y_train, y_test = train_test_split(features, labels, test_size=0.2)

model = keras.Sequential(
    [
        keras.layers.Dense(10, activation="relu", input_shape=(4,)),
        keras.layers.Dense(3, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=50, validation_data=(x_test, y_test))

samples = [[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]]
print(model.predict(samples))  # KER240:21
print(np.argmax(model.predict([[5.9, 3.0, 4.2, 1.5]]), axis=1))  # KER240:31

features_list = features.tolist()
print(model.predict(np.array(features_list[:2])))
