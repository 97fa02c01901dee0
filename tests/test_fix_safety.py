"""Issue 12: a safe fix never breaks working code. Each case was reproduced on the fixer before the
guards: the fixed module raised NameError/ImportError, or called something else."""

from __future__ import annotations

import pytest

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.engine import check_source
from kerascheck.findings import Edit, Finding, Fix
from kerascheck.fix import apply_round
from kerascheck.guards import Guard
from kerascheck.runner import check_and_fix
from tests.conftest import run_kerascheck

TF_KERAS, KERAS3 = Target.TF_KERAS, Target.KERAS3


def fixed(source: str, target: Target = KERAS3, unsafe: bool = False) -> str:
    # KER306 and KER110 are off by default; their fixes are checked here too
    settings = Settings.from_values({"keras_target": target.value, "extend_select": "KER306,KER110"})
    outcome = check_and_fix(source, settings, fix=True, unsafe=unsafe)
    return source if outcome.new_text is None else outcome.new_text


def findings(source: str, target: Target = KERAS3):
    settings = Settings.from_values({"keras_target": target.value, "extend_select": "KER110"})
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
        "from keras.utils import np_utils\n",
        "from keras import ops\n",
        "from keras.src.layers import Dense\n",
        "from keras import random\n",
        "from keras.utils import test_utils\n",
        "from keras.engine import training_utils\n",
        "import keras.engine.training_utils\n",
        "import keras.backend.tensorflow_backend\n",
        "from keras.engine.saving import preprocess_weights_for_loading\n",
        "from keras.backend import tensorflow_backend\n",
        "from keras.backend.tensorflow_backend import set_session\n",
        "from tensorflow.python.keras import backend_config\n",
    ],
)
def test_no_import_rewrite_to_what_tf_keras_lacks(source):
    # (`keras.__version__` is no finding: keras 2.15 beside TF 2.15 has it, tests/test_real_code.py; KER111 reports
    # `_obtain_input_shape`, which it lacks)
    result = fixed(source, TF_KERAS, unsafe=True)
    assert result == source
    found = [f for f in findings(source, TF_KERAS) if f.code in ("KER101", "KER102", "KER103")]
    assert found and all(f.fix is None for f in found)


def test_a_submodule_import_becomes_tf_keras_only_where_the_submodule_exists():
    # beside tf_keras, standalone keras is Keras 3 (TF >= 2.16): the import is reported and fixed
    source = "import tf_keras\nimport keras.applications.resnet50\nmodel = keras.applications.resnet50.ResNet50()\n"
    assert fixed(source, TF_KERAS) == source.replace(
        "import keras.applications.resnet50", "from tensorflow import keras"
    )
    (kept,) = findings("import keras.engine.training_utils\n", TF_KERAS)
    assert kept.message.endswith("(not fixed: `tensorflow.keras` has no `engine` on target tf.keras)")


# -- the guard: a fix that breaks compilation is dropped, the others stay --------------------------
def test_a_fix_that_would_not_compile_is_dropped_and_the_others_applied():
    source = "f(a=1, b=2)\ng(a=1)\n"
    twice = Finding("X", "x", 1, 7, 1, 8, "twice", fix=Fix((Edit(1, 7, 1, 8, "a"),), True))
    fine = Finding("X", "x", 2, 2, 2, 3, "fine", fix=Fix((Edit(2, 2, 2, 3, "c"),), True))
    result = apply_round(source, [twice, fine], guard=Guard(KERAS3))
    assert result.text == "f(a=1, b=2)\ng(c=1)\n"
    assert result.applied == [fine]
    assert result.dropped == {("X", "twice"): "the fixed code would not compile (keyword argument repeated: a)"}


@pytest.mark.parametrize(
    "source, reason",
    [
        ("from keras.layers import Dense\nDense(output_dim=10, units=5)\n", "the call passes `units=` already"),
        ("from keras.layers import Dense\nDense(10, output_dim=5)\n", "the call passes `units` by position already"),
    ],
)
def test_no_keyword_rename_that_binds_a_parameter_twice(source, reason):
    assert "(8, (3, 3)" not in fixed(source)
    (kept,) = [f for f in findings(source) if f.code == "KER201"]
    assert reason in kept.message


