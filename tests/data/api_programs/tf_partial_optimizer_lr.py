# target: tf.keras
# expect: warns
# says: `lr` is deprecated in Keras optimizer, please use `learning_rate` or use the legacy optimizer
from functools import partial

from tensorflow import keras

make_optimizer = partial(keras.optimizers.Adam, lr=3e-4)  # ignored
optimizer = make_optimizer()
print(float(optimizer.learning_rate))
