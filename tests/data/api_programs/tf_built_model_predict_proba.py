# target: tf.keras
# expect: raises
# says: AttributeError: 'Sequential' object has no attribute 'predict_proba'
import numpy as np
from tensorflow import keras


def create_model():
    model = keras.Sequential()
    model.add(keras.layers.Dense(8, input_dim=4, activation="relu"))
    model.add(keras.layers.Dense(3, activation="softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="adam")
    return model


model = create_model()
print(model.layers[0].output_shape, model.optimizer.lr.numpy())
probabilities = model.predict_proba(np.random.rand(5, 4))  # breaks
