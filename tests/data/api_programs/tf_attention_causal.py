# target: tf.keras
# expect: warns
# says: `causal` argument is deprecated. Please use `use_causal_mask` in call() method to specify causal masking.
from tensorflow import keras

attention = keras.layers.Attention(causal=True)  # ignored
