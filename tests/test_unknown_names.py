"""KER124 (a Keras name the target lacks): the names of the other Keras are no typos, and a read in
a branch chosen by the Keras version (``… if … else …``, or a flag set from the version) is left alone."""

from __future__ import annotations

import pytest

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.engine import check_source

K3, TF = Target.KERAS3, Target.TF_KERAS


def _found(source: str, target: Target):
    return [f for f in check_source(source, Settings(target=target)) if f.code == "KER124"]


@pytest.mark.parametrize(
    "source, target",
    [
        # TF 2.15's tf.keras has no `silu` (its `swish`), nor `keras.Layer` (its `layers.Layer`): the nearest
        # names there (`selu`, the `layers` module) are other things
        ("import tensorflow as tf\nact = tf.keras.activations.silu\n", TF),
        ("import tensorflow as tf\nclass L(tf.keras.Layer):\n    pass\n", TF),
        # Keras 3 has no `applications.regnet`; its `resnet` is another family of models
        ("import tensorflow as tf\nnet = tf.keras.applications.regnet.RegNetX002()\n", K3),
    ],
)  # fmt: skip
def test_a_name_the_other_target_has_is_no_typo(source, target):
    (finding,) = _found(source, target)
    assert "has it)" in finding.message
    assert not finding.fix_title.startswith("Did you mean")


def test_a_typo_gets_the_nearest_name():
    (finding,) = _found("import tensorflow as tf\nx = tf.keras.layers.Conv2d(8, 3)\n", TF)
    assert finding.fix_title == "Did you mean `Conv2D`?"


@pytest.mark.parametrize(
    "source",
    [
        "import tensorflow as tf\nimport keras\n"
        "act = tf.keras.activations.silu if keras.__version__.startswith('3') else tf.keras.activations.swish\n",
        "import tensorflow as tf\n"
        "act = tf.keras.activations.swish if tf.__version__ < '2.16' else tf.keras.activations.silu\n",
        "import tensorflow as tf\nimport keras\nKERAS3 = keras.__version__.startswith('3')\nif KERAS3:\n"
        "    act = tf.keras.activations.silu\nelse:\n    act = tf.keras.activations.swish\n",
        "import tensorflow as tf\nimport keras\nKERAS3 = int(keras.__version__[0]) >= 3\n"
        "act = tf.keras.activations.silu if KERAS3 else tf.keras.activations.swish\n",
    ],
)
def test_a_branch_chosen_by_the_version_is_left_alone(source):
    assert _found(source, TF) == []


@pytest.mark.parametrize(
    "source",
    [
        "import tensorflow as tf\nact = tf.keras.activations.silu if flag else None\n",
        "import tensorflow as tf\nFLAG = True\nif FLAG:\n    act = tf.keras.activations.silu\n",
    ],
)
def test_a_branch_on_anything_else_is_checked(source):
    assert len(_found(source, TF)) == 1


def test_tf_keras_has_no_version_attribute():
    # TF 2.15.1: `tf.keras.__version__` raises AttributeError, `from tensorflow.keras import __version__`
    # ImportError (run); Keras 3 has both, and other module attributes (`__name__`) are every module's
    source = (
        "import tensorflow as tf\nfrom tensorflow import keras\nprint(tf.keras.__version__, keras.__name__)\n"
        "from tensorflow.keras import __version__\n"
    )
    read, imported = _found(source, TF)
    assert (read.line, read.col) == (3, 6) and "AttributeError" in read.message
    assert read.fix_title.startswith("Read `tf.__version__`")
    assert imported.line == 4 and "ImportError" in imported.message
    assert _found(source, K3) == []


@pytest.mark.parametrize(
    "source",
    [
        # the module adds the name itself (run on TF 2.15.1)
        "import tensorflow as tf\nclass Foo(tf.keras.layers.Layer):\n    pass\n"
        "tf.keras.layers.Foo = Foo\nx = tf.keras.layers.Foo()\n",
        "import tensorflow as tf\nsetattr(tf.keras.utils, 'Bar', 1)\ny = tf.keras.utils.Bar\n",
        # annotations Python never evaluates: postponed ones, and a local variable's
        "from __future__ import annotations\nimport tensorflow as tf\n"
        "def f(layer: tf.keras.Layer) -> tf.keras.KerasTensor:\n    return layer\n"
        "class C:\n    a: tf.keras.Layer\nb: tf.keras.Operation = None\n",
        "import tensorflow as tf\ndef f(layer):\n    x: tf.keras.KerasTensor = layer\n"
        "    def g():\n        y: tf.keras.Layer = None\n    return x\n",
    ],
)  # fmt: skip
def test_names_the_module_sets_or_never_reads(source):
    assert _found(source, TF) == []


def test_evaluated_annotations_are_checked():
    # without the __future__ import, a parameter's annotation is read when the def runs, a class body's
    # when the class is made, even in a function (AttributeError on TF 2.15.1, run)
    source = (
        "import tensorflow as tf\ndef f(layer: tf.keras.Layer):\n    return layer\n"
        "def h():\n    class C:\n        a: tf.keras.Layer = None\n"
    )
    assert [finding.line for finding in _found(source, TF)] == [2, 6]


def test_an_import_in_a_branch_chosen_by_the_version_is_left_alone():
    # runs on TF 2.15.1: the branch is not taken there
    source = (
        "import tensorflow as tf\nif int(tf.__version__.split('.')[1]) >= 16:\n    from tensorflow.keras import ops\n"
        "    import tensorflow.keras.ops as ops2\nelse:\n    ops = None\n"
    )
    assert _found(source, TF) == []
    # the same import in a branch on anything else, or in none, is reported, each time (the import memo
    # keeps no finding of an import in a branch)
    flagged = "import tensorflow as tf\nif flag:\n    from tensorflow.keras import ops\n"
    for _ in range(2):
        assert [f.line for f in _found(source + flagged, TF)] == [9]
        assert _found(source, TF) == []