@pytest.mark.parametrize(
    "source, expected, unsafe",
    [
        (  # the kernel is merged first, so that `strides=` binds once
            "from keras.layers import Convolution2D\nConvolution2D(8, 1, 1, subsample=(2, 2))\n",
            "from keras.layers import Conv2D\nConv2D(8, (1, 1), strides=(2, 2))\n",
            False,
        ),
        (  # Keras 2's deconv2d preprocessor dropped the positional output_shape; then `padding=` binds once.
            # Unsafe: Conv2DTranspose computes its own output shape, which may not be the one Keras 1 was given
            "from keras.layers import Deconvolution2D\nDeconvolution2D(8, 3, 3, shape, border_mode='same')\n",
            "from keras.layers import Conv2DTranspose\nConv2DTranspose(8, (3, 3), padding='same')\n",
            True,
        ),
    ],
)
def test_keras1_positionals_are_merged_before_the_keyword_that_would_bind_twice(source, expected, unsafe):
    assert fixed(source, unsafe=unsafe) == expected
    if unsafe:  # without unsafe fixes the positionals stay, so `padding=` is not renamed either
        assert "(8, 3, 3, shape, border_mode='same')" in fixed(source)


# -- fixes that would change meaning --------------------------------------------------------------
@pytest.mark.parametrize(
    "source",
    [
        "from keras import layers\ny = layers.Conv2D(32, 3, 2, padding='same')\n",
        "from keras import layers\ny = layers.Conv2D(32, 3, 3, padding='same')\n",
        "from keras.layers import Conv2D\ny = Conv2D(f, kernel_size, strides)\n",
        "from keras.layers import Conv3D\ny = Conv3D(16, 3, 2, 'same')\n",
    ],
)
def test_keras2_positional_calls_are_no_keras1_form(source):
    assert fixed(source, unsafe=True) == source
    assert not [f for f in findings(source) if f.code == "KER203"]


def test_keras1_positional_form_is_merged_safely_only_where_the_call_cannot_run_as_written():
    source = "from keras.layers import Convolution2D as C\nC(8, k, k)\nC(8, 3, 3)\nC(8, 3, 3, border_mode='same')\n"
    safe = fixed(source)
    # the first two run on the target as written, with stride k and 3: merging would change the model
    assert "\nC(8, k, k)\nC(8, 3, 3)\n" in safe
    assert "C(8, (3, 3), padding='same')" in safe  # refused as written (`border_mode`): Keras 2's merge
    unsafe = fixed(source, unsafe=True)
    assert "C(8, (k, k))" in unsafe and "C(8, (3, 3))\n" in unsafe


@pytest.mark.parametrize("unsafe", [False, True])
def test_an_aliased_keras1_class_keeps_its_name_while_a_call_is_in_the_keras1_form(unsafe):
    source = "from keras.layers import Convolution2D as C\nx = C(8, k, k, border_mode='same')\n"
    if unsafe:  # merged first, then renamed: `C` is `Conv2D` with kernel (k, k)
        assert fixed(source, unsafe=True) == "from keras.layers import Conv2D as C\nx = C(8, (k, k), padding='same')\n"
        return
    assert fixed(source) == "from keras.layers import Convolution2D as C\nx = C(8, k, k, padding='same')\n"
    (kept,) = [f for f in findings(source) if f.code == "KER110"]
    assert "not fixed: the call keeps its Keras 1 positional form (KER203)" in kept.message
    assert [f.code for f in findings(fixed(source))] == ["KER110", "KER203"]  # the evidence stays


def test_a_merge_over_lines_keeps_the_comments():
    source = "from keras.layers import Convolution2D as C\nC(8,\n  3,  # rows\n  3)  # cols\n"
    assert fixed(source, unsafe=True) == "from keras.layers import Conv2D as C\nC(8,\n  (3,  # rows\n  3))  # cols\n"


LAYER = "from keras import layers\nclass L(layers.Layer):\n    def __init__(self):\n        super().__init__()\n"
LAYER += "        self.drop = layers.Dropout(0.5)\n"


