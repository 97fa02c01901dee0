# target: keras3
# expect: raises
# says: ImportError: cannot import name '_obtain_input_shape'
import keras
from keras.applications.imagenet_utils import _obtain_input_shape  # breaks
