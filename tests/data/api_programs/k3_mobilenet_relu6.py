# target: keras3
# expect: raises
# says: ImportError: cannot import name 'relu6'
import keras
from keras.applications.mobilenet import relu6  # breaks
