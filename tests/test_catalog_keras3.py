"""The catalog's Keras 3 claims, verified against the installed Keras 3 (skipped when it is not importable).

Keras 3 needs a backend to import; with ``KERAS_BACKEND=numpy`` (the default of the ``real_keras3`` fixture) that is
``pip install keras jax`` (jax brings jaxlib and scipy, which Keras's numpy backend imports too).

Names are canonical paths below the keras root (``layers.Conv2D``); ``.fit_generator`` is a method of
``keras.Model``. Checked, for every fact whose targets include keras3:

* renamed names are still aliases of their new names; removed names are absent from the public API
  (or are the documented stubs that raise ImportError), their replacements present;
* removed methods are absent from ``keras.Model``, ``keras.Sequential`` and ``keras.layers.Layer``,
  their replacements present on ``keras.Model``;
* module paths lead to public modules, and a relocation that still imports holds the same objects;
* every ``KeywordRename``: where the owner exists in Keras 3, the new keyword is accepted and the old
  one is rejected (constructing the layer with it raises, naming it);
* positional forms, optimizers (``learning_rate`` accepted, ``lr`` a ValueError, ``decay`` a warning),
  training-dependent layers (``call`` takes ``training``);
* an owner missing from Keras 3 is itself catalogued as removed on keras3.
"""

from __future__ import annotations

import importlib
import inspect
import warnings
from typing import Dict, Tuple

import pytest

from kerascheck.catalog import (
    CANONICAL_OVERRIDES,
    KEYWORD_RENAMES,
    MODULE_PATHS,
    OPTIMIZERS,
    POSITIONAL_FORMS,
    REMOVED_BY_TARGET,
    REMOVED_METHODS,
    REMOVED_METHODS_BY_TARGET,
    REMOVED_NAMES,
    RENAMED_BY_TARGET,
    RENAMED_NAMES,
    TRAINING_DEPENDENT_LAYERS,
)
from kerascheck.catalog.model import PathKind, Target
from tests.conftest import fail_listing

keras = None  # the installed Keras 3: the fixture below sets it before the first test of this module


@pytest.fixture(autouse=True, scope="module")
def _installed_keras(real_keras3):
    global keras
    keras = real_keras3


K3 = Target.KERAS3
MISSING = object()

# Names the catalog calls removed that Keras 3 still binds -- to stubs whose every call raises ImportError
# (keras 3.15.1 keras/optimizers/legacy/__init__.py -> keras/src/optimizers/__init__.py LegacyOptimizerWarning).
# Verified below: each must exist and raise ImportError when called.
RAISING_STUBS = {
    "optimizers.legacy.Adagrad",
    "optimizers.legacy.Adam",
    "optimizers.legacy.Ftrl",
    "optimizers.legacy.Optimizer",
    "optimizers.legacy.RMSprop",
    "optimizers.legacy.SGD",
}

# (owner, new keyword) pairs where Keras 3 does not accept the catalog's new keyword. Real: they come
# from Keras 2.2.4's legacy_recurrent_support, which converts the same keywords for SimpleRNN, GRU and
# LSTM alike. Verified below: each must really be rejected.
NEW_KEYWORD_REJECTED = {
    # SimpleRNN has no gate, so no recurrent activation, in Keras 1.2.2, 2.2.4, 2.15 and 3: Keras 2.2.4
    # converted inner_activation= and then rejected recurrent_activation= ("Keyword argument not understood").
    ("layers.SimpleRNN", "recurrent_activation"): "SimpleRNN has no recurrent activation",
    # Keras 2.2.4 and 2.15 SimpleRNN popped implementation= with a deprecation warning; keras 3.15.1
    # keras/src/layers/rnn/simple_rnn.py does not, and Layer.__init__ raises "Unrecognized keyword arguments".
    ("layers.SimpleRNN", "implementation"): "Keras 3 SimpleRNN rejects implementation=",
}

