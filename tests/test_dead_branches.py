"""Branches chosen by the Keras or TensorFlow version string that never run on the target (corpus triage 9):
their findings are dropped, and only theirs. The version tests are Python's string comparisons, as run on
Keras 3.15.1 and TF 2.15.1 (keras 2.15.0): '3.15.1' < '2.2.5' is false, '2.15.0' < '2.2.5' true."""

from __future__ import annotations

import pytest

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.engine import analyse_source

FIT = "    model.fit_generator(batches)\n"


def _lines(source: str, target: Target) -> list:
    return [(finding.code, finding.line) for finding in analyse_source(source, Settings(target=target)).findings]


@pytest.mark.parametrize(
    ("test", "target", "reported"),
    [
        ("keras.__version__ < '2.2.5'", Target.KERAS3, False),
        ("keras.__version__ < '2.2.5'", Target.TF_KERAS, True),  # '2.15.0' < '2.2.5' as strings
        ("keras.__version__.startswith('2')", Target.KERAS3, False),
        ("not keras.__version__.startswith('3')", Target.KERAS3, False),
        ("keras.__version__ >= '3'", Target.KERAS3, True),
        ("flag and keras.__version__ < '2.2.5'", Target.KERAS3, False),
        ("flag or keras.__version__ < '2.2.5'", Target.KERAS3, True),  # flag may hold
        ("tf.__version__ < '1.15'", Target.KERAS3, False),  # every TensorFlow >= 2.16 says no
        ("tf.__version__ >= '2.16'", Target.KERAS3, True),
        ("tf.__version__ < '2.16'", Target.TF_KERAS, True),
        ("int(keras.__version__[0]) < 3", Target.KERAS3, False),  # '3.15.1'[0] is '3'
        ("int(keras.__version__.split('.')[0]) >= 3", Target.KERAS3, True),
        ("int(keras.__version__.split('.')[0]) >= 3", Target.TF_KERAS, False),
        ("tuple(map(int, keras.__version__.split('.')[:2])) < (2, 3)", Target.KERAS3, False),
        ("tuple(map(int, tf.__version__.split('.')[:2])) >= (2, 16)", Target.TF_KERAS, False),
        ("version.parse(keras.__version__) < version.parse('2.3')", Target.KERAS3, False),
        ("version.parse(keras.__version__) >= version.parse('2.3')", Target.TF_KERAS, True),
        ("version.parse(keras.__version__) < version.parse('2.3')", Target.TF_KERAS, False),  # not '2.15.0' < '2.3'
        ("version.parse(keras.__version__) == version.parse('3.15.1.0')", Target.KERAS3, True),
        ("version.parse(keras.__version__) < version.parse('3.0.0rc1')", Target.KERAS3, True),  # not judged
        ("keras.__version__ < other_version", Target.KERAS3, True),  # not judged
        # packaging's Version parts (tensorflow_addons: ``Version(tf.__version__).release >= Version("2.16").release``)
        ("version.Version(tf.__version__).release >= version.Version('2.16').release", Target.TF_KERAS, False),
        ("version.Version(tf.__version__).release >= version.Version('2.16').release", Target.KERAS3, True),
        ("version.parse(keras.__version__).major >= 3", Target.TF_KERAS, False),
        ("version.parse(keras.__version__).major >= 3", Target.KERAS3, True),
        ("version.parse(tf.__version__).minor < 16", Target.KERAS3, False),
        ("version.parse(tf.__version__).minor < 16", Target.TF_KERAS, True),
    ],
)
def test_a_version_test_decides_its_branch(test: str, target: Target, reported: bool) -> None:
    source = f"import keras\nimport tensorflow as tf\nfrom packaging import version\nif {test}:\n{FIT}"
    assert (("KER112", 5) in _lines(source, target)) is reported


def test_the_else_branch_and_nested_tests_are_judged_together() -> None:
    source = (
        "import keras\nimport tensorflow as tf\n"
        "if (not flag) or tf.__version__ < '1.15':\n"
        "    if not flag:\n" + "    " + FIT + "    else:\n" + "    " + FIT + "else:\n" + FIT
    )
    # line 5 runs when flag is false; line 7 needs flag and (not flag or TF < 1.15): never on TF 2.x
    assert [line for code, line in _lines(source, Target.TF_KERAS) if code == "KER112"] == [5, 9]
    assert [line for code, line in _lines(source, Target.KERAS3) if code == "KER112"] == [5, 9]


