# kerascheck-case: --keras-target keras3
"""Keras 2 autoencoder and classifier code that cuts feature extractors out of functional models by layer index."""
import numpy as np
from keras.layers import Conv2D, Dense, Flatten, Input, MaxPooling2D, UpSampling2D
from keras.models import Model, Sequential


image = Input(shape=(28, 28, 1))
x = Conv2D(16, (3, 3), activation="relu", padding="same")(image)
encoded = MaxPooling2D((2, 2), padding="same")(x)
x = UpSampling2D((2, 2))(encoded)
decoded = Conv2D(1, (3, 3), activation="sigmoid", padding="same")(x)
auto = Model(image, decoded)
auto.compile(optimizer="adam", loss="binary_crossentropy")
encoder = Model(auto.layers[0].input, auto.layers[2].output)  # KER256:17
images = np.random.rand(4, 28, 28, 1).astype("float32")
codes = encoder.predict(images)

inputs = Input(shape=(32,))
hidden = Dense(16, activation="relu", name="hidden")(inputs)
classifier = Model(inputs=inputs, outputs=Dense(3, activation="softmax")(hidden))
embedder = Model(classifier.layers[0].input, classifier.get_layer("hidden").output)  # KER256:18

stack = Sequential([Input((32,)), Dense(8, activation="relu"), Dense(2)])
first = Model(stack.layers[0].input, stack.layers[0].output)  # a Sequential model holds no InputLayer