@pytest.mark.parametrize(
    "call",
    [
        "    def call(self, x):\n        training = False\n        return self.drop(x)\n",
        "    def call(self, x):\n        training = K.learning_phase()\n        return self.drop(x)\n",
        "    def call(self, x):\n        def inner(y, training=True):\n            return self.drop(y)\n"
        "        return inner(x)\n",
    ],
)
def test_training_is_passed_only_when_it_is_the_calls_own(call):
    assert fixed(LAYER + call) == LAYER + call


def test_training_passed_positionally_is_not_passed_again():
    source = LAYER + "    def call(self, x):\n        return self.drop(x, True)\n"
    assert "self.drop(x, True)\n" in fixed(source)


@pytest.mark.parametrize(
    "signature, expected",
    [
        ("(self, x, mask=None)", "(self, x, mask=None, training=None)"),
        ("(self, x: 'T', mask: 'M' = None,)", "(self, x: 'T', mask: 'M' = None, training=None,)"),
    ],
)
def test_training_goes_after_the_default_of_mask(signature, expected):
    source = LAYER + f"    def call{signature}:\n        return self.drop(x)\n"
    assert fixed(source) == LAYER + f"    def call{expected}:\n        return self.drop(x, training=training)\n"


@pytest.mark.parametrize("call", ["normal((3, 3), 0.1)", "uniform((2,), 0.5)", "zero((2,))", "one((2,))"])
def test_keras1_initializer_functions_do_not_become_classes_of_other_arguments(call):
    source = f"from keras import initializers\nw = initializers.{call}\n"
    assert fixed(source) == source


def test_a_keras2_initializer_alias_called_bare_is_renamed():
    assert fixed("from keras import initializers\nw = initializers.zero()\n") == (
        "from keras import initializers\nw = initializers.Zeros()\n"
    )


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
    "cell", ["%time x = Convolution2D(8, (3, 3))\n", "files = !ls Convolution2D\nx = Convolution2D(8, (3, 3))\n"]
)
def test_a_notebook_rename_does_not_miss_uses_in_lines_it_cannot_read(cell):
    import json

    from kerascheck.runner import check_and_fix_notebook

    raw = _notebook("from keras.layers import Convolution2D\n", cell)
    settings = Settings.from_values({"keras_target": "keras3", "extend_select": "KER110"})
    outcome = check_and_fix_notebook(raw, settings, fix=True, unsafe=False)
    sources = [c["source"] for c in json.loads(outcome.new_text or raw)["cells"]]
    assert sources == ["from keras.layers import Conv2D as Convolution2D\n", cell]


def test_a_notebook_rename_reaches_lines_under_an_assignment_magic():
    """``files = !ls`` is neutralised in place (``files = None``): the lines after it are read."""
    import json

    from kerascheck.runner import check_and_fix_notebook

    raw = _notebook("from keras.layers import Convolution2D\n", "files = !ls\nx = Convolution2D(8, (3, 3))\n")
    outcome = check_and_fix_notebook(
        raw, Settings.from_values({"keras_target": "keras3", "extend_select": "KER110"}), fix=True, unsafe=False
    )
    sources = [c["source"] for c in json.loads(outcome.new_text)["cells"]]
    assert sources == ["from keras.layers import Conv2D\n", "files = !ls\nx = Conv2D(8, (3, 3))\n"]


@pytest.mark.parametrize("notebook", [False, True])
def test_fixing_pauses_the_cycle_collector_for_notebooks_as_for_modules(monkeypatch, notebook):
    """Each round parses the whole module (all cells) a few times: with the collector running, its
    full passes over those trees made fixing superlinear."""
    import gc

    from kerascheck import fix, runner

    seen = []
    real_round = fix.apply_round if notebook else fix.fix_until_stable

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real_round(*args, **kwargs)

    # the runner imports the fixer when it first fixes: it then finds the spy in its place
    monkeypatch.setattr(fix, "apply_round" if notebook else "fix_until_stable", spy)
    settings = Settings.from_values({"keras_target": "keras3"})
    if notebook:
        runner.check_and_fix_notebook(_notebook(KERAS1), settings, fix=True, unsafe=False)
    else:
        runner.check_and_fix(KERAS1, settings, fix=True, unsafe=False)
    assert seen and not any(seen)
    assert gc.isenabled()


