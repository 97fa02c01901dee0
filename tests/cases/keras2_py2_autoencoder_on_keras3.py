# kerascheck-case: --keras-target keras3
"""A Keras 2.1 autoencoder written under Python 2, whose `/` of two ints was an int."""
import keras
from keras.layers import Dense, Embedding, Input, LSTM


def build(n_features, hidden=256, vocab=5000):
    inputs = Input((n_features,))
    encoded = Dense(hidden, activation="relu")(inputs)
    encoded = Dense(hidden / 2, activation="relu")(encoded)  # KER238:21
    code = Dense(hidden // 4, activation="relu")(encoded)
    decoded = Dense(int(hidden / 2), activation="relu")(code)
    decoded = Dense(n_features, activation="sigmoid")(decoded)
    return keras.Model(inputs, decoded)


def build_text(vocab=5000, dim=128):
    words = Input((None,), dtype="int32")
    embedded = Embedding(vocab, output_dim=dim / 2)(words)  # KER238:44
    return keras.Model(words, LSTM(dim // 2)(embedded))
