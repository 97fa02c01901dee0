# kerascheck-case: --keras-target keras3
"""A scikit-learn-style wrapper written for Keras 2.2 (its own `history` log and `predict_classes`), beside the
Keras model it trains; Keras 3 runs the wrapper's own methods and dicts as before."""
import numpy as np
import keras


def build_model(n_features):
    model = keras.Sequential([keras.Input((n_features,)), keras.layers.Dense(3, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


class ProbClassifier:
    def __init__(self, n_features):
        self.model = build_model(n_features)
        self.history = {"acc": [], "loss": []}  # the wrapper's own log, under its own keys

    def fit_generator(self, batches, epochs=1):
        for _ in range(epochs):
            for x, y in batches:
                loss, acc = self.model.train_on_batch(x, y)
                self.history["acc"].append(acc)
                self.history["loss"].append(loss)
        return self

    def predict_classes(self, x):
        return self.model.predict(x, verbose=0).argmax(-1)


batches = [(np.ones((2, 4)), np.zeros(2))]
clf = ProbClassifier(4).fit_generator(batches, epochs=2)
print(clf.history["acc"], clf.predict_classes(np.ones((1, 4))))

model = build_model(4)
hist = model.fit(np.ones((2, 4)), np.zeros(2), epochs=1, verbose=0)
print(hist.history["acc"])  # KER222:20