# -- writes ----------------------------------------------------------------------------------------
KERAS1 = "from keras.layers import Dense\nDense(output_dim=3)\n"
FIXED = "from keras.layers import Dense\nDense(units=3)\n"


def _kerascheck(*args, stdin="", cwd=None):
    return run_kerascheck("--no-config", "--keras-target", "keras3", *args, stdin=stdin, cwd=cwd)


def test_fix_writes_through_a_symlink_and_keeps_hard_links(tmp_path):
    import os

    real = tmp_path / "real.py"
    real.write_text(KERAS1)
    (tmp_path / "link.py").symlink_to(real)
    os.link(real, tmp_path / "hard.py")
    _kerascheck("--fix", str(tmp_path / "link.py"))
    assert (tmp_path / "link.py").is_symlink() and real.read_text() == FIXED
    assert (tmp_path / "hard.py").read_text() == FIXED and real.stat().st_nlink == 2


def test_fix_refuses_a_read_only_file(tmp_path):
    path = tmp_path / "m.py"
    path.write_text(KERAS1)
    path.chmod(0o444)
    result = _kerascheck("--fix", str(path))
    assert path.read_text() == KERAS1 and "is read-only" in result.stdout + result.stderr


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755], ids=oct)
def test_fix_keeps_the_files_owner_and_mode(tmp_path, mode):
    import os

    path = tmp_path / "m.py"
    path.write_text(KERAS1)
    path.chmod(mode)
    owner = (4321, 8765) if os.geteuid() == 0 else (os.getuid(), os.getgid())  # only root can give a file away
    os.chown(path, *owner)
    _kerascheck("--fix", str(path))
    status = path.stat()
    assert path.read_text() == FIXED
    assert (status.st_mode & 0o7777, status.st_uid, status.st_gid) == (mode, *owner)


def test_fix_of_a_read_only_file_says_so_in_one_line_and_leaves_it_alone(tmp_path):
    path = tmp_path / "m.py"
    path.write_text(KERAS1)
    path.chmod(0o444)
    before = path.stat()
    result = _kerascheck("--fix", str(path))
    (line,) = [line for line in (result.stdout + result.stderr).splitlines() if "read-only" in line]
    assert line == f"{path}: error: is read-only: fixes not written"
    assert result.returncode != 0
    after = path.stat()
    assert (after.st_mode, after.st_ino, after.st_mtime_ns) == (before.st_mode, before.st_ino, before.st_mtime_ns)
    # nothing was fixed, so the file's findings are all still reported, where they stand in it
    reported = [line.split(": ")[0] for line in result.stdout.splitlines() if ": KER" in line]
    plain = [line.split(": ")[0] for line in _kerascheck(str(path)).stdout.splitlines() if ": KER" in line]
    assert reported == plain and plain


def test_fix_refuses_a_file_changed_since_it_was_read(tmp_path):
    from kerascheck.files import SourceError, write_fixed

    path = tmp_path / "m.py"
    path.write_text(KERAS1 + "# edited meanwhile\n")
    with pytest.raises(SourceError, match="changed while kerascheck was fixing it"):
        write_fixed(path, KERAS1, FIXED.encode())
    assert path.read_text().endswith("# edited meanwhile\n")


def test_fix_from_stdin_echoes_text_with_nothing_to_fix():
    text = "import keras\nx = 1\n"
    assert _kerascheck("--fix", "-", stdin=text).stdout == text
    assert _kerascheck("--fix", "-", stdin=KERAS1).stdout == FIXED


# -- fixes only on real Keras receivers ------------------------------------------------------------
def test_a_user_classs_own_methods_are_not_fixed():
    source = (
        "import keras\nclass M(keras.Model):\n    def fit_generator(self, g, nb_epoch=1):\n        return g\n"
        "m = M()\nm.fit_generator(g, nb_epoch=3)\n"
    )
    assert fixed(source, unsafe=True) == source


