"""Issue 12: a safe fix never breaks working code. Each case was reproduced on the fixer before the
guards: the fixed module raised NameError/ImportError, or called something else."""

from __future__ import annotations

import pytest

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.findings import Edit, Finding, Fix
from kerascheck.fix import apply_round
from kerascheck.guards import Guard
from kerascheck.runner import check_and_fix

TF_KERAS, KERAS3 = Target.TF_KERAS, Target.KERAS3


def fixed(source: str, target: Target = KERAS3, unsafe: bool = False) -> str:
    settings = Settings.from_values({"keras_target": target.value})
    outcome = check_and_fix(source, settings, fix=True, unsafe=unsafe)
    return source if outcome.new_text is None else outcome.new_text


def findings(source: str, target: Target = KERAS3):
    settings = Settings.from_values({"keras_target": target.value})
    return check_and_fix(source, settings, fix=True, unsafe=False).findings


# -- renames follow every binding, or keep the old name bound ---------------------------------------
KEPT_BOUND = [
    "import functools\nfrom keras.layers import Convolution2D\n"
    "Convolution2D = functools.partial(Convolution2D, padding='same')\nx = Convolution2D(8, (3, 3))\n",
    "from keras.layers import Convolution2D\nclass C:\n    Convolution2D = Convolution2D\n",
    "from keras.layers import Convolution2D\n__all__ = ['Convolution2D']\n",
    "from keras.layers import Convolution2D\ndef Conv2D(*a):\n    return a\nx = Convolution2D(8, (3, 3))\n",
    "from keras.layers import Convolution2D\ndef f():\n    global Convolution2D\n    Convolution2D = None\n",
    "from keras.layers import Convolution2D\nx = Convolution2D(8, (3, 3))\ndel Convolution2D\n",
    "import sys\nif sys.version_info > (3,):\n    from keras.layers import Convolution2D\n"
    "else:\n    Convolution2D = None\nx = Convolution2D(8, (3, 3))\n",
]


@pytest.mark.parametrize("source", KEPT_BOUND)
def test_a_rename_that_cannot_follow_every_binding_keeps_the_old_name_bound(source):
    result = fixed(source)
    assert "import Conv2D as Convolution2D" in result
    assert result.replace("import Conv2D as Convolution2D", "import Convolution2D") == source


def test_a_rename_through_a_compatibility_import_is_not_made():
    source = (
        "try:\n    from keras.layers import Convolution2D\nexcept ImportError:\n"
        "    from keras.layers.convolutional import Convolution2D\nx = Convolution2D(8, (3, 3))\n"
    )
    assert fixed(source) == source
    (use,) = [f for f in findings(source) if f.code == "KER110"]
    assert "not fixed here: `Convolution2D` is also bound or used at line 2" in use.message


def test_a_rename_that_follows_every_binding_renames_them_all():
    source = "from keras.layers import Convolution2D\ndef f():\n    return Convolution2D(8, (3, 3))\n"
    assert fixed(source) == "from keras.layers import Conv2D\ndef f():\n    return Conv2D(8, (3, 3))\n"


def test_the_guard_refuses_half_a_rename():
    source = "from keras.layers import Convolution2D\nx = Convolution2D(8, 3)\n"
    half = Finding(
        "KER110", "x", 2, 4, 2, 17, "m", fix=Fix((Edit(2, 4, 2, 17, "Conv2D"),), True, (("Convolution2D", "Conv2D"),))
    )
    result = apply_round(source, [half], guard=Guard(KERAS3))
    assert result.text == source and not result.applied
    assert "also bound or used at line 1" in result.dropped[("KER110", "m")]


# -- imports land only on modules and names the target has -----------------------------------------
@pytest.mark.parametrize(
    "source",
    [
        "import keras\nprint(keras.__version__)\n",
        "from keras import __version__\n",
        "from keras.utils import np_utils\n",
        "from keras import ops\n",
        "from keras.src.layers import Dense\n",
    ],
)
def test_no_import_rewrite_to_what_tf_keras_lacks(source):
    result = fixed(source, TF_KERAS)
    assert result == source
    assert any("not fixed: `tensorflow.keras" in f.message for f in findings(source, TF_KERAS))


# -- the guard: a fix that breaks compilation is dropped, the others stay --------------------------
def test_a_fix_that_would_not_compile_is_dropped_and_the_others_applied():
    source = "from keras.layers import Dense\na = Dense(output_dim=10, units=5)\nb = Dense(output_dim=3)\n"
    result = fixed(source)
    assert result == "from keras.layers import Dense\na = Dense(output_dim=10, units=5)\nb = Dense(units=3)\n"
    (kept,) = [f for f in findings(source) if f.code == "KER201"]
    assert "not fixed: the fixed code would not compile" in kept.message


def _notebook(*cells: str) -> str:
    import json

    return json.dumps(
        {
            "cells": [{"cell_type": "code", "source": cell, "metadata": {}, "outputs": []} for cell in cells],
            "metadata": {},
            "nbformat": 4,
            "nbformat_minor": 5,
        }  # fmt: skip
    )


@pytest.mark.parametrize(
    "cell", ["%time x = Convolution2D(8, (3, 3))\n", "files = !ls\nx = Convolution2D(8, (3, 3))\n"]
)
def test_a_notebook_rename_does_not_miss_uses_in_lines_it_cannot_read(cell):
    import json

    from kerascheck.runner import check_and_fix_notebook

    raw = _notebook("from keras.layers import Convolution2D\n", cell)
    settings = Settings.from_values({"keras_target": "keras3"})
    outcome = check_and_fix_notebook(raw, settings, fix=True, unsafe=False)
    sources = [c["source"] for c in json.loads(outcome.new_text or raw)["cells"]]
    assert sources == ["from keras.layers import Conv2D as Convolution2D\n", cell]
