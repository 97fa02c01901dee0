# kerascheck-case: --keras-target keras3
"""A TF 2 notebook exported as a script (Hands-On ML, chapters 10 and 15), run on Keras 3: `model` is bound to
one model after another, and the files are written as TF 2 wrote them."""
import keras
import numpy as np

x = np.random.rand(64, 8).astype("float32")
y = x.sum(axis=1, keepdims=True)

model = keras.models.Sequential([keras.layers.Dense(30, activation="relu", input_shape=[8]), keras.layers.Dense(1)])
model.compile(loss="mse", optimizer=keras.optimizers.SGD(learning_rate=1e-3))
model.fit(x, y, epochs=1, verbose=0)
model.save("my_keras_model.h5")
model = keras.models.load_model("my_keras_model.h5")  # KER224:9
model.save_weights("my_keras_weights.ckpt")  # KER208:20
model.load_weights("my_keras_weights.ckpt")  # KER234:20

sketches = np.random.rand(32, 20, 3).astype("float32")
labels = np.random.randint(0, 10, size=32)
model = keras.models.Sequential(
    [
        keras.layers.Conv1D(32, kernel_size=5, strides=2, activation="relu"),
        keras.layers.BatchNormalization(),
        keras.layers.LSTM(64),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(sketches, labels, epochs=1, verbose=0)
model.save("my_sketchrnn")  # KER208:12