# (owner, new keyword) -> a valid value: accepted through **kwargs rather than the signature.
# keras 3.15.1 keras/src/layers/rnn/lstm.py and gru.py: LSTM/GRU pop `implementation` from **kwargs
# and hand it to their cell. Verified below by constructing the layer with it.
NEW_KEYWORD_IN_KWARGS = {
    ("layers.LSTM", "implementation"): 1,
    ("layers.GRU", "implementation"): 1,
}

# (owner, old keyword) pairs that Keras 3 does not reject but silently ignores -- the rename is still
# right, the failure is silent. keras 3.15.1 keras/src/layers/core/input_layer.py: InputLayer.__init__
# takes **kwargs and never checks them, so input_dtype='int32' is dropped and the input stays float32.
# Verified below: constructing with it must work and must not apply it.
OLD_KEYWORD_IGNORED = {
    ("layers.InputLayer", "input_dtype"): "int32",
}

# Values for the required parameters of owners constructed below.
REQUIRED_SAMPLES = {
    "units": 1,
    "filters": 1,
    "kernel_size": 1,
    "rate": 0.5,
    "stddev": 0.1,
    "input_dim": 2,
    "output_dim": 2,
    "pool_size": 2,
}


# -------------------------------------------------------------------------------------------------
# The public API
# -------------------------------------------------------------------------------------------------


def public(name: str):
    """The object at a canonical name in Keras 3's public API, or MISSING (``""`` is the keras root)."""
    current = keras
    for part in [p for p in name.split(".") if p]:
        if not inspect.ismodule(current) or current.__name__.startswith("keras.src"):
            return MISSING
        if part.startswith("_") or part == "src":
            return MISSING
        current = getattr(current, part, MISSING)
        if current is MISSING:
            return MISSING
    return current


def is_public_module(name: str) -> bool:
    found = public(name)
    return inspect.ismodule(found) and not found.__name__.startswith("keras.src")


def method_of(owner: str):
    """``.fit`` -> keras.Model.fit; ``layers.Dense`` -> keras.layers.Dense.__init__."""
    if owner.startswith("."):
        return getattr(keras.Model, owner[1:], MISSING)
    found = public(owner)
    if found is MISSING:
        return MISSING
    if owner == "models.Model":
        # keras.Model(inputs, outputs) is built by Functional: Model.__new__ dispatches to it
        # (keras 3.15.1 keras/src/models/model.py), and Model.__init__ is (*args, **kwargs).
        from keras.src.models.functional import Functional  # noqa: KER101,KER103

        return Functional.__init__
    return found.__init__


def accepted(function) -> Tuple[set, bool]:
    signature = inspect.signature(function)
    names = {
        p.name
        for p in signature.parameters.values()
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) and p.name != "self"
    }
    varkw = any(p.kind is p.VAR_KEYWORD for p in signature.parameters.values())
    return names, varkw


def construct(owner: str, drop: Tuple[str, ...] = (), **extra):
    """Build the owner from sample arguments (without those in ``drop``) plus ``extra``."""
    if owner == "models.Model":
        inputs = keras.Input((2,))
        arguments = {"inputs": inputs, "outputs": keras.layers.Dense(1)(inputs)}
        cls = keras.Model
    elif owner == "layers.InputLayer":
        arguments, cls = {"shape": (2,)}, keras.layers.InputLayer  # Keras 3 needs a shape
    else:
        cls = public(owner)
        arguments = {}
        for parameter in list(inspect.signature(cls.__init__).parameters.values())[1:]:
            if parameter.default is parameter.empty and parameter.kind not in (
                parameter.VAR_POSITIONAL,
                parameter.VAR_KEYWORD,
            ):
                if parameter.name not in REQUIRED_SAMPLES:
                    raise AssertionError(f"no sample value for {owner}'s required parameter {parameter.name!r}")
                arguments[parameter.name] = REQUIRED_SAMPLES[parameter.name]
    for name in drop:
        arguments.pop(name, None)
    return cls(**arguments, **extra)


