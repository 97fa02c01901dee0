# target: tf.keras
# expect: raises
# says: ImportError: cannot import name 'relu6'
from tensorflow.keras.applications.mobilenet import relu6  # breaks
