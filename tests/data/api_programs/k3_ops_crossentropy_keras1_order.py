# target: keras3
# expect: raises
# says: AssertionError
# A Keras 1 loss moved to keras.ops as written keeps the backend's old `output, target` order: another number.
import numpy as np

from keras import ops

labels = np.array([[0.0, 1.0], [1.0, 0.0]])
predictions = np.array([[0.3, 0.7], [0.6, 0.4]])
expected = ops.convert_to_numpy(ops.categorical_crossentropy(labels, predictions))
assert np.allclose(ops.convert_to_numpy(ops.categorical_crossentropy(predictions, labels)), expected)  # breaks
