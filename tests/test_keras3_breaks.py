"""The Keras 3 rules' claims, run on the installed Keras 3 (skipped when it is not importable).

Each rule listed in PROOFS has its Keras 3 INVALID examples executed statement by statement, after a
short prelude, in a scratch folder: a statement on a reported line must fail with the error the
message names (or, for a silent change, warn as it says); every other statement must run. A fixed
example must run through. Keras is imported once (the ``real_keras3`` fixture,
``KERAS_BACKEND=numpy``); the models are one Dense layer, so the whole module takes a second or two.
"""

from __future__ import annotations

import ast
import json
import logging
import os
import subprocess
import sys
import warnings
from typing import Dict, NamedTuple, Optional, Tuple

import pytest

from kerascheck.catalog.model import Target
from kerascheck.rules import RULES_BY_CODE
from tests.conftest import is_project_example

keras = None  # the installed Keras 3: the fixture below sets it before the first test of this module


@pytest.fixture(autouse=True, scope="module")
def _installed_keras(real_keras3):
    global keras
    keras = real_keras3


_PRELUDE = """
import os
import keras
model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
name = "run"
"""


# One epoch as ``fit`` runs it, for the callbacks the example built so far (the numpy backend has no
# ``fit``): the logs are the compiled model's ``evaluate`` keys, and again with ``val_``; ``history`` is
# the History callback of that epoch.
_EPOCH = """
import numpy
x, y = numpy.ones((4, 3), "float32"), numpy.ones((4, 2), "float32")

def _epoch():
    global history
    if not getattr(model, "compiled", False):
        return
    logs = model.evaluate(x, y, return_dict=True, verbose=0)
    logs.update({"val_" + key: value for key, value in list(logs.items())})
    history = keras.callbacks.History()
    for callback in [history] + [value for value in globals().values() if isinstance(value, keras.callbacks.Callback)]:
        if callback is history or not getattr(callback, "_epoch_run", False):
            callback._epoch_run = True
            callback.set_model(model)
            callback.on_train_begin()
            callback.on_epoch_begin(0)
            callback.on_epoch_end(0, dict(logs))
"""


# TensorFlow is not installed beside Keras 3 here. What Keras 3 refuses is TensorFlow's conversion of a
# KerasTensor: every TF op converts its tensor arguments (tf.convert_to_tensor), which calls an object's
# __tf_tensor__, and keras 3.15.1 KerasTensor.__tf_tensor__ raises. So this stand-in does only that
# conversion, and the refusal comes from the real KerasTensor.
_TENSORFLOW = """
import builtins
import types


class _Op:
    def __init__(self, name):
        self.name = name

    def __getattr__(self, name):
        return _Op(f"{self.name}.{name}")

    def __call__(self, *args, **kwargs):
        for value in [*args, *kwargs.values()]:
            for item in value if isinstance(value, (list, tuple)) else [value]:
                if hasattr(item, "__tf_tensor__"):
                    item.__tf_tensor__()
        if self.name.endswith("latest_checkpoint"):  # what TensorFlow returns: the newest checkpoint's prefix
            return f"{args[0]}/ckpt-1"
        return None


_tensorflow = types.ModuleType("tensorflow")
_tensorflow.__getattr__ = lambda name: _Op(name)


def _import(name, *args, _real=builtins.__import__, **kwargs):
    return _tensorflow if name == "tensorflow" else _real(name, *args, **kwargs)


__builtins__ = dict(vars(builtins), __import__=_import)  # the example's imports only, not Keras's
"""


# tensorflow_hub is not installed either. Its KerasLayer is a tf_keras (Keras 2) layer: to Keras 3, an
# object that is no keras.Layer, which is what this stand-in is.
_TENSORFLOW_HUB = """
import builtins
import types

_hub = types.ModuleType("tensorflow_hub")


class _Keras2Layer:
    def __init__(self, handle, **kwargs):
        self.handle = handle


_hub.KerasLayer = _Keras2Layer


def _import(name, *args, _real=builtins.__import__, **kwargs):
    return _hub if name == "tensorflow_hub" else _real(name, *args, **kwargs)


__builtins__ = dict(vars(builtins), __import__=_import)
"""


