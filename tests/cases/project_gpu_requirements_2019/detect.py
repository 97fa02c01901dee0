"""Object detection inference, ported to Keras 3."""
import keras
import numpy as np


def detect(model_path, image):
    model = keras.saving.load_model(model_path)
    return model.predict(np.expand_dims(image, 0))
