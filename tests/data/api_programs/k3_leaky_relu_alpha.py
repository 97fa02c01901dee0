# target: keras3
# expect: warns
# says: Argument `alpha` is deprecated. Use `negative_slope` instead.
import keras

activation = keras.layers.LeakyReLU(alpha=0.2)  # ignored
