# target: keras3
# expect: warns
# says: does not have a `build()` method implemented
import numpy as np

import keras


class TwoLayer(keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = keras.layers.Dense(8, activation="relu")
        self.out = keras.layers.Dense(1)

    def call(self, inputs, training=None):
        return self.out(self.hidden(inputs))


source = TwoLayer()
source(np.ones((1, 4), "float32"))
source.save_weights("two.weights.h5")
model = TwoLayer()
model.build((None, 4))  # ignored
print("weights after build:", len(model.weights))  # 0: tf.keras made 4
model.load_weights("two.weights.h5")
x = np.random.rand(3, 4).astype("float32")
assert not np.allclose(model.predict(x, verbose=0), source.predict(x, verbose=0))  # the weights were not loaded