# What TF >= 2.16 serves as `tf.keras`: Keras 3's `keras._tf_keras.keras` (which needs no TensorFlow to import).
_TF_KERAS_OF_KERAS3 = """
import builtins
import types
import keras._tf_keras.keras as _tf_keras

_tensorflow = types.ModuleType("tensorflow")
_tensorflow.keras = _tf_keras


def _import(name, *args, _real=builtins.__import__, **kwargs):
    if name == "tensorflow":
        return _tensorflow
    if name.startswith("tensorflow.keras"):
        module = _tf_keras
        for part in name.split(".")[2:]:
            module = getattr(module, part)
        return module
    return _real(name, *args, **kwargs)


__builtins__ = dict(vars(builtins), __import__=_import)
"""


# Weights of a GRU as Keras 2.2 built it (reset_after=False), for the example to load.
_KERAS22_GRU = """
keras.Sequential([keras.Input((4, 3)), keras.layers.GRU(2, reset_after=False)]).save_weights("gru.weights.h5")
"""


# Two archives laid out as the TensorFlow tutorials' (flower_photos, cats_and_dogs_filtered), served from the
# scratch folder; get_file caches under KERAS_HOME there.
_ARCHIVES = """
import tarfile
import zipfile
os.environ["KERAS_HOME"] = os.path.abspath("keras_home")
os.makedirs("src/flower_photos/roses")
open("src/flower_photos/roses/a.jpg", "w").close()
with tarfile.open("src/flower_photos.tgz", "w:gz") as archive:
    archive.add("src/flower_photos", arcname="flower_photos")
with zipfile.ZipFile("src/cats_and_dogs.zip", "w") as archive:
    archive.writestr("cats_and_dogs_filtered/train/cat.1.jpg", "")
ORIGIN = "file://" + os.path.abspath("src/flower_photos.tgz")
ZIP_ORIGIN = "file://" + os.path.abspath("src/cats_and_dogs.zip")
"""


class Proof(NamedTuple):
    """What a reported statement does on Keras 3: raises ``error`` with ``says`` in its text, or
    (``error`` None) warns or logs ``says``. ``after`` runs after each statement, as part of it."""

    says: Tuple[str, ...]  # one of these is in "ErrorType: its text" (or in a warning's text)
    error: Optional[type] = Exception
    prelude: str = _PRELUDE
    after: str = ""
    later: int = 0  # the failure shows this many statements after the reported one (where it is used)


