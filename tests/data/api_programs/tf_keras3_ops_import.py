# target: tf.keras
# expect: raises
# says: ImportError
import keras

print(keras.__version__)
from keras import ops  # breaks
