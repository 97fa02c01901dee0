# target: tf.keras
# expect: raises
# says: Failed to format this callback filepath
import numpy as np
from tensorflow import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="sgd", loss="binary_crossentropy", metrics=["accuracy"])
x, y = np.ones((8, 3)), np.ones((8, 1))
model.fit(x, y, validation_split=0.5, verbose=0, callbacks=[keras.callbacks.ModelCheckpoint("w-{val_acc:.2f}.h5")])  # breaks