PROOFS: Dict[str, Proof] = {
    "KER252": Proof(("Cannot convert",), ValueError),
    "KER253": Proof(("'tuple' object has no attribute",), AttributeError, later=1),  # when the layer is built
    "KER208": Proof(
        (
            "Invalid filepath extension for saving",
            "The filename must end in `.weights.h5`",
            "The filepath provided must end in `.keras`",
            "the filepath provided must end in `.weights.h5`",
            "The `save_format` argument is deprecated in Keras 3",
            "unexpected keyword argument 'save_format'",
        )
    ),
    "KER111": Proof(("has no attribute", "cannot import name", "is not supported in Keras 3")),
    "KER207": Proof(
        ("`name` must be passed as a keyword argument",), prelude=_PRELUDE + "self = keras.layers.Layer()\n"
    ),
    "KER222": Proof(
        ("isn't able to automatically determine", "KeyError: 'acc'", "KeyError: 'val_acc'"),
        prelude=_PRELUDE + _EPOCH,
        after="_epoch()",
    ),
    "KER223": Proof(
        ("cannot contain character `/`",),
        prelude=_PRELUDE + "layer = keras.layers.Dense(2)\ninputs = keras.Input((3,))\n",
    ),
    "KER320": Proof(
        ("A KerasTensor cannot be used as input to a TensorFlow function",), prelude=_PRELUDE + _TENSORFLOW
    ),
    "KER405": Proof(
        ("Only instances of `keras.Layer` can be added to a Sequential model",), prelude=_PRELUDE + _TENSORFLOW_HUB
    ),
    "KER322": Proof(("NotImplementedError",), prelude=_PRELUDE + "inputs = keras.Input((3,))\n"),
    "KER324": Proof(("Shape mismatch", "could not be loaded"), prelude=_PRELUDE + _KERAS22_GRU, later=1),
    "KER220": Proof(("File format not supported",), prelude=_PRELUDE + "os.makedirs('export/1')\n"),
    "KER225": Proof(("Requested the deserialization of a `Lambda` layer", "Could not locate function")),
    "KER224": Proof(("Could not deserialize 'keras.metrics.",)),
    "KER121": Proof(("is not in list", "list index out of range")),
    "KER212": Proof(("Could not interpret activation function identifier",)),
    "KER234": Proof(
        ("File format not supported", "`by_name` only supports loading legacy"), prelude=_PRELUDE + _TENSORFLOW
    ),
    "KER235": Proof(("KeyError: 'batch_input_shape'",), prelude=_PRELUDE + "model.save('m.keras')\n"),
    "KER213": Proof(("Invalid value for argument `reduction`",)),
    "KER326": Proof(("does not have a `build()` method implemented",), error=None),
    "KER325": Proof(
        (
            "has no attribute 'get_shape'",
            "has no attribute 'as_list'",
            "has no attribute 'set_shape'",
            "has no attribute '_keras_shape'",
        )
    ),  # fmt: skip
    # KER122: Keras 3's TensorFlow backend keeps deprecated shims (not installed here); the others have neither
    "KER122": Proof(("has no attribute 'compiled_loss'", "has no attribute 'compiled_metrics'")),
    "KER221": Proof(("has no attribute 'to_yaml'",), prelude=_PRELUDE + "model.save('m.keras')\n"),
    "KER115": Proof(("has no attribute",), prelude=_PRELUDE + "import numpy\nx = numpy.ones((2, 3), 'float32')\n"),
    "KER228": Proof(("No such file or directory",), prelude=_PRELUDE + _ARCHIVES, later=1),
    "KER240": Proof(("Unrecognized data type",)),
    "KER255": Proof(("expected a positive integer", "must be a positive integer")),
    "KER256": Proof(("argument cannot be empty",)),
    "KER257": Proof(("Expected `metrics` argument to be a list", "Expected `weighted_metrics` argument to be a list")),
    "KER241": Proof(("No such layer",)),
    "KER242": Proof(("has no attribute 'op'",)),
    "KER244": Proof(("deserialization of a `Lambda` layer",)),
    "KER243": Proof(("'str' object has no attribute 'name'",), prelude=_PRELUDE + _TF_KERAS_OF_KERAS3),
    "KER245": Proof(
        ("'NoneType' object has no attribute",),
        prelude=_PRELUDE
        + "keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)]).save_weights('m.weights.h5')\n",
    ),
}

_CASES = [
    pytest.param(code, index, id=f"{code}-invalid-{index}")
    for code in PROOFS
    for index, example in enumerate(RULES_BY_CODE[code].invalid)
    if example.target is Target.KERAS3 and not is_project_example(example.source)  # one program each
]