def test_a_module_reading_no_version_keeps_every_finding() -> None:
    source = "import os\nimport keras\nif os.environ.get('KERAS_BACKEND') == 'theano':\n" + FIT
    assert ("KER112", 4) in _lines(source, Target.KERAS3)


@pytest.mark.parametrize(
    ("test", "target", "reported"),
    [
        ("K.backend() == 'theano'", Target.KERAS3, False),  # neither target runs on Theano or CNTK
        ("K.backend() == 'theano'", Target.TF_KERAS, False),
        ("K.backend() in ('theano', 'cntk')", Target.KERAS3, False),
        ("K.backend() != 'tensorflow'", Target.TF_KERAS, False),  # tf.keras runs on TensorFlow only
        ("K.backend() != 'tensorflow'", Target.KERAS3, True),  # Keras 3 may run on JAX or PyTorch
        ("keras.backend.backend() == 'jax'", Target.KERAS3, True),
        ("keras.config.backend() == 'cntk'", Target.KERAS3, False),
        ("K.backend() == name", Target.KERAS3, True),  # not judged
    ],
)
def test_a_backend_test_decides_its_branch(test: str, target: Target, reported: bool) -> None:
    """Keras 1 and 2 code kept Theano and CNTK branches (triage 13: keras-vggface, keras-contrib)."""
    source = f"import keras\nfrom keras import backend as K\nif {test}:\n{FIT}"
    assert (("KER112", 4) in _lines(source, target)) is reported


def test_a_name_set_again_between_the_tests_is_not_assumed_to_keep_its_value() -> None:
    source = (
        "import keras\n"
        "flag = False\n"
        "if keras.__version__ < '2.2.5' or not flag:\n"
        "    flag = True\n"
        "    if flag:\n" + "    " + FIT
    )
    assert ("KER112", 6) in _lines(source, Target.KERAS3)


KERAS_CV_OPS = (  # keras-cv keras_cv/src/backend/ops.py and random.py (corpus triage 9 FP-5)
    "from keras_cv.src.backend import config\n"
    "from keras_cv.src.backend.config import keras_3\n"
    "if config.keras_3():\n"
    "    from keras.ops import *\n"
    "else:\n"
    "    from keras_core.src.ops import *\n"
    "if keras_3():\n"
    "    from keras.random import normal\n"
    "if not keras_3():\n"
    "    from keras.random import uniform\n"
)


def test_keras_cv_keras_3_is_false_on_tf_keras() -> None:
    """keras-cv's `keras_3()` is true where `tensorflow.keras.version()` starts with "3.": never on TF 2.15.1
    (corpus9 proofs/proof3.py), so its Keras-3-only imports never run there; the else branch does."""
    assert [(code, line) for code, line in _lines(KERAS_CV_OPS, Target.TF_KERAS) if code == "KER101"] == [
        ("KER101", 10)
    ]


def test_keras_cv_keras_3_stays_unknown_on_keras3() -> None:
    """On TF 2.16+ `TF_USE_LEGACY_KERAS=1` makes tf.keras tf_keras, and keras_3() false: nothing is judged."""
    source = "from keras_cv.src.backend.config import keras_3\nimport keras\nif not keras_3():\n" + FIT
    assert ("KER112", 4) in _lines(source, Target.KERAS3)


@pytest.mark.parametrize(
    "source",
    [
        "def keras_3():\n    return False\nif keras_3():\n    from keras.ops import add\n",  # the module's own
        "from mylib.config import keras_3\nif keras_3():\n    from keras.ops import add\n",  # another package's
        "from keras_cv.src.backend.config import keras_3\nif keras_3(strict=True):\n    from keras.ops import add\n",
    ],
)
def test_only_keras_cvs_keras_3_called_plainly_is_judged(source: str) -> None:
    assert any(code == "KER101" for code, _ in _lines(source, Target.TF_KERAS))


def test_names_bound_once_to_parts_of_the_version_are_judged() -> None:
    """Probe 12 FP-2: `major, minor = (int(p) for p in keras.__version__.split(".")[:2])` then `(major, minor) <
    (2, 3)`: Keras 3.15.1 takes the else branch (run), and only its finding stays."""
    source = (
        "import keras\n"
        "major, minor = (int(p) for p in keras.__version__.split('.')[:2])\n"
        "IS_KERAS3 = keras.__version__.startswith('3')\n"
        "if (major, minor) < (2, 3):\n" + FIT + "else:\n" + FIT + "if not IS_KERAS3:\n" + FIT
    )
    assert [line for code, line in _lines(source, Target.KERAS3) if code == "KER112"] == [7]
    assert [line for code, line in _lines(source, Target.TF_KERAS) if code == "KER112"] == [7, 9]


