# target: tf.keras
# expect: runs
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K


def gradient_norm(y_pred, inputs):
    grads = K.gradients(K.sum(y_pred), [inputs])[0]
    return K.mean(K.sqrt(K.sum(K.square(grads), axis=-1) + 1e-8))


def penalized_loss(y_true, y_pred):
    return K.mean(K.square(y_true - y_pred)) + 0.1 * gradient_norm(y_pred, y_pred)


model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss=penalized_loss)
model.fit(np.ones((4, 3), "float32"), np.ones((4, 1), "float32"), epochs=1, verbose=0)
print("trained")