def removed_on_keras3(owner: str) -> bool:
    table = REMOVED_METHODS_BY_TARGET if owner.startswith(".") else REMOVED_BY_TARGET
    return (K3, owner) in table


def _owners_keywords() -> Dict[Tuple[str, str], str]:
    """(owner, new keyword) -> the old keyword, for every KeywordRename."""
    return {(owner, fact.new): fact.old for fact in KEYWORD_RENAMES for owner in fact.owners}


def test_the_installed_keras_is_keras3():
    assert keras.__version__.startswith("3."), keras.__version__
    assert inspect.isclass(public("layers.Conv2D")) and public("no.such.name") is MISSING


# -------------------------------------------------------------------------------------------------
# (a) names, methods, module paths
# -------------------------------------------------------------------------------------------------


def test_renamed_names_are_aliases_in_keras3():
    problems = []
    for fact in RENAMED_NAMES:
        if K3 not in fact.targets:
            continue
        old, new = public(fact.old), public(fact.new)
        if new is MISSING:
            problems.append(f"{fact.old} -> {fact.new}: the new name is missing")
        elif old is MISSING:
            problems.append(f"{fact.old}: missing (a removed name, not an alias)")
        elif old is not new:
            problems.append(f"{fact.old}: is not {fact.new}")
    fail_listing("RenamedName facts Keras 3 contradicts", problems)


def test_removed_names_are_absent_from_keras3():
    problems = []
    for fact in REMOVED_NAMES:
        if K3 not in fact.targets:
            continue
        if public(fact.old) is not MISSING and fact.old not in RAISING_STUBS:
            problems.append(f"{fact.old}: present in Keras 3 ({public(fact.old)!r})")
        if fact.new is not None and public(fact.new) is MISSING:
            problems.append(f"{fact.old} -> {fact.new}: the replacement is missing")
    fail_listing("RemovedName facts Keras 3 contradicts", problems)


def test_names_removed_only_on_tf_keras_exist_in_keras3():
    """A removal that excludes keras3, with no keras3 fact of its own, claims Keras 3 has the name."""
    problems = [
        f"{fact.old}: absent from Keras 3 too; target the fact at keras3 as well"
        for fact in REMOVED_NAMES
        if K3 not in fact.targets
        and (K3, fact.old) not in REMOVED_BY_TARGET
        and (K3, fact.old) not in RENAMED_BY_TARGET
        and public(fact.old) is MISSING
    ]
    problems += [
        f"{fact.old}: absent from keras.Model too; target the fact at keras3 as well"
        for fact in REMOVED_METHODS
        if K3 not in fact.targets
        and (K3, fact.old) not in REMOVED_METHODS_BY_TARGET
        and not hasattr(keras.Model, fact.old[1:])
    ]
    fail_listing("tf.keras-only removals that Keras 3 lacks as well", problems)


@pytest.mark.parametrize("name", sorted(RAISING_STUBS))
def test_removed_names_still_bound_are_raising_stubs(name):
    assert (K3, name) in REMOVED_BY_TARGET, f"{name} is allow-listed as a stub but not catalogued as removed"
    stub = public(name)
    assert stub is not MISSING, f"{name} is no longer bound: drop it from RAISING_STUBS"
    with pytest.raises(ImportError):
        stub()


def test_removed_methods_are_absent_from_keras3():
    problems = []
    for fact in REMOVED_METHODS:
        if K3 not in fact.targets:
            continue
        for cls in (keras.Model, keras.Sequential, keras.layers.Layer):
            if hasattr(cls, fact.old[1:]):
                problems.append(f"{fact.old}: present on keras.{cls.__name__}")
        if fact.new is not None and not callable(getattr(keras.Model, fact.new[1:], None)):
            problems.append(f"{fact.old} -> {fact.new}: keras.Model has no {fact.new[1:]}")
    fail_listing("RemovedMethod facts Keras 3 contradicts", problems)