class _Captured(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.texts = []

    def emit(self, record: logging.LogRecord) -> None:
        self.texts.append(record.getMessage())


def _run(statement: ast.stmt, namespace: dict, after: str) -> Tuple[Optional[BaseException], list]:
    """Run one statement (and ``after``); what it raised, and the warnings and log messages it gave."""
    handler = _Captured()
    logging.getLogger().addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                exec(compile(ast.Module([statement], []), "<example>", "exec"), namespace)
                exec(after, namespace)
            except Exception as error:  # the claim under test
                return error, [str(item.message) for item in caught] + handler.texts
        return None, [str(item.message) for item in caught] + handler.texts
    finally:
        logging.getLogger().removeHandler(handler)


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _execute(source: str, proof: Proof, reported_lines) -> None:
    namespace: dict = {}
    exec(compile(proof.prelude, "<prelude>", "exec"), namespace)
    statements = ast.parse(source).body
    failing = {
        index + proof.later
        for index, statement in enumerate(statements)
        if any(statement.lineno <= line <= statement.end_lineno for line in reported_lines)
    }
    for index, statement in enumerate(statements):
        reported = index in failing
        raised, said = _run(statement, namespace, proof.after)
        shown = ast.unparse(statement)
        if not reported:
            assert raised is None, f"unreported `{shown}` raised {raised!r}"
        elif proof.error is None:
            assert raised is None, f"`{shown}` raised {raised!r}; the rule calls it silent"
            assert any(part in text for text in said for part in proof.says), f"`{shown}` said {said}"
        else:
            assert isinstance(raised, proof.error), f"reported `{shown}` ran (said {said})"
            text = f"{type(raised).__name__}: {raised}"
            assert any(part in text for part in proof.says), f"`{shown}` raised {text}"


@pytest.mark.parametrize("code, index", _CASES)
def test_reported_statements_fail_on_keras3(code, index, scratch):
    example = RULES_BY_CODE[code].invalid[index]
    _execute(example.source, PROOFS[code], {line for line, _ in example.at})


_FIXED = [case for case in _CASES if RULES_BY_CODE[case.values[0]].invalid[case.values[1]].fixed]


@pytest.mark.parametrize("code, index", _FIXED)
def test_fixed_examples_run_on_keras3(code, index, scratch):
    _execute(RULES_BY_CODE[code].invalid[index].fixed, PROOFS[code], ())


def test_every_keras3_only_rule_is_proved():
    keras3_only = {code for code, rule in RULES_BY_CODE.items() if rule.targets == frozenset({Target.KERAS3})}
    unproved = keras3_only - set(PROOFS) - _NOT_RUN
    assert not unproved, f"Keras 3 rules whose examples are not run on Keras 3: {sorted(unproved)}"


# Older Keras 3 rules whose examples are not run here yet (a class rule: its example is a class body).
_NOT_RUN = {"KER302", "KER321", "KER323"}  # KER321, KER323: their own tests below
# KER226's examples train a model, which the numpy backend here cannot: tests/data/api_programs/k3_history_lr_key.py
# runs one on Keras 3.15.1 with jax (KERASCHECK_RUN_PROGRAMS=1)
_NOT_RUN |= {"KER226"}
# KER327: no error; training with jax shows what Keras 3 does (test_a_model_frozen_after_compile_…)
_NOT_RUN |= {"KER327"}


def _run_with_jax(tmp_path, name: str, source: str) -> subprocess.CompletedProcess[str]:
    """A program run by the installed Keras 3 with the JAX backend (training needs one; the numpy backend cannot)."""
    pytest.importorskip("jax")
    program = tmp_path / name
    program.write_text(source)
    environment = {**os.environ, "KERAS_BACKEND": "jax", "KERAS_HOME": str(tmp_path)}
    return subprocess.run([sys.executable, str(program)], cwd=tmp_path, capture_output=True, text=True, env=environment)


# KER216: it raises in training, which the numpy backend cannot: test_training_resumed_from_an_h5_file_… (JAX)
_NOT_RUN |= {"KER216"}
# KER218: it raises in fit, which the numpy backend cannot run: test_flat_metrics_of_a_two_output_model_… (JAX)
_NOT_RUN |= {"KER218"}


@pytest.mark.slow
def test_flat_metrics_of_a_two_output_model_raise_in_fit_on_keras3(tmp_path):
    """KER218 on Keras 3.15.1 (JAX): the invalid example raises the quoted error in fit; with one list per
    output (the fix title's form) it trains."""
    from kerascheck.catalog.training import MULTI_OUTPUT_METRICS_ERROR

    source = RULES_BY_CODE["KER218"].invalid[0].source
    failed = _run_with_jax(tmp_path, "two_outputs.py", source)
    assert failed.returncode != 0 and MULTI_OUTPUT_METRICS_ERROR in failed.stderr, failed.stderr[-2000:]
    passed = _run_with_jax(tmp_path, "two_outputs.py", source.replace("metrics=['mae']", "metrics=[['mae'], ['mae']]"))
    assert passed.returncode == 0, passed.stderr[-2000:]


@pytest.mark.slow
def test_training_resumed_from_an_h5_file_raises_on_keras3_and_runs_compiled_again(tmp_path):
    """KER216 on Keras 3.15.1 (JAX): its first invalid example raises the quoted error on the reported line; its
    first valid example (compile=False, compile again) trains."""
    from kerascheck.catalog.saving import H5_RESUMED_TRAINING_ERROR

    rule = RULES_BY_CODE["KER216"]
    failed = _run_with_jax(tmp_path, "resume.py", rule.invalid[0].source)
    start, _, end = H5_RESUMED_TRAINING_ERROR.partition("…")
    said = failed.stderr
    assert failed.returncode != 0 and start in said and end.strip() in said, said[-2000:]
    assert f'resume.py", line {rule.invalid[0].at[0][0]}' in said
    assert _run_with_jax(tmp_path, "resume.py", rule.valid[0].source).returncode == 0


@pytest.mark.slow
def test_a_model_frozen_after_compile_is_not_trained_by_its_own_training_on_keras3(tmp_path):
    """KER327: Keras 3.15.1 (JAX) reads `trainable` when it trains: the invalid example's discriminator keeps its
    weights through its own train_on_batch; the valid example's toggling trains it, and the combined model leaves
    it alone. (TensorFlow 2.15.1 trains it unchanged: tests/data/api_programs are Keras 2's there.)"""
    rule = RULES_BY_CODE["KER327"]
    check = (  # in place of the discriminator's own training
        "before = [w.copy() for w in d.get_weights()]\nd.train_on_batch(x, y)\n"
        "print('TRAINED' if any((a != b).any() for a, b in zip(before, d.get_weights())) else 'FROZEN')\n"
    )
    outcomes = {}
    for name, source in (("invalid", rule.invalid[0].source), ("valid", rule.valid[0].source)):
        done = _run_with_jax(tmp_path, f"{name}.py", source.replace("d.train_on_batch(x, y)\n", check, 1))
        assert done.returncode == 0, done.stderr[-2000:]
        outcomes[name] = done.stdout.split()[-1]
    assert outcomes == {"invalid": "FROZEN", "valid": "TRAINED"}


def test_tf_variable_attribute_is_no_weight_on_keras3():
    """KER321: Keras 3 keeps only Keras variables as a layer's weights. TensorFlow is not installed here,
    so the variable of another library is an object that is no ``keras.Variable`` (a numpy array); with
    the real ``tf.Variable`` (Keras 3.15.1 on TensorFlow's backend) ``trainable_weights`` is ``[]`` too."""
    import numpy

    example = RULES_BY_CODE["KER321"].invalid[0].source
    namespace: dict = {}
    exec(compile(_TENSORFLOW, "<prelude>", "exec"), namespace)
    namespace["_tensorflow"].Variable = numpy.asarray
    namespace["_tensorflow"].ones = numpy.ones
    exec(compile(example, "<example>", "exec"), namespace)
    layer = namespace["Scale"]()
    layer(numpy.ones((1, 3), "float32"))
    assert layer.built and layer.trainable_weights == []

    tracked = example.replace("tf.Variable(tf.ones(input_shape[-1:]))", "self.add_weight(shape=input_shape[-1:])")
    exec(compile(tracked, "<fixed>", "exec"), namespace)
    layer = namespace["Scale"]()
    layer(numpy.ones((1, 3), "float32"))
    assert len(layer.trainable_weights) == 1 and layer.trainable_weights[0] is layer.scale


def test_keras22_custom_optimizer_is_refused_by_keras3():
    """KER323: a Keras 2.2 optimizer (``get_updates``, ``super().__init__(**kwargs)``) cannot even be built."""
    namespace: dict = {}
    exec(compile(RULES_BY_CODE["KER323"].invalid[0].source, "<example>", "exec"), namespace)
    with pytest.raises(TypeError, match="required positional argument: 'learning_rate'"):
        namespace["MySGD"]()
    assert not hasattr(keras.optimizers.Optimizer, "get_updates")  # nothing would call it


def test_keras3_resets_a_metric_with_reset_state_and_never_calls_reset_states():
    """KER310: the trainer calls `reset_state()`, whose default zeroes the variables without looking for a
    `reset_states()` of the class (tf.keras's looked for it)."""
    import inspect

    import keras
    from keras.src.trainers import trainer

    assert "m.reset_state()" in inspect.getsource(trainer) and "reset_states" not in inspect.getsource(trainer)
    called = []

    class Count(keras.metrics.Metric):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.total = self.add_weight(name="total", shape=(), initializer="zeros")

        def update_state(self, *args, **kwargs):
            self.total.assign(self.total + 1.0)

        def result(self):
            return self.total

        def reset_states(self):
            called.append(True)

    metric = Count()
    metric.update_state(None)
    metric.reset_state()
    assert called == [] and float(metric.result()) == 0.0


def test_keras3_reset_states_calling_reset_state_runs_and_would_recurse_renamed():
    """KER310 gives no fix for ``def reset_states(self): self.reset_state()``: as written Keras 3 calls
    Mean's own reset_state; renamed, the method would call itself."""
    import keras

    class Kept(keras.metrics.Mean):
        def reset_states(self):
            self.reset_state()

    class Renamed(keras.metrics.Mean):
        def reset_state(self):
            self.reset_state()

    kept = Kept()
    kept.update_state([1.0, 3.0])
    kept.reset_state()
    assert float(kept.result()) == 0.0
    with pytest.raises(RecursionError):
        Renamed().reset_state()


def test_ker310_fixed_metric_is_reset_by_keras3():
    """KER310's fix renames the method: Keras 3's `reset_state()` then runs the class's own."""
    from kerascheck.rules import RULES_BY_CODE

    example = next(e for e in RULES_BY_CODE["KER310"].invalid if e.target is Target.KERAS3)
    namespace: dict = {}
    exec(compile(example.fixed, "fixed.py", "exec"), namespace)
    namespace["F1"]().reset_state()  # super().reset_state(): the default, run as Keras 3 runs it
    assert "def reset_state(self)" in example.fixed and "reset_states" not in example.fixed


def test_ker228_leaves_code_that_names_keras3s_folder_and_it_finds_the_files(scratch):
    """``dirname(get_file(…, extract=True))`` joined with Keras 3's own ``<name>_extracted`` folder (autokeras's
    docs): Keras 3.15.1 puts the files there, and KER228 reports nothing (corpus triage 8)."""
    from kerascheck.config import Settings
    from kerascheck.engine import check_source

    source = (
        "import os\nimport keras\n"
        "path = keras.utils.get_file('cats_and_dogs.zip', origin=ZIP_ORIGIN, extract=True)\n"
        "train = os.path.join(os.path.dirname(path), 'cats_and_dogs_extracted', 'cats_and_dogs_filtered', 'train')\n"
        "assert os.listdir(train) == ['cat.1.jpg'], os.listdir(train)\n"
    )
    settings = Settings(target=Target.KERAS3, select=("KER228",))
    assert check_source(source, settings) == []
    _execute(source, Proof(("",), prelude=_PRELUDE + _ARCHIVES), ())


# KER251: run here, the config of a real functional model: test_keras2_inbound_nodes_layout_fails_on_keras3
_NOT_RUN |= {"KER251"}


def test_keras2_inbound_nodes_layout_fails_on_keras3():
    """KER251: the installed Keras 3 writes each inbound node as a dict, so its invalid example's reads raise
    `KeyError: 0`; tf.keras's list layout is run on TF 2.15.1 by tests/data/api_programs/tf_inbound_nodes_layout.py."""
    x = keras.Input((3,))
    model = keras.Model(x, keras.layers.Dense(2)(x))
    config = model.get_config()
    assert isinstance(config["layers"][1]["inbound_nodes"][0], dict)
    with pytest.raises(KeyError, match="0"):
        config["layers"][1]["inbound_nodes"][0][0][0]
    history = config["layers"][1]["inbound_nodes"][0]["args"][0]["config"]["keras_history"]
    assert history[0] == config["layers"][0]["name"]


# KER250: no error, a test never true: test_a_keras2_variable_name_test_is_never_true_on_keras3
_NOT_RUN |= {"KER250"}


def test_a_keras2_variable_name_test_is_never_true_on_keras3():
    """KER250: the installed Keras 3 names a Dense kernel `kernel` (path `sequential/dense/kernel`), so the tests the
    rule's invalid example writes keep nothing; tf.keras's names (`dense/kernel:0`) are run on TF 2.15.1 by
    tests/data/api_programs/tf_variable_names_keep_scope.py."""
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, name="dense")], name="sequential")
    assert [w.name for w in model.weights] == ["kernel", "bias"]
    assert [w.path for w in model.weights] == ["sequential/dense/kernel", "sequential/dense/bias"]
    assert [w for w in model.trainable_weights if w.name.endswith("kernel:0")] == []
    assert [w for w in model.weights if w.name == "dense/bias:0"] == []
    assert [w.path for w in model.trainable_weights if w.path.endswith("kernel")] == ["sequential/dense/kernel"]


