# target: tf.keras
# expect: raises
# says: ImportError: cannot import name 'identity_block' from 'keras.applications.resnet50'
from keras.applications.resnet50 import identity_block  # breaks

print(identity_block)
