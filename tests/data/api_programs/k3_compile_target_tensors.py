# target: keras3
# expect: raises
import numpy as np
import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse", target_tensors=[np.ones((1, 1))])  # breaks
