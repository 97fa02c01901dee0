# target: keras3
# expect: raises
# The iris tutorial's last step: classify one flower written out by hand.
import numpy as np
import keras

model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(12, 4), np.arange(12) % 3, epochs=1, verbose=0)
flower = [[5.1, 3.5, 1.4, 0.2]]
print(model.predict(flower, verbose=0).argmax())  # breaks
