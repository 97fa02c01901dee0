"""KER125's table (kerascheck/catalog/tf1_names.py) against TensorFlow 2.15.1 itself: every TF 1 name is missing
from ``tf`` (reading it raises ``AttributeError``), every one but ``contrib`` is in ``tf.compat.v1``, and every TF 2
name offered instead is in ``tf``. Runs in ``$KERASCHECK_TF215_PYTHON`` (skipped, saying why, without it)."""

from __future__ import annotations

import json
import subprocess
from typing import List, Tuple

import pytest

from kerascheck.catalog.model import Target
from kerascheck.catalog.tf1_names import NO_COMPAT_V1, TF1_NAMES, TF1_REMEDIES
from kerascheck.config import Settings
from kerascheck.engine import check_source

_PROBE = r"""
import json, sys
import tensorflow as tf

def has(root, path):
    for part in path.split("."):
        try:
            root = getattr(root, part)
        except AttributeError:
            return False
    return True

names = json.loads(sys.stdin.read())
print(json.dumps({
    "in_tf": [name for name in names["old"] if has(tf, name)],
    "not_in_compat": [name for name in names["old"] if not has(tf.compat.v1, name)],
    "new_missing": [name for name in names["new"] if not has(tf, name)],
}))
"""


@pytest.mark.slow
def test_the_table_is_what_tensorflow_2_15_has(tf215_python):
    names = {"old": sorted(TF1_NAMES), "new": sorted({new for new in TF1_NAMES.values() if new})}
    run = subprocess.run(
        [tf215_python, "-c", _PROBE], input=json.dumps(names), capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stderr[-2000:]
    found = json.loads(run.stdout.strip().splitlines()[-1])
    assert found["in_tf"] == []  # each TF 1 name is gone from `tf`
    assert found["not_in_compat"] == sorted(NO_COMPAT_V1)  # and lives on in tf.compat.v1, but tf.contrib
    assert found["new_missing"] == []  # each TF 2 name offered is there


def test_every_remedy_names_a_table_entry():
    assert set(TF1_REMEDIES) <= set(TF1_NAMES)
    assert NO_COMPAT_V1 <= set(TF1_REMEDIES)  # where tf.compat.v1 has nothing, the message says what to do


_FLASK = """\
import tensorflow as tf
from keras.models import load_model

graph = tf.get_default_graph()
model = load_model("model.h5")

def predict(x):
    with graph.as_default():
        return model.predict(x)
"""


@pytest.mark.parametrize("target", [Target.TF_KERAS, Target.KERAS3])
def test_the_first_read_of_a_tf1_name_is_reported_with_the_tf2_way(target):
    """The Keras 2.2 Flask idiom: `tf.get_default_graph()` raises `AttributeError` on TF 2 before the model loads."""
    (finding,) = [f for f in check_source(_FLASK, Settings(target=target)) if f.code == "KER125"]
    assert (finding.line, finding.col) == (4, 8)
    assert "`tf.get_default_graph`" in finding.message and "graph.as_default()" in (finding.fix_title or "")
    assert finding.fix is not None and not finding.fix.safe
    assert [edit.text for edit in finding.fix.edits] == ["compat.v1."]


@pytest.mark.parametrize(
    "source",
    [
        "import tensorflow as tf\nimport keras\nif tf.__version__.startswith('1.'):\n    tf.set_random_seed(1)\n",
        "import tensorflow as tf\nimport keras\nfrom tensorflow import compat\ncompat.v1.set_random_seed(1)\n",
        "import tensorflow as tf\nimport keras\ntf.random.set_seed(1)\nlayer = tf.keras.layers.Dense(2)\n",
    ],
)
def test_tf1_names_that_never_run_or_are_read_through_compat_are_left_alone(source):
    assert [f for f in check_source(source, Settings(target=Target.TF_KERAS)) if f.code == "KER125"] == []


def test_a_name_below_a_removed_module_is_reported_at_the_module():
    source = "import tensorflow as tf\nimport keras\ninit = tf.contrib.layers.xavier_initializer()\n"
    (finding,) = [f for f in check_source(source, Settings(target=Target.TF_KERAS)) if f.code == "KER125"]
    assert (finding.col, finding.end_col) == (7, 17)  # `tf.contrib`
    assert finding.fix is None and "TensorFlow Addons" in (finding.fix_title or "")


def test_a_name_imported_from_a_removed_module_is_reported_at_its_import_only():
    """`from tensorflow.contrib import slim` fails at the import (`ModuleNotFoundError`), not at `slim.conv2d`."""
    source = "import keras\nfrom tensorflow.contrib import slim\nnet = slim.conv2d(x, 8, 3)\n"
    (finding,) = [f for f in check_source(source, Settings(target=Target.TF_KERAS)) if f.code == "KER125"]
    assert (finding.line, finding.col) == (2, 0) and finding.fix is None
    assert "`ModuleNotFoundError`" in finding.message and "TensorFlow Addons" in (finding.fix_title or "")


def _kinds(source: str, target: Target = Target.TF_KERAS) -> List[Tuple[int, int, str]]:
    found = [f for f in check_source(source, Settings(target=target)) if f.code == "KER125"]
    return [
        (f.line, f.col, "ModuleNotFoundError" if "ModuleNotFoundError" in f.message else "ImportError") for f in found
    ]


def test_tf1_names_imported_from_tensorflow_are_reported_at_each_name_not_at_their_uses():
    source = (
        "import keras\nfrom tensorflow import ConfigProto, Session\n"
        "from tensorflow import keras as tfk, set_random_seed\n"
        "config = ConfigProto()\nsession = Session(config=config)\nset_random_seed(1)\n"
    )
    assert _kinds(source) == [(2, 23, "ImportError"), (2, 36, "ImportError"), (3, 37, "ImportError")]
    assert _kinds(source, Target.KERAS3) == _kinds(source)


@pytest.mark.parametrize(
    "source",
    [
        "import keras\ntry:\n    from tensorflow import Session\nexcept ImportError:\n    Session = None\n",
        "import keras\nfrom tensorflow.compat.v1 import Session, ConfigProto\nfrom tensorflow import random\n",
        "from tensorflow import Session\nsession = Session()\n",  # no Keras here: out of kerascheck's scope
        "import keras\nimport tensorflow as tf\nif tf.__version__.startswith('1.'):\n"
        "    from tensorflow import Session\n",
    ],
)
def test_imports_that_are_guarded_kept_by_compat_or_never_run_are_left_alone(source):
    assert _kinds(source) == []


def test_an_import_of_tf1_and_tf2_names_together_has_no_fix():
    source = "import keras\nfrom tensorflow import keras as tfk, Session\n"
    (finding,) = [f for f in check_source(source, Settings(target=Target.TF_KERAS)) if f.code == "KER125"]
    assert finding.fix is None  # `keras` is not in tensorflow.compat.v1 under that name: the import is not moved


# Each: the import (after `import keras`), and the exception TF 2.15.1 raises for it
_IMPORTS = [
    ("from tensorflow import Session, ConfigProto", "ImportError"),
    ("from tensorflow import set_random_seed", "ImportError"),
    ("from tensorflow.train import AdamOptimizer", "ImportError"),
    ("from tensorflow.logging import set_verbosity", "ModuleNotFoundError"),
    ("from tensorflow.nn.rnn_cell import LSTMCell", "ModuleNotFoundError"),
    ("from tensorflow.contrib import slim", "ModuleNotFoundError"),
    ("import tensorflow.contrib.slim as slim", "ModuleNotFoundError"),
]

_RUN_IMPORTS = r"""
import json, sys
statements = json.loads(sys.stdin.read())
found = []
for statement in statements:
    try:
        exec(statement, {})
        found.append(None)
    except ImportError as error:
        found.append(type(error).__name__)
print(json.dumps(found))
"""


@pytest.mark.slow
def test_reported_imports_fail_on_tensorflow_2_15_as_said_and_their_fixes_import(tf215_python):
    from kerascheck.runner import check_and_fix

    statements, fixed, expected = [], [], []
    for statement, error in _IMPORTS:
        source = f"import keras\n{statement}\n"
        kinds = {kind for _, _, kind in _kinds(source)}
        assert kinds == {error}, statement
        outcome = check_and_fix(source, Settings(target=Target.TF_KERAS), fix=True, unsafe=True)
        statements.append(statement)
        expected.append(error)
        if outcome.new_text is not None:
            fixed.append(outcome.new_text.splitlines()[1])
    assert fixed == [
        "from tensorflow.compat.v1 import Session, ConfigProto",
        "from tensorflow.compat.v1 import set_random_seed",
        "from tensorflow.compat.v1.train import AdamOptimizer",
        "from tensorflow.compat.v1.logging import set_verbosity",
        "from tensorflow.compat.v1.nn.rnn_cell import LSTMCell",
    ]
    run = subprocess.run(
        [tf215_python, "-c", _RUN_IMPORTS],
        input=json.dumps(statements + fixed),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    found = json.loads(run.stdout.strip().splitlines()[-1])
    assert found == expected + [None] * len(fixed)
