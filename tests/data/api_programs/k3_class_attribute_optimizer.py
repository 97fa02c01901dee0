# target: keras3
# expect: raises
# says: Argument(s) not recognized: {'lr': 0.001}
import numpy as np

import keras


class TrainConfig:
    optimizer = keras.optimizers.Adam
    learning_rate = 1e-3
    epochs = 1


model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
model.compile(optimizer=TrainConfig.optimizer(lr=TrainConfig.learning_rate), loss="mse")  # breaks
model.fit(np.zeros((8, 4)), np.zeros((8, 1)), epochs=TrainConfig.epochs, verbose=0)
