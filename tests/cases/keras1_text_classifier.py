# kerascheck-case: --keras-target keras3 --extend-select KER110
"""A Keras 1 text classifier (two towers merged), moved to Keras 3 without changes."""
import numpy as np
from keras import backend as K
from keras.datasets import imdb
from keras.initializations import normal  # KER102:1 KER116:1 KER111:35
from keras.layers import Dense, Embedding, Input, LSTM, merge  # KER113:1
from keras.layers.convolutional import AtrousConvolution1D, Convolution1D  # KER102:1 KER117:1 KER110:61
from keras.layers.normalization import BatchNormalization  # KER102:1
from keras.models import Model
from keras.preprocessing import sequence

max_features = 20000
maxlen = 80

(x_train, y_train), (x_test, y_test) = imdb.load_data(nb_words=max_features)  # KER201:55
x_train = sequence.pad_sequences(x_train, maxlen=maxlen)

words = Input(shape=(maxlen,), dtype="int32")
embedded = Embedding(max_features, 128, dropout=0.2)(words)  # KER202:41
recurrent = LSTM(
    64,
    input_dim=128,  # KER202:5
    forget_bias_init="one",  # KER202:5
    consume_less="gpu",  # KER201:5
)(embedded)
convolved = Convolution1D(64, 3, border_mode="same")(embedded)  # KER110:13 KER201:34
dilated = AtrousConvolution1D(64, 3, atrous_rate=2, border_mode="same")(convolved)  # KER111:11 KER117:11 KER202:38 KER201:53
pooled = K.max(dilated, axis=1)  # KER115:10
joined = merge([recurrent, pooled], mode="concat", concat_axis=-1)  # KER113:10
normed = BatchNormalization(mode=0)(joined)  # KER202:29
scores = Dense(
    1,
    activation="sigmoid",
    init=lambda shape, name: normal(shape, scale=0.01, name=name),  # KER201:5 KER116:10 KER111:30
)(normed)

model = Model(input=words, output=scores)  # KER201:15 KER201:28
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=32, nb_epoch=1, validation_split=0.1)  # KER201:44
print(K.eval(K.mean(K.square(model.predict(x_train[:8])))))  # KER111:9 KER115:14 KER115:21
