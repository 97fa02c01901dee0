# target: tf.keras
# expect: raises
# says: AttributeError: 'float' object has no attribute 'dtype'
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K


class CyclicMomentum(keras.callbacks.Callback):
    def on_train_batch_begin(self, batch, logs=None):
        K.set_value(self.model.optimizer.momentum, 0.85)  # breaks


model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.95), loss="mse")
model.fit(np.ones((4, 3)), np.ones((4, 1)), epochs=1, verbose=0, callbacks=[CyclicMomentum()])
