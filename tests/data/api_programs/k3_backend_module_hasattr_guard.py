# target: keras3
# expect: runs
import keras

if hasattr(keras.backend, "tensorflow_backend"):
    backend_module = keras.backend.tensorflow_backend
else:
    backend_module = keras.backend
print(backend_module.floatx())