def test_a_user_override_of_fit_keeps_its_keywords():
    source = "import keras\nclass M(keras.Model):\n    def fit(self, x, nb_epoch=1):\n        return x\n"
    source += "M().fit(x, nb_epoch=3)\n"
    assert fixed(source, unsafe=True) == source
    # the call may be the module's own `fit`, whose `nb_epoch` is its own business: no finding at all
    assert not [f for f in findings(source) if f.code in ("KER201", "KER112")]
    generator = "import keras\nclass M(keras.Model):\n    def fit_generator(self, g):\n        return g\n"
    assert not [f.code for f in findings(generator + "M().fit_generator(g)\n")]
    # a Keras model's own method called on `self` is Keras's: reported, not fixed
    keras_method = "import keras\nclass M(keras.Model):\n    def train(self, g):\n        self.fit_generator(g)\n"
    (kept,) = [f for f in findings(keras_method) if f.code == "KER112"]
    assert kept.fix is None and "called on `self`" in kept.message


def test_a_generator_method_fix_is_unsafe_on_keras3_which_wants_a_generator_of_tuples():
    """Probe 12 FIX-1: Keras 3's predict raises ValueError for a generator of bare arrays, which
    predict_generator took (tests/test_fix_behaviour.py runs it); tf.keras's predict takes them."""
    for method, steps in (
        ("fit_generator", "steps_per_epoch"),
        ("evaluate_generator", "steps"),
        ("predict_generator", "steps"),
    ):
        source = f"import keras\nmodel = keras.Sequential()\nmodel.{method}(batches, {steps}=2)\n"
        new = method.replace("_generator", "")
        assert fixed(source) == source
        assert fixed(source, unsafe=True) == source.replace(method, new)
        (finding,) = [f for f in findings(source) if f.code == "KER112"]
        assert finding.fix is not None and not finding.fix.safe
        assert finding.fix_title is not None and finding.fix_title.endswith(
            "Keras 3 takes a Python generator only if it yields tuples, `(x,)` or `(x, y)`: "
            "a generator of lists or of bare arrays raises ValueError there."
        )
        tf_source = source.replace("import keras", "from tensorflow import keras")
        assert fixed(tf_source, TF_KERAS) == tf_source.replace(method, new)
        (tf_finding,) = [f for f in check_source(tf_source, Settings(target=TF_KERAS)) if f.code == "KER112"]
        assert tf_finding.fix_title is not None and "tuples" not in tf_finding.fix_title


def test_a_method_fix_is_safe_only_on_a_keras_model():
    model = "from keras.models import Sequential\nmodel = Sequential()\nmodel.fit(x, y, nb_epoch=3)\n"
    assert fixed(model) == model.replace("nb_epoch", "epochs")
    unknown = "import keras\ndef train(model):\n    model.fit(x, y, nb_epoch=3)\n"
    assert fixed(unknown) == unknown
    assert fixed(unknown, unsafe=True) == unknown.replace("nb_epoch", "epochs")


# -- KER308 renames the callers with the method, or nothing -----------------------------------------
KER308_BASE = (
    "from keras.layers import Layer\nclass A(Layer):\n    def get_output_shape_for(self, s):\n        return s\n"
)


def test_keras1_method_rename_follows_self_and_super_calls():
    source = KER308_BASE + (
        "    def call(self, x):\n        return self.get_output_shape_for(x)\n"
        "class B(A):\n    def get_output_shape_for(self, s):\n        return super().get_output_shape_for(s)\n"
    )
    assert fixed(source) == source.replace("get_output_shape_for", "compute_output_shape")


@pytest.mark.parametrize(
    "rest", ["    compute_output_shape = get_output_shape_for\n", "shape = A().get_output_shape_for((1,))\n"]
)
def test_keras1_method_rename_with_uses_it_cannot_follow_is_not_made(rest):
    assert fixed(KER308_BASE + rest) == KER308_BASE + rest


