# kerascheck-case: --keras-target keras3
"""A 2017 transfer-learning recipe: drop the classifier of a saved model, freeze the rest, add a new head."""
from keras.layers import Dense, Input
from keras.models import Model, Sequential, load_model

base = load_model("base_classifier.h5")
base.layers.pop()  # KER123:1
base.layers.pop()  # KER123:1
for layer in base.layers:
    layer.trainable = False

head = Sequential([Input((256,)), Dense(5, activation="softmax")])
model = Model(base.input, head(base.layers[-1].output))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