def test_module_paths_lead_to_public_keras3_modules():
    problems = []
    for fact in MODULE_PATHS:
        if K3 not in fact.targets:
            continue
        if not is_public_module(fact.new):
            problems.append(f"{fact.old} -> {fact.new!r}: {fact.new!r} is not a public Keras 3 module")
            continue
        if fact.kind is not PathKind.LEGACY or not fact.relocation:
            continue
        try:
            old = importlib.import_module(f"keras.{fact.old}")
        except ImportError:
            continue  # gone in Keras 3: the rewrite is the only way
        new = public(fact.new)
        for name in dir(old):
            if CANONICAL_OVERRIDES.get(f"{fact.old}.{name}") == f"{fact.old}.{name}":
                continue  # catalogued as not moving: the rewrite leaves it alone
            if not name.startswith("_") and getattr(new, name, MISSING) is not getattr(old, name):
                problems.append(f"{fact.old}.{name} is not {fact.new}.{name} (relocation=True)")
    fail_listing("ModulePath facts Keras 3 contradicts", problems)


# -------------------------------------------------------------------------------------------------
# (b) keywords and positional forms
# -------------------------------------------------------------------------------------------------


def test_owners_missing_from_keras3_are_catalogued_removed():
    owners = {owner for fact in KEYWORD_RENAMES for owner in fact.owners}
    owners |= {owner for form in POSITIONAL_FORMS for owner in form.owners}
    owners |= set(OPTIMIZERS) | set(TRAINING_DEPENDENT_LAYERS)
    problems = [
        f"{owner}: missing from Keras 3 but not a keras3 RemovedName/RemovedMethod"
        for owner in owners
        if method_of(owner) is MISSING and not removed_on_keras3(owner)
    ]
    fail_listing("owners missing from Keras 3 without a removal fact", problems)


def test_new_keywords_are_accepted_by_keras3():
    problems, checked = [], 0
    for (owner, new), old in _owners_keywords().items():
        function = method_of(owner)
        if function is MISSING:
            continue
        checked += 1
        names, _ = accepted(function)
        if (owner, new) in NEW_KEYWORD_REJECTED:
            if new in names:
                problems.append(f"{owner}: accepts {new}= now; drop it from NEW_KEYWORD_REJECTED")
            else:
                try:
                    construct(owner, **{new: "sigmoid" if new.endswith("activation") else 1})
                except (TypeError, ValueError) as error:
                    if new not in str(error):
                        problems.append(f"{owner}({new}=) fails, but not because of {new}: {error}")
                else:
                    problems.append(f"{owner}({new}=) works: drop it from NEW_KEYWORD_REJECTED")
        elif (owner, new) in NEW_KEYWORD_IN_KWARGS:
            try:
                construct(owner, **{new: NEW_KEYWORD_IN_KWARGS[(owner, new)]})
            except Exception as error:  # noqa: BLE001 - any failure means the keyword is not accepted
                problems.append(f"{owner}({new}=) fails: {type(error).__name__}: {error}")
        elif new not in names:
            problems.append(f"{owner}({old}=) -> {new}=: Keras 3 has no {new}= ({sorted(names)})")
    assert checked > 100, f"only {checked} (owner, keyword) pairs checked"
    fail_listing("KeywordRename targets Keras 3 does not accept", problems)