# KER248: no error, another function: test_a_registered_function_under_a_builtin_name_is_ignored_on_keras3
_NOT_RUN |= {"KER248"}


def test_a_registered_function_under_a_builtin_name_is_ignored_on_keras3():
    """KER248: the installed Keras 3 gives `activation="swish"` its own swish though the module registered another
    function under that name (TF 2.15.1 uses the registered one: tests/data/api_programs/
    tf_registered_swish_is_used.py); the numbers the rule's documentation quotes, at x = 2."""
    import numpy

    def swish(x):
        return 2.0 * x * keras.ops.sigmoid(x)

    with keras.utils.custom_object_scope({"swish": keras.layers.Activation(swish)}):
        keras.utils.get_custom_objects().update({"swish": keras.layers.Activation(swish)})
        try:
            dense = keras.layers.Dense(1, activation="swish", kernel_initializer="ones", use_bias=False)
            at_two = float(numpy.asarray(dense(numpy.full((1, 1), 2.0, "float32")))[0, 0])
        finally:
            keras.utils.get_custom_objects().pop("swish", None)
    registered = float(numpy.asarray(swish(numpy.float32(2.0))))
    assert f"{at_two:.2f}" == "1.76" and f"{registered:.2f}" == "3.52"
    assert "run: 1.76, not 3.52" in " ".join(RULES_BY_CODE["KER248"].__doc__.split())


