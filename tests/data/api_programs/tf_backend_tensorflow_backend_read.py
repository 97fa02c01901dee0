# target: tf.keras
# expect: raises
import keras.backend as K

backend_module = K.tensorflow_backend  # breaks