def test_a_name_other_modules_import_from_this_one_keeps_its_binding(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "layers.py").write_text("from keras.layers import Convolution2D\nx = Convolution2D(8, (3, 3))\n")
    (package / "model.py").write_text("from pkg.layers import Convolution2D\n")
    (tmp_path / "script.py").write_text("from keras.layers import Convolution2D\ny = Convolution2D(8, (3, 3))\n")
    _kerascheck("--fix", "--extend-select", "KER110", ".", cwd=tmp_path)
    assert (package / "layers.py").read_text().startswith("from keras.layers import Conv2D as Convolution2D\n")
    assert (tmp_path / "script.py").read_text() == "from keras.layers import Conv2D\ny = Conv2D(8, (3, 3))\n"


def test_a_method_rename_keeps_a_class_other_modules_import(tmp_path):
    """A subclass elsewhere calling `super().get_output_shape_for(…)` broke (AttributeError) when the
    method was renamed in the base class's module only."""
    layer = (
        "from keras.layers import Layer\nclass Base(Layer):\n    def get_output_shape_for(self, s):\n        return s\n"
    )
    (tmp_path / "base.py").write_text(layer)
    (tmp_path / "child.py").write_text(
        "from base import Base\nclass Child(Base):\n    def shape(self, s):\n"
        "        return super().get_output_shape_for(s)\n"
    )
    (tmp_path / "alone.py").write_text(layer)
    result = _kerascheck("--fix", "--keras-target", "keras3", ".", cwd=tmp_path)
    assert (tmp_path / "base.py").read_text() == layer
    assert "other modules import `Base`" in result.stdout
    assert "def compute_output_shape" in (tmp_path / "alone.py").read_text()  # nobody imports it


def test_the_guard_refuses_a_call_that_binds_a_parameter_twice():
    source = "Conv2D(8, (3, 3), 2, stride=2)\n"
    rename = Finding("X", "x", 1, 21, 1, 27, "m", fix=Fix((Edit(1, 21, 1, 27, "strides"),), True))
    result = apply_round(source, [rename], guard=Guard(KERAS3))
    assert result.text == source
    assert result.dropped == {("X", "m"): "`Conv2D(…)` would get `strides` by position and by keyword"}


# -- a program that runs as written keeps running the same under safe fixes ---------------------------
# Each was run on TF 2.15.1 / Keras 3.15.1 before and after the fix: Adam(lr=0.5) trained at 0.001 on
# tf.keras (lr dropped with a warning) and at 0.5 after; ReduceLROnPlateau(monitor="val_acc") never
# lowered the rate on tf.keras, and did after; Convolution2D(4, 3, 3) had stride 3 (a 12x12 input gave
# 4x4), and kernel (3, 3) with stride 1 after (10x10).
COMPILED = "model.compile(loss='mse', metrics=['accuracy'])\n"
RUNS_AS_WRITTEN = [
    (TF_KERAS, "from tensorflow.keras.optimizers import Adam\nopt = Adam(lr=0.5)\n", "learning_rate=0.5"),
    (
        TF_KERAS,
        "from tensorflow.keras.callbacks import ReduceLROnPlateau\n"
        f"{COMPILED}cb = ReduceLROnPlateau(monitor='val_acc')\n",
        "monitor='val_accuracy'",
    ),
    (
        KERAS3,
        f"from keras.callbacks import EarlyStopping\n{COMPILED}cb = EarlyStopping(monitor='val_acc', mode='max')\n",
        "monitor='val_accuracy'",
    ),
    (TF_KERAS, "from keras.layers import Convolution2D\ny = Convolution2D(4, 3, 3)(x)\n", "(3, 3)"),
    (KERAS3, "from keras.layers import SeparableConvolution2D\ny = SeparableConvolution2D(2, 3, 2)(x)\n", "(3, 2)"),
]


@pytest.mark.parametrize(("target", "source", "change"), RUNS_AS_WRITTEN)
def test_a_fix_that_changes_what_a_running_call_does_is_only_unsafe(target, source, change):
    assert change not in fixed(source, target)
    assert change in fixed(source, target, unsafe=True)