def test_old_keywords_are_rejected_by_keras3():
    problems = []
    for (owner, new), old in _owners_keywords().items():
        function = method_of(owner)
        if function is MISSING:
            continue
        names, varkw = accepted(function)
        if old in names:
            problems.append(f"{owner}: {old}= is still a parameter")
            continue
        if owner.startswith("."):
            if varkw:
                problems.append(f"{owner} takes **kwargs: {old}= is not rejected by its signature")
            continue
        if (owner, old) in OLD_KEYWORD_IGNORED:
            value = OLD_KEYWORD_IGNORED[(owner, old)]
            layer = construct(owner, drop=(new,), **{old: value})
            if getattr(layer, new, None) == value:
                problems.append(f"{owner}({old}=) is honoured now: drop it from OLD_KEYWORD_IGNORED")
            continue
        # The Keras 1 call: the old keyword in place of the new one.
        try:
            construct(owner, drop=(new,), **{old: 1})
        except (TypeError, ValueError) as error:
            if old not in str(error) and new not in str(error):
                problems.append(f"{owner}({old}=1) fails, but not because of {old}: {error}")
        else:
            problems.append(f"{owner}({old}=1) is accepted by Keras 3")
    fail_listing("old keywords Keras 3 does not reject", problems)


def test_positional_forms_bind_what_the_catalog_says_in_keras3():
    problems = []
    for form in POSITIONAL_FORMS:
        for owner in form.owners:
            function = method_of(owner)
            if function is MISSING:
                continue
            positional = [
                p.name
                for p in list(inspect.signature(function).parameters.values())[1:]
                if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
            ]
            if tuple(positional[: len(form.keras2)]) != form.keras2:
                problems.append(f"{owner}: positions bind {positional[: len(form.keras2)]}, catalog {form.keras2}")
    fail_listing("positional forms Keras 3 contradicts", problems)


# -------------------------------------------------------------------------------------------------
# (c) optimizers and the training flag
# -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_optimizer_takes_learning_rate_and_rejects_lr(name):
    cls = public(name)
    assert cls is not MISSING, f"{name} is missing from keras.optimizers"
    assert "learning_rate" in inspect.signature(cls.__init__).parameters
    cls(learning_rate=0.1)
    # OPTIMIZER_KEYWORDS: lr "raises `ValueError: Argument(s) not recognized`" on keras3
    with pytest.raises(ValueError, match="not recognized"):
        cls(lr=0.1)
    # OPTIMIZER_KEYWORDS: decay "is ignored with a warning" on keras3
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cls(learning_rate=0.1, decay=0.1)
    assert any("decay" in str(w.message) for w in caught), [str(w.message) for w in caught]


def test_training_dependent_layers_take_training_in_keras3():
    problems = []
    for name in sorted(TRAINING_DEPENDENT_LAYERS):
        cls = public(name)
        if cls is MISSING:
            continue  # test_owners_missing_from_keras3_are_catalogued_removed covers it
        if "training" not in inspect.signature(cls.call).parameters:
            problems.append(f"{name}.call takes no `training`")
    fail_listing("training-dependent layers whose Keras 3 call takes no training", problems)


def test_keras3_module_tables_are_the_installed_modules():
    """catalog/module_tables.py (generated from the keras 3.15.1 wheel): every module imports and binds
    every name it lists."""
    from kerascheck.catalog.module_tables import KERAS3_MODULES

    for module, names in KERAS3_MODULES.items():
        if not module.startswith("keras"):
            continue  # tensorflow.keras on TF >= 2.16 needs TensorFlow
        imported = importlib.import_module(module)
        absent = [name for name in names.split() if not hasattr(imported, name)]
        assert not absent, f"{module} lacks {absent}"


def test_leading_parameters_are_keras3s_positional_order():
    """catalog.arguments.LEADING_PARAMETERS: each owner's first parameters, in Keras 3.15.1's order."""
    from kerascheck.catalog.arguments import LEADING_PARAMETERS

    for owner, parameters in LEADING_PARAMETERS.items():
        function = keras.Model if owner.startswith(".") else keras
        for part in owner.lstrip(".").split("."):
            function = getattr(function, part)
        signature = [name for name in inspect.signature(function).parameters if name != "self"]
        assert signature[: len(parameters)] == list(parameters), owner


