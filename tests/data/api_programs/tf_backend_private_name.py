# target: tf.keras
# expect: raises
import keras.backend as K

if K._BACKEND == "tensorflow":  # breaks
    print("tensorflow")
