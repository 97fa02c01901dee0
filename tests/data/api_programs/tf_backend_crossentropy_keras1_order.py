# target: tf.keras
# expect: raises
# says: AssertionError
# A Keras 1 loss (the backend's `output, target` order) runs on tf.keras with the two swapped: another number.
import numpy as np
from tensorflow.keras import backend as K

y_true = K.constant(np.array([[1.0], [0.0], [1.0]]))
y_pred = K.constant(np.array([[0.9], [0.2], [0.6]]))
expected = K.eval(K.binary_crossentropy(y_true, y_pred))
assert np.allclose(K.eval(K.binary_crossentropy(y_pred, y_true)), expected)  # breaks