# KER232: no error, other numbers: test_hard_sigmoid_computes_another_function_on_keras3
_NOT_RUN |= {"KER232"}


def test_hard_sigmoid_computes_another_function_on_keras3():
    """KER232: the installed Keras 3's `hard_sigmoid` (string and function, in a layer) is relu6(x + 3) / 6, the
    value the message quotes at x = 1; Keras 2's clip(0.2 * x + 0.5, 0, 1) is run on TF 2.15.1 by
    tests/data/api_programs/tf_hard_sigmoid_keras2_formula.py."""
    import numpy

    rule = RULES_BY_CODE["KER232"]
    x = numpy.array([[-3.0, -2.5, -1.0, 0.0, 1.0, 2.5, 3.0]], "float32")
    keras3 = numpy.clip(x + 3.0, 0.0, 6.0) / 6.0
    keras2 = numpy.clip(0.2 * x + 0.5, 0.0, 1.0)
    for computed in (keras.activations.hard_sigmoid(x), keras.layers.Activation("hard_sigmoid")(x)):
        assert numpy.allclose(numpy.asarray(computed), keras3, atol=1e-6)
        assert not numpy.allclose(numpy.asarray(computed), keras2, atol=1e-3)
    dense = keras.layers.Dense(1, activation="hard_sigmoid", kernel_initializer="ones", use_bias=False)
    at_one = float(numpy.asarray(dense(numpy.ones((1, 1), "float32")))[0, 0])
    assert f"{at_one:.3f}, not {float(numpy.clip(0.2 + 0.5, 0, 1)):.1f}, at x = 1" in rule.message


