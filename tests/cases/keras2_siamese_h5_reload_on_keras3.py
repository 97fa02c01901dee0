# kerascheck-case: --keras-target keras3
"""A Keras 2 siamese network (a shared Sequential base, an L1 distance in a Lambda) saved to .h5 and reloaded."""
import numpy as np
from keras.layers import Dense, Input, Lambda
from keras.models import Model, Sequential, load_model

base = Sequential([Dense(16, activation="relu"), Dense(8)])
left, right = Input((10,)), Input((10,))
distance = Lambda(lambda pair: abs(pair[0] - pair[1]))([base(left), base(right)])
siamese = Model([left, right], Dense(1, activation="sigmoid")(distance))
siamese.compile(optimizer="adam", loss="binary_crossentropy")
siamese.fit([np.ones((4, 10)), np.zeros((4, 10))], np.ones((4, 1)), epochs=1, verbose=0)
siamese.save("siamese.h5")
restored = load_model("siamese.h5")  # KER225:12