def test_h5_unreadable_losses_fail_to_load_and_their_long_names_load(tmp_path):
    """KER224's table: each short name is the long name's loss; a model compiled with it and saved to .h5
    fails in load_model (the message KER224 quotes), and with the long name it loads."""
    from kerascheck.catalog.saving import H5_LOSS_ERROR, H5_UNREADABLE_LOSSES

    for short, long in H5_UNREADABLE_LOSSES.items():
        assert keras.losses.get(short) is keras.losses.get(long), short
        for name, fails in ((short, True), (long, False)):
            model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
            model.compile(optimizer="adam", loss=name)
            path = str(tmp_path / f"{name}.h5")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                model.save(path)
                if fails:
                    with pytest.raises(ValueError) as raised:
                        keras.models.load_model(path)
                    assert f"ValueError: {raised.value}" == H5_LOSS_ERROR.format(loss=short)
                else:
                    keras.models.load_model(path)


def test_optimizer_epsilon_defaults_are_what_keras2_made_of_none():
    """KER209 deletes `epsilon=None`: Keras 2.2.4 read it as `K.epsilon()` (1e-07 unless set), Keras 3's
    optimizers default to 1e-07."""
    from kerascheck import catalog

    checked = 0
    for owner in sorted(catalog.OPTIMIZERS):
        cls = public(owner)
        if cls is MISSING or "epsilon" not in inspect.signature(cls.__init__).parameters:
            continue
        assert cls().get_config()["epsilon"] == pytest.approx(1e-7), owner
        checked += 1
    assert checked >= 6


def test_compile_names_keras3_cannot_interpret_and_their_new_names():
    """KER211's table: each name fails where `fit` resolves it (the error KER211 quotes), and the new name
    resolves; a loss's new name is the same computation (Keras 2.2.4's cosine_proximity written out)."""
    import numpy

    from kerascheck.catalog.metric_keys import COMPILE_NAME_ERRORS, COMPILE_NAMES

    checked = 0
    for fact in COMPILE_NAMES:
        if Target.KERAS3 not in fact.targets:
            continue
        get = keras.losses.get if fact.role == "loss" else keras.metrics.get
        with pytest.raises(ValueError) as raised:
            get(fact.old)
        assert f"ValueError: {raised.value}" == COMPILE_NAME_ERRORS[(Target.KERAS3, fact.role)].format(name=fact.old)
        if fact.new is not None:
            assert get(fact.new) is not None, fact.new
        checked += 1
    assert checked >= 10
    y_true, y_pred = numpy.array([[1.0, 2.0, 2.0]]), numpy.array([[2.0, 1.0, 2.0]])
    normalize = lambda v: v / numpy.linalg.norm(v, axis=-1, keepdims=True)  # noqa: E731
    keras22 = -numpy.sum(normalize(y_true) * normalize(y_pred), axis=-1)  # Keras 2.2.4 losses.cosine_proximity
    assert numpy.allclose(numpy.asarray(keras.losses.get("cosine_similarity")(y_true, y_pred)), keras22)
    metric = keras.metrics.get("cosine_similarity")
    metric.update_state(y_true, y_true)
    assert float(metric.result()) == pytest.approx(1.0)  # the similarity itself: Keras 2.2's metric gave -1


def test_the_activation_names_keras3_reads_from_a_string():
    """KER212's table: what `keras.activations.get` finds by name (and nothing registered)."""
    from keras.src.activations import ALL_OBJECTS_DICT

    from kerascheck.catalog.training import KERAS3_ACTIVATION_NAMES

    assert KERAS3_ACTIVATION_NAMES == set(ALL_OBJECTS_DICT)
    keras.utils.get_custom_objects()["kerascheck_probe"] = keras.activations.relu
    try:
        with pytest.raises(ValueError, match="Could not interpret activation function identifier"):
            keras.activations.get("kerascheck_probe")
    finally:
        del keras.utils.get_custom_objects()["kerascheck_probe"]