FAILS_AS_WRITTEN = [
    (KERAS3, "from keras.optimizers import Adam\nopt = Adam(lr=0.5)\n", "learning_rate=0.5"),  # ValueError
    (
        TF_KERAS,
        f"from tensorflow import keras\n{COMPILED}plot(history.history['acc'])\n",
        "history.history['accuracy']",
    ),
    (
        KERAS3,
        f"from keras.callbacks import EarlyStopping\n{COMPILED}cb = EarlyStopping(monitor='val_acc')\n",
        "'val_accuracy'",
    ),
    (TF_KERAS, "from keras.layers import Convolution2D\ny = Convolution2D(4, 3, 3, border_mode='same')(x)\n", "(3, 3)"),
]


@pytest.mark.parametrize(("target", "source", "change"), FAILS_AS_WRITTEN)
def test_a_fix_of_a_call_that_fails_as_written_is_safe(target, source, change):
    assert change in fixed(source, target)


def test_a_finding_whose_fix_was_refused_is_not_counted_as_fixed():
    """`Fixed N` and `--show-fixes` counted a finding the round left unfixed, whose message then says why
    (a Keras 1 program: "Fixed 14" for 9)."""
    from kerascheck.runner import resolved

    before = Finding("KER113", "keras1-merge", 5, 4, 5, 9, "`merge` is gone", fix=Fix((Edit(5, 4, 5, 9, "Add"),), True))
    after = [before.unfixed("the fixed call would not bind")]
    assert resolved([before], after, unsafe=False) == []
    assert resolved([before], [], unsafe=False) == [before]


def test_an_unfixable_finding_with_the_same_message_does_not_hide_a_fixed_one():
    """ "Would fix N" counted one fix fewer where a fixable and an unfixable finding share a message
    (KER122 on `compiled_loss(y, p)` and `compiled_loss(*args)`): the unfixable one left was taken for
    the fixable one."""
    from kerascheck.runner import resolved

    fixable = Finding("KER122", "compiled-loss-shim", 3, 4, 3, 9, "`self.compiled_loss(…)` …", fix=Fix((), True))
    never = Finding("KER122", "compiled-loss-shim", 5, 4, 5, 9, "`self.compiled_loss(…)` …")
    assert resolved([fixable, never], [never.moved(1)], unsafe=False) == [fixable]
    assert resolved([fixable, never], [never, fixable], unsafe=False) == []


def test_a_class_that_defines_the_new_method_too_is_no_keras1_method_finding():
    """`compute_output_shape` calling (or aliasing) `get_output_shape_for` is what Keras calls: the old
    method is not dead code there; a class with the old one alone still is."""
    head = "from tensorflow import keras\n"
    delegating = (
        "class D(keras.layers.Layer):\n    def get_output_shape_for(self, s):\n        return s\n"
        "    def compute_output_shape(self, s):\n        return self.get_output_shape_for(s)\n"
    )
    aliased = "class T(keras.layers.Layer):\n    def get_output_shape_for(self, s):\n        return s\n"
    aliased += "    compute_output_shape = get_output_shape_for\n"
    alone = "class P(keras.layers.Layer):\n    def get_output_shape_for(self, s):\n        return s\n"
    found = findings(head + delegating + aliased + alone, TF_KERAS)
    assert [(f.code, f.line) for f in found if f.code == "KER308"] == [("KER308", 12)]
    assert "`T` defines `compute_output_shape` already" in next(f for f in found if f.code == "KER308").message


@pytest.mark.parametrize("base", ["keras.Model", "keras.models.Model", "Base"])
def test_training_added_to_a_keras3_models_call_is_only_unsafe(base):
    """Keras 3's trainers pass `training` to a model only when its `call` takes it (jax trainer.py,
    `if self._call_has_training_arg`): a subclass with BatchNormalization trained with its statistics
    frozen before the fix and updated them after (run on Keras 3.15.1 with jax)."""
    source = (
        "import keras\nclass Base(keras.Model):\n    pass\n"
        f"class M({base}):\n    def __init__(self):\n        super().__init__()\n"
        "        self.bn = keras.layers.BatchNormalization()\n    def call(self, x):\n        return self.bn(x)\n"
    )
    assert "training=None" not in fixed(source, KERAS3)
    assert "def call(self, x, training=None)" in fixed(source, KERAS3, unsafe=True)
    layer = source.replace(f"class M({base})", "class M(keras.layers.Layer)")
    assert "def call(self, x, training=None)" in fixed(layer, KERAS3)  # a layer gets the phase from its caller