def test_a_name_bound_twice_is_not_read_as_the_version() -> None:
    source = "import keras\nmajor = int(keras.__version__[0])\nif flag:\n    major = 2\nif major < 3:\n" + FIT
    assert ("KER112", 6) in _lines(source, Target.KERAS3)


def test_hasattr_of_a_keras_module_is_judged_by_the_module_tables() -> None:
    """Probe 12 FP-4: `keras.ops` exists on Keras 3.15.1 and not in keras 2.15.0 (both run): the other branch of the
    `if` statement or conditional expression never runs, and its finding goes."""
    statement = (
        "import keras\nif hasattr(keras, 'ops'):\n    m = keras.ops.min(x)\nelse:\n    m = keras.backend.min(x)\n"
    )
    expression = "import keras\nm = keras.ops.min(x) if hasattr(keras, 'ops') else keras.backend.min(x)\n"
    for source in (statement, expression):
        assert not [code for code, _ in _lines(source, Target.KERAS3) if code == "KER111"]
    # an unlisted name (a private attribute, a module imported on the way) says nothing: the branch stays
    unlisted = "import keras\nif not hasattr(keras, 'some_plugin'):\n    keras.backend.min(x)\n"
    assert [code for code, _ in _lines(unlisted, Target.KERAS3) if code == "KER111"] == ["KER111"]


def test_hasattr_of_a_name_keras3_lacks_is_judged_against_tf_kerass_tables() -> None:
    """Held-out probe 15 FP-1: `hasattr(K, 'set_learning_phase')` is False on Keras 3.15.1 (keras 2.15.0's backend has
    the name): the guarded call never runs there, in either form; unguarded, it is reported."""
    statement = "from keras import backend as K\nif hasattr(K, 'set_learning_phase'):\n    K.set_learning_phase(0)\n"
    expression = "import keras\nv = keras.backend.get_value(w) if hasattr(keras.backend, 'get_value') else w\n"
    for source in (statement, expression):
        assert not [code for code, _ in _lines(source, Target.KERAS3) if code == "KER111"]
    unguarded = "from keras import backend as K\nK.set_learning_phase(0)\n"
    assert [code for code, _ in _lines(unguarded, Target.KERAS3) if code == "KER111"] == ["KER111"]


# tensorflow_addons/utils/types.py (corpus triage 11): which Keras ``tf.keras`` is decides the import
_PICKS_ITS_KERAS = """\
import tensorflow as tf
from packaging.version import Version

if Version(tf.__version__).release >= Version("2.16").release:
    if hasattr(tf.keras, "version") and Version(tf.keras.version()).release >= Version("3.0").release:
        from keras import layers
    else:
        from tf_keras import layers
elif Version(tf.__version__).release >= Version("2.13").release:
    from keras import layers
else:
    from tensorflow.python.keras import layers

model = tf.keras.Sequential([layers.Dense(2)])
"""


def test_imports_a_test_of_which_keras_there_is_picks_do_not_mix() -> None:
    """Where ``tf.keras`` has no Keras 3 ``version()``, it is the tf_keras package the branch imports: one Keras.
    The branches for TF < 2.16 never run on Keras 3; on TF 2.15.1 only the ``>= 2.13`` one runs, whose ``keras`` is
    tf.keras's own package."""
    for target in Target:
        assert not any(code.startswith("KER4") for code, _ in _lines(_PICKS_ITS_KERAS, target)), target
    assert [code for code, line in _lines(_PICKS_ITS_KERAS, Target.KERAS3) if line >= 10] == []


def test_imports_a_tensorflow_version_test_picks_still_mix() -> None:
    """TF >= 2.16 alone does not make ``tf.keras`` tf_keras (TF_USE_LEGACY_KERAS does): a tf_keras layer in a
    ``tf.keras`` model is Keras 2 inside Keras 3 there."""
    source = (
        "import tensorflow as tf\nfrom packaging.version import Version\n"
        "if Version(tf.__version__) >= Version('2.16'):\n    from tf_keras import layers\n"
        "else:\n    from tensorflow.keras import layers\n"
        "model = tf.keras.Sequential([layers.Dense(2)])\n"
    )
    assert ("KER402", 7) in _lines(source, Target.KERAS3)


