"""Properties on programs hypothesmith generates from Python's grammar and from libcst's node types:
the engine never raises, keeping only the uses that can be Keras changes no finding, ``# noqa`` reads
the same statements from a stretch as from the whole module, and fixing yields code that parses and
that a second fix leaves alone. Bounded (a few dozen programs each) so the suite stays fast."""

from __future__ import annotations

import ast

import hypothesmith
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.engine import analyse_source, check_source, split_lines
from kerascheck.fix import fix_until_stable
from kerascheck.noqa import _LogicalLines
from kerascheck.walk import ModuleIndex

# Prepended so that the generated code meets Keras names: plain imports, and a star import that makes
# every free name a possible Keras name.
PREFIXES = [
    "import keras\nimport tensorflow as tf\nfrom keras import layers, backend as K\n",
    "from keras.layers import *\nfrom tensorflow.keras import *\n",
    "from tensorflow import keras\nfrom keras.layers import Convolution2D as C\nx = C(8, 3, 3, border_mode='same')\n",
]
BOUNDED = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
PROGRAMS = st.one_of(hypothesmith.from_grammar(), hypothesmith.from_node())


def _program(prefix: str, generated: str) -> str:
    source = prefix + generated
    try:
        ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        assume(False)  # e.g. ``from __future__`` after the prefix, or a construct newer than this Python
    return source


@BOUNDED
@given(st.sampled_from(PREFIXES), PROGRAMS, st.sampled_from(list(Target)))
def test_engine_never_raises(prefix, generated, target):
    source = _program(prefix, generated)
    for module_name in (None, "keras.src.generated"):
        analyse_source(source, Settings(target=target), module_name)


@BOUNDED
@given(st.sampled_from(PREFIXES), PROGRAMS)
def test_keeping_only_relevant_uses_changes_no_finding(prefix, generated):
    source = _program(prefix, generated)
    filtered = analyse_source(source, Settings())._replace(statement_starts=())
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(ModuleIndex, "_relevant_names", lambda self: None)
        everything = analyse_source(source, Settings())._replace(statement_starts=())
    assert filtered == everything


@BOUNDED
@given(st.sampled_from(PREFIXES), PROGRAMS)
def test_noqa_stretches_match_the_whole_module(prefix, generated):
    source = _program(prefix, generated)
    lines = split_lines(source)
    starts = ModuleIndex().build(ast.parse(source)).statement_starts
    whole = _LogicalLines(lines)
    stretches = _LogicalLines(lines, starts)
    for number in range(len(lines), 0, -1):
        assert stretches.text_of(number) == whole.text_of(number), number


@BOUNDED
@given(st.sampled_from(PREFIXES), PROGRAMS, st.booleans())
def test_fix_parses_and_is_stable(prefix, generated, unsafe):
    source = _program(prefix, generated)
    options = Settings(target=Target.TF_KERAS)
    fixed, _ = fix_until_stable(source, lambda text: check_source(text, options), unsafe=unsafe)
    ast.parse(fixed)
    again, applied = fix_until_stable(fixed, lambda text: check_source(text, options), unsafe=unsafe)
    assert (again, applied) == (fixed, [])
