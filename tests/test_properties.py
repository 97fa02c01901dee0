"""Properties of the engine and the fixer on generated programs: the engine never raises, keeping only
the uses that can be Keras changes no finding, ``# noqa`` reads the same statements from a stretch as
from the whole module, and fixing yields code that parses and that a second fix leaves alone.

Two sources of programs, both parsed before use: Keras code assembled from the calls, keywords and
values the rules look at (every program parses), and programs hypothesmith derives from Python's
grammar and libcst's node types behind Keras imports (most parse; the rest are discarded).
"""

from __future__ import annotations

import ast

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.engine import analyse_source, check_source, split_lines
from kerascheck.fix import fix_until_stable
from kerascheck.noqa import _LogicalLines
from kerascheck.walk import ModuleIndex

pytestmark = pytest.mark.slow

IMPORTS = [
    "import keras",
    "import keras as K",
    "from keras.layers import *",
    "import tensorflow as tf",
    "from tensorflow import keras",
    "from keras.layers.convolutional import Convolution2D, Conv2D",
    "from keras.layers import Dense, Dropout, Convolution2D as C2, merge",
    "import tf_keras",
    "from tensorflow.python.keras import layers",
    "from keras import backend as K",
    "from keras.optimizers import Adam, SGD",
    "import keras.layers as L",
    "from keras.models import Sequential, Model, load_model",
    "from keras.callbacks import ModelCheckpoint, EarlyStopping",
]
CALLEES = [
    "Convolution2D", "C2", "Conv2D", "Dense", "Dropout", "L.Dropout", "K.layers.Convolution2D", "merge",
    "tf.keras.layers.Conv2D", "keras.layers.GRU", "layers.LSTM", "Adam", "SGD", "K.dropout", "K.sum",
    "K.learning_phase", "model.fit", "model.fit_generator", "model.save", "model.save_weights", "load_model",
    "ModelCheckpoint", "EarlyStopping", "self.add_weight", "self.dense.call", "tf.squeeze", "Sequential",
]  # fmt: skip
KEYWORDS = [
    "border_mode", "nb_filter", "subsample", "init", "W_regularizer", "output_dim", "p", "nb_epoch",
    "dim_ordering", "samples_per_epoch", "nb_val_samples", "lr", "decay", "mode", "dropout", "name",
    "training", "padding", "kernel_size", "epochs", "reset_after", "atrous_rate", "save_format", "monitor",
    "input_dim", "input_length", "concat_axis", "learning_rate", "units", "rate",
]  # fmt: skip
VALUES = [
    "0.5", "3", "(3, 3)", "'same'", "'th'", "'tf'", "None", "True", "x", "inputs", "'val_acc'", "'a/b'",
    "'w.h5'", "'model'", "[x, y]", "1e-6", "lambda shape, name: normal(shape, scale=0.01, name=name)",
    "f'{name}/kernel'", "K.image_dim_ordering() == 'th'",
]  # fmt: skip
STATEMENTS = [
    "x = {call}",
    "x = {call}(x)",
    "model.add({call})",
    "history = {call}\nprint(history.history['acc'])",
    "def build(model, x):\n    return {call}",
    "class Block(keras.layers.Layer):\n    def call(self, inputs):\n        return {call}",
    "class Block(L.Layer):\n    def call(self, inputs, **kwargs):\n        return {call}",
    "if True:\n    x = {call}\nelse:\n    pass",
    "z = [{call} for n in range(3)]",
    "x = {call}  # noqa",
    "x = {call}  # noqa: KER201",
]
FIXED_STATEMENTS = [
    "def Dense(**kw):\n    return kw",
    "Dense = None",
    "s = 'border_mode=' + \"nb_epoch\"",
    "model = Sequential()",
    "inputs = keras.Input(shape=(4,))",
]


@st.composite
def keras_calls(draw) -> str:
    """A call of something the rules look at, with arguments in a valid order, on one line or several."""
    positional = draw(st.lists(st.sampled_from(VALUES), max_size=4))
    if draw(st.booleans()):
        positional.append("*args")
    names = draw(st.lists(st.sampled_from(KEYWORDS), max_size=4, unique=True))
    arguments = positional + [f"{name}={draw(st.sampled_from(VALUES))}" for name in names]
    if draw(st.booleans()):
        arguments.append("**kw")
    separator = draw(st.sampled_from([", ", ",\n    ", ",\n        "]))
    return f"{draw(st.sampled_from(CALLEES))}({separator.join(arguments)})"


@st.composite
def keras_modules(draw) -> str:
    lines = draw(st.lists(st.sampled_from(IMPORTS), min_size=1, max_size=4))
    for _ in range(draw(st.integers(0, 8))):
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(st.sampled_from(FIXED_STATEMENTS)))
        else:
            lines.append(draw(st.sampled_from(STATEMENTS)).format(call=draw(keras_calls())))
    comment = draw(st.sampled_from(["", "# café", "# 日本語"]))
    return draw(st.sampled_from(["\n", "\r\n"])).join([comment] + lines) + "\n"


