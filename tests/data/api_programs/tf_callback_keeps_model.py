# target: tf.keras
# expect: runs
# A Keras 2 callback that keeps the model it is given, to draw its attention maps after each epoch.
from tensorflow import keras


class VisualizeAttention(keras.callbacks.Callback):
    def __init__(self, model, samples):
        super().__init__()
        self.model = model
        self.samples = samples


model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
callback = VisualizeAttention(model, samples=None)