# -- KER310/KER308: a renamed method that calls the new name would call itself ----------------------------
def test_method_rename_is_not_made_when_the_method_calls_the_new_name():
    """``def reset_states(self): self.reset_state()`` runs on Keras 3 (the trainer calls Metric's own
    reset_state); renamed, it would call itself (RecursionError, run on Keras 3.15.1)."""
    source = (
        "import keras\nclass M(keras.metrics.Mean):\n    def reset_states(self):\n        self.reset_state()\n"
        "        self.extra = 0\n"
    )
    assert [f.code for f in findings(source)] == ["KER310"]
    assert fixed(source, unsafe=True) == source
    layer = KER308_BASE.replace("return s\n", "return self.compute_output_shape(s)\n")
    assert fixed(layer, unsafe=True) == layer


def test_method_rename_calling_the_new_name_on_super_is_made():
    source = "import keras\nclass M(keras.metrics.Mean):\n    def reset_states(self):\n        super().reset_state()\n"
    assert fixed(source) == source.replace("def reset_states", "def reset_state")


# -- KER222: a file name bound to a name used elsewhere ---------------------------------------------------
def test_checkpoint_file_name_bound_to_a_name_used_elsewhere_is_not_rewritten():
    """``CKPT.format(epoch=…, val_acc=…)`` elsewhere would raise KeyError 'val_accuracy' once renamed."""
    source = (
        "from keras.callbacks import ModelCheckpoint\nmodel.compile('adam', 'mse', metrics=['accuracy'])\n"
        "CKPT = 'w-{epoch:02d}-{val_acc:.2f}.keras'\ncb = ModelCheckpoint(CKPT, monitor='val_loss')\n"
        "def load_best(model):\n    model.load_weights(CKPT.format(epoch=10, val_acc=0.9))\n"
    )
    assert [f.code for f in findings(source)] == ["KER222"]
    assert fixed(source, unsafe=True) == source
    alone = source.rsplit("def load_best", 1)[0]
    assert fixed(alone) == alone.replace("{val_acc:", "{val_accuracy:")


def test_no_fix_leaves_the_text_as_it_was():
    """A finding counted as fixable changes its module: an edit writing what is already there (the name of
    `keras.optimizers.legacy.Adam`, which only changes module) is no fix (held-out probe 11, FIX-1)."""
    from kerascheck.config import Settings
    from kerascheck.engine import check_source
    from kerascheck.rules import RULES

    for rule in RULES:
        for example in rule.invalid:
            lines = example.source.splitlines(keepends=True)
            try:
                found = check_source(example.source, Settings(target=example.target))
            except SyntaxError:  # an example of code Python 3 cannot parse (print statements)
                continue
            for finding in found:
                for edit in finding.fix.edits if finding.fix else ():
                    if edit.line == edit.end_line:
                        written = lines[edit.line - 1][edit.col : edit.end_col] if edit.line <= len(lines) else ""
                        assert written != edit.text, (rule.code, finding.code, finding.line, edit)


def test_the_legacy_optimizer_fix_never_moves_a_name_used_without_decay():
    """KER206 on tf.keras moves the import to `optimizers.legacy`: a name it also brings, used without `decay=`,
    would silently become a legacy optimizer too (triage 16: wavenet's `from keras.optimizers import Adam, SGD`)."""
    shared = "from keras.optimizers import Adam, SGD\nopt = Adam(lr=0.001, decay=1e-6)\nsgd = SGD(0.01)\n"
    assert fixed(shared, TF_KERAS, unsafe=True).startswith("from keras.optimizers import Adam, SGD\n")
    (finding,) = [f for f in findings(shared, TF_KERAS) if f.code == "KER206"]
    assert finding.fix is None and "not fixed: `optimizers.legacy` would also change `SGD`" in finding.message
    alone = "from keras.optimizers import Adam, SGD\nopt = Adam(lr=0.001, decay=1e-6)\nsgd = SGD(0.01, decay=1e-4)\n"
    assert fixed(alone, TF_KERAS, unsafe=True).startswith("from keras.optimizers.legacy import Adam, SGD\n")