# Prepended to hypothesmith's programs so that they meet Keras names: plain imports, and a star import
# that makes every free name a possible Keras name.
PREFIXES = [
    "import keras\nimport tensorflow as tf\nfrom keras import layers, backend as K\n",
    "from keras.layers import *\nfrom tensorflow.keras import *\n",
    "from tensorflow import keras\nfrom keras.layers import Convolution2D as C\nx = C(8, 3, 3, border_mode='same')\n",
]


def _grammar_programs():
    import hypothesmith  # builds its grammar when first drawn from, not when the suite is collected

    return st.tuples(st.sampled_from(PREFIXES), st.one_of(hypothesmith.from_grammar(), hypothesmith.from_node())).map(
        "".join
    )


PROGRAMS = st.one_of(keras_modules(), st.deferred(_grammar_programs))
BOUNDED = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)


def _parsed(source: str) -> str:
    try:
        ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        assume(False)  # e.g. ``from __future__`` after the prefix, or a construct newer than this Python
    return source


@BOUNDED
@given(PROGRAMS, st.sampled_from(list(Target)))
def test_engine_never_raises(source, target):
    source = _parsed(source)
    for module_name in (None, "keras.src.generated"):
        analyse_source(source, Settings(target=target), module_name)


@BOUNDED
@given(PROGRAMS)
def test_keeping_only_relevant_uses_changes_no_finding(source):
    source = _parsed(source)
    filtered = analyse_source(source, Settings())._replace(statement_starts=())
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(ModuleIndex, "_relevant_names", lambda self: None)
        everything = analyse_source(source, Settings())._replace(statement_starts=())
    assert filtered == everything


@BOUNDED
@given(PROGRAMS)
def test_noqa_stretches_match_the_whole_module(source):
    source = _parsed(source)
    lines = split_lines(source)
    starts = ModuleIndex().build(ast.parse(source)).statement_starts
    whole = _LogicalLines(lines)
    stretches = _LogicalLines(lines, starts)
    for number in range(len(lines), 0, -1):
        assert stretches.text_of(number) == whole.text_of(number), number


# The fixer's property, once per kind of program: half of BOUNDED's examples each (as PROGRAMS draws
# them), in two tests that parallel workers can run side by side.
HALF = settings(BOUNDED, max_examples=BOUNDED.max_examples // 2)


@HALF
@given(keras_modules(), st.sampled_from(list(Target)), st.booleans())
def test_fix_of_keras_programs_parses_and_is_stable(source, target, unsafe):
    _fix_parses_and_is_stable(source, target, unsafe)


@HALF
@given(st.deferred(_grammar_programs), st.sampled_from(list(Target)), st.booleans())
def test_fix_of_grammar_programs_parses_and_is_stable(source, target, unsafe):
    _fix_parses_and_is_stable(source, target, unsafe)


def _fix_parses_and_is_stable(source: str, target: Target, unsafe: bool) -> None:
    source = _parsed(source)
    options = Settings(target=target)
    fixed, _ = fix_until_stable(source, lambda text: check_source(text, options), unsafe=unsafe)
    ast.parse(fixed)
    again, applied = fix_until_stable(fixed, lambda text: check_source(text, options), unsafe=unsafe)
    assert (again, applied) == (fixed, [])


_LINE_TEXT = st.lists(st.sampled_from(["a", " ", "\n", "\r", "\r\n", "\x0c", "é", "#"]), max_size=60).map("".join)


@given(_LINE_TEXT, st.integers(min_value=0, max_value=30))
def test_the_lazy_lines_are_the_split_lines(text, count):
    """A module's lines are split when first read."""
    from kerascheck.text import Lines

    lines = Lines(text)
    assert (list(lines), len(lines), lines[count:], "".join(lines)) == (
        split_lines(text), len(split_lines(text)), split_lines(text)[count:], text
    )  # fmt: skip


@given(_LINE_TEXT, st.lists(st.tuples(st.integers(1, 30), st.integers(0, 5)), max_size=5))
def test_the_text_of_some_lines_is_that_of_the_split_lines(text, spans):
    """The import memo reads an import's lines without splitting the whole text (asked in any order)."""
    from kerascheck.text import Lines

    lines, split = Lines(text), split_lines(text)
    for first, more in spans:
        assert lines.lines_text(first, first + more) == "".join(split[first - 1 : first + more])


@given(_LINE_TEXT)
def test_lines_of_offsets_are_counted_as_split(text):
    """The typed-uses pass finds the lines of text offsets by counting "\\n" where no "\\r" ends a line."""
    from kerascheck.context import Context
    from kerascheck.rules.objects import _lines_at
    from kerascheck.text import Lines

    offsets = sorted(set(range(0, len(text), 3)))
    whole = Context(ast.parse(""), Lines(text), Settings())
    listed = Context(ast.parse(""), split_lines(text), Settings())  # given as a list: the bisecting way
    assert _lines_at(whole, offsets) == _lines_at(listed, offsets)
