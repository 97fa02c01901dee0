"""Property tests: the engine never raises on text it can parse, and fixing always yields code that
parses, that a second fix leaves alone."""

from __future__ import annotations

import ast

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.engine import check_source
from kerascheck.fix import fix_until_stable

IMPORTS = [
    "import keras",
    "import keras as K",
    "from keras.layers import *",
    "import tensorflow as tf",
    "from tensorflow import keras",
    "from keras.layers.convolutional import Convolution2D, Conv2D",
    "from keras.layers import Dense, Dropout, Convolution2D as C2",
    "import tf_keras",
    "from tensorflow.python.keras import layers",
    "from keras import backend as K",
    "from keras.optimizers import Adam, SGD",
    "import keras.layers as L",
]
STATEMENTS = [
    "x = Convolution2D(64, 3, 3, border_mode='same', dim_ordering=\"th\")(x)",
    "x = C2(8,\n       3, 3)(x)",
    "y = Dense(output_dim=3, init='glorot_uniform', bias=False)",
    "model.fit(x, y, nb_epoch=3, batch_size=2)",
    "opt = Adam(lr=0.1, decay=1e-6)",
    "tf.keras.layers.Conv2D(8, 5, 5, subsample=(2, 2))",
    "L.Dropout(p=0.5)",
    "K.layers.Convolution2D(4, 3, 3)",
    "model.fit_generator(gen, samples_per_epoch=10, nb_epoch=2)",
    "x = Conv2D(8, (3, 3))(x)  # noqa",
    "class Block(keras.layers.Layer):\n    def call(self, x):\n        return K.dropout(x, 0.5)",
    "def Dense(**kw):\n    return kw",
    "Dense = None",
    "if True:\n    x = Dropout(p=0.1)\nelse:\n    pass",
    "z = [Conv2D(n, 3, 3) for n in range(3)]",
    "s = 'border_mode=' + \"nb_epoch\"",
]
LINE_ENDS = st.sampled_from(["\n", "\r\n"])


@st.composite
def keras_modules(draw):
    lines = draw(st.lists(st.sampled_from(IMPORTS), min_size=1, max_size=4))
    lines += draw(st.lists(st.sampled_from(STATEMENTS), min_size=0, max_size=8))
    comment = draw(st.sampled_from(["", "# café", "# 日本語"]))
    return draw(LINE_ENDS).join([comment] + lines) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(keras_modules(), st.sampled_from(list(Target)), st.booleans())
def test_fix_always_parses_and_is_stable(source, target, unsafe):
    ast.parse(source)
    options = Settings(target=target)
    fixed, _ = fix_until_stable(source, lambda text: check_source(text, options), unsafe=unsafe)
    ast.parse(fixed)
    again, applied = fix_until_stable(fixed, lambda text: check_source(text, options), unsafe=unsafe)
    assert (again, applied) == (fixed, [])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_engine_never_raises_on_parseable_text(text):
    source = "import keras\n" + text
    try:
        ast.parse(source)
    except (SyntaxError, ValueError):
        return
    check_source(source, Settings())
