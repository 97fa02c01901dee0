# kerascheck-case: --keras-target keras3
"""A Keras 2 training script that applies L2 weight decay to kernels only, picked by their tf.keras names."""
import numpy as np
import keras
from keras import layers

model = keras.Sequential(
    [keras.Input((16,)), layers.Dense(32, activation="relu", name="hidden"), layers.Dense(1, name="out")]
)
decay = 1e-4
kernels = [w for w in model.trainable_weights if w.name.endswith("kernel:0")]  # KER250:50
biases = [w for w in model.trainable_weights if "bias" in w.name]  # the bare name holds it: fine
for w in model.weights:
    if w.name == "out/kernel:0":  # KER250:8
        print("output kernel", w.shape)
model.compile(optimizer="adam", loss="mse")
model.fit(np.zeros((8, 16)), np.zeros((8, 1)), epochs=1, verbose=0)
