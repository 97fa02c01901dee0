# target: tf.keras
# expect: raises
# Keras 2's architecture round trip through JSON, with a Lambda layer of a Python lambda.
from tensorflow import keras

inputs = keras.Input((6,))
scaled = keras.layers.Lambda(lambda t: t * 2.0 + 1.0)(inputs)
model = keras.Model(inputs, keras.layers.Dense(2)(scaled))
restored = keras.models.model_from_json(model.to_json())  # breaks
