# target: tf.keras
# expect: raises
# says: ImportError: cannot import name '_obtain_input_shape'
from tensorflow.keras.applications.imagenet_utils import _obtain_input_shape  # breaks
