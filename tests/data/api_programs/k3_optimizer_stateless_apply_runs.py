# target: keras3
# expect: runs
# Only the TensorFlow backend's optimizer refuses stateless_apply; Keras 3's own optimizer takes it.
import numpy as np

import keras

optimizer = keras.optimizers.SGD(0.1)
weight = keras.Variable(np.ones(2, "float32"))
optimizer.build([weight])
state = [v.value for v in optimizer.variables]
weights, state = optimizer.stateless_apply(state, [np.ones(2, "float32")], [weight.value])
assert np.allclose(weights[0], 0.9)