_NUMPY_SIZES_PROBE = r"""
import json, sys
import numpy as np
import keras
from keras import layers
made = {}
for name in json.loads(sys.stdin.read()):
    try:
        if name == "layers.Embedding":
            layers.Embedding(np.int64(10), np.int64(4))
        elif name in ("layers.Conv2D", "layers.Conv1D"):
            getattr(layers, name.split(".")[1])(np.int64(4), 3)
        else:
            getattr(layers, name.split(".")[1])(np.int64(4))
        made[name] = "made"
    except ValueError:
        made[name] = "ValueError"
print(json.dumps(made))
"""


def test_numpy_sizes_table_is_what_keras3_refuses(keras3_python, tmp_path):
    """KER255's table (layer_sizes.NUMPY_SIZES), run on the installed Keras 3: each layer there refuses a NumPy
    integer size when made, and the layers left out (LSTM, the convolutions) take one."""
    from kerascheck.rules.layer_sizes import NUMPY_SIZES

    left_out = ["layers.LSTM", "layers.Conv1D", "layers.Conv2D"]
    run = subprocess.run(
        [keras3_python, "-c", _NUMPY_SIZES_PROBE],
        input=json.dumps(sorted(NUMPY_SIZES) + left_out),
        capture_output=True,
        text=True,
        env={**os.environ, "KERAS_BACKEND": "numpy", "KERAS_HOME": str(tmp_path)},
    )
    assert run.returncode == 0, run.stderr[-2000:]
    made = json.loads(run.stdout.strip().splitlines()[-1])
    assert {name: made[name] for name in NUMPY_SIZES} == dict.fromkeys(NUMPY_SIZES, "ValueError")
    assert {name: made[name] for name in left_out} == dict.fromkeys(left_out, "made")


@pytest.mark.slow
def test_numpy_sizes_are_taken_by_tf_keras(tf215_python):
    """KER255 is keras3-only: keras 2.15 (TF 2.15.1) makes every layer of the table with a NumPy integer size."""
    from kerascheck.rules.layer_sizes import NUMPY_SIZES

    probe = _NUMPY_SIZES_PROBE.replace("import keras\nfrom keras import layers", "from tensorflow.keras import layers")
    run = subprocess.run(
        [tf215_python, "-c", probe], input=json.dumps(sorted(NUMPY_SIZES)), capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout.strip().splitlines()[-1]) == dict.fromkeys(NUMPY_SIZES, "made")
