# target: keras3
# expect: raises
# A feature extractor nested in a classifier, then frozen by tf.keras's default name.
import keras

features_in = keras.Input((8,))
extractor = keras.Model(features_in, keras.layers.Dense(4)(features_in))
inputs = keras.Input((8,))
classifier = keras.Model(inputs, keras.layers.Dense(2)(extractor(inputs)))
classifier.get_layer("model").trainable = False  # breaks
