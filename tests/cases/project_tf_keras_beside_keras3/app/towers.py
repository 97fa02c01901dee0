"""The two-tower model, kept on Keras 2 through tf_keras (TF_USE_LEGACY_KERAS=1)."""
import tf_keras  # KER404:1


def tower(vocabulary_size, dimension=32):
    return tf_keras.Sequential(
        [
            tf_keras.layers.Embedding(vocabulary_size, dimension),
            tf_keras.layers.GlobalAveragePooling1D(),
            tf_keras.layers.Dense(dimension),
        ]
    )