def test_code_a_test_expects_to_raise_is_no_break() -> None:
    """Keras's own tests assert its errors (corpus triage 11): the blocks of ``pytest.raises`` and ``assertRaises``
    are expected to fail, and fixing them would break the test; the code after them is checked."""
    source = (
        "import unittest\nimport keras\nimport pytest\nfrom pytest import raises\n"
        "def test_refuses():\n"
        "    with pytest.raises(ValueError, match='lr'):\n        keras.optimizers.Adam(lr=0.1)\n"
        "    with raises(ValueError):\n        keras.optimizers.Adam(lr=0.1)\n"
        "    keras.optimizers.Adam(lr=0.1)\n"
        "class T(unittest.TestCase):\n"
        "    def test_it(self):\n"
        "        with self.assertRaisesRegex(ValueError, 'lr'):\n            keras.optimizers.SGD(lr=0.1)\n"
        "        with self.subTest():\n            keras.optimizers.SGD(lr=0.1)\n"
    )
    assert [line for code, line in _lines(source, Target.KERAS3) if code == "KER205"] == [10, 16]


def test_the_import_error_fallback_of_imports_the_target_has_never_runs_there():
    # run: `from keras import ops` imports on Keras 3.15.1 and raises ImportError with TF 2.15.1's keras 2.15, so
    # the fallback runs only there; a try of a package kerascheck cannot vouch for keeps its fallback checked
    source = (
        "try:\n    from keras import ops\nexcept ImportError:\n    from keras import backend as K\n\n"
        "    ORDER = K.image_dim_ordering()\n\n"
        "try:\n    import some_other_package\nexcept ImportError:\n    from keras import backend as K2\n\n"
        "    ORDER2 = K2.image_dim_ordering()\n"
    )
    assert _lines(source, Target.KERAS3) == [("KER111", 13)]
    assert _lines(source, Target.TF_KERAS) == [("KER111", 6), ("KER111", 13)]
    missing = source.replace("from keras import ops", "from keras import ops, no_such_name")
    assert _lines(missing, Target.KERAS3) == [("KER111", 6), ("KER111", 13)]


def test_code_after_a_raise_or_return_in_its_block_is_never_checked():
    # wavenet (corpus triage 15): a Keras 1 Lambda after `raise DeprecationWarning(…)` never runs
    source = (
        "from keras import backend as K\n\ndef f(flag):\n    if flag:\n        raise DeprecationWarning('no')\n"
        "        ORDER = K.image_dim_ordering()\n    for i in range(3):\n        continue\n"
        "        K.image_dim_ordering()\n    return K.image_dim_ordering()\n    K.image_dim_ordering()\n"
    )
    assert _lines(source, Target.TF_KERAS) == [("KER111", 10)]


_TF2_REBINDING = """\
import tensorflow as tf
from tensorflow.keras import backend as K

if tf.__version__.startswith('2'):
    import tensorflow.compat.v1 as tf
    from tensorflow.compat.v1.keras import backend as K
    tf.disable_eager_execution()

session = K.get_session()
saver = tf.train.Saver()
"""


def test_names_a_tf2_branch_rebinds_to_tf_compat_v1_are_read_through_it() -> None:
    """The "compatible with TF 2.x" idiom (keras-YOLOv3-model-set's tools): on TF 2 the branch runs, so `tf` and `K`
    are tf.compat.v1's, which keep `disable_eager_execution`, `train.Saver` and, on TF 2.15, `get_session`."""
    codes = {
        target: [(f.line, f.code) for f in analyse_source(_TF2_REBINDING, Settings(target=target)).findings]
        for target in (Target.TF_KERAS, Target.KERAS3)
    }
    assert codes[Target.TF_KERAS] == []
    # TF 2.16's tf.compat.v1.keras is Keras 3's keras._tf_keras.keras: no session there
    assert codes[Target.KERAS3] == [(9, "KER111")]
    plain = _TF2_REBINDING.replace("    import tensorflow.compat.v1 as tf\n", "").replace(
        "    from tensorflow.compat.v1.keras import backend as K\n", ""
    )
    found = [(f.line, f.code) for f in analyse_source(plain, Settings(target=Target.TF_KERAS)).findings]
    assert found == [(5, "KER125"), (7, "KER111"), (8, "KER125")]  # without the rebinding, each read fails
