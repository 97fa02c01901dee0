"""Facts that rules used to spell out themselves, now in the catalog: each is used (a wrong or unused fact
fails here) and, where cheap, run on the real Keras."""

from __future__ import annotations

import ast
import json
import re
import subprocess
from pathlib import Path

import pytest

from kerascheck.catalog.implementations import NON_MIXING_PAIRS
from kerascheck.catalog.model import Target
from kerascheck.catalog.names import RENAMED_NAMES
from kerascheck.catalog.training import DEFAULT_LEARNING_RATES_TF215, OPTIMIZERS
from kerascheck.config import Settings
from kerascheck.engine import check_source
from kerascheck.names import KERAS, TF_KERAS, TF_KERAS_PACKAGE, TF_PYTHON_KERAS
from kerascheck.rules import RULES_BY_CODE
from tests.conftest import findings_of

# One use of each implementation, as a module writes it.
_USES = {
    KERAS: "import keras\nkeras.layers.Dense(1)\n",
    TF_KERAS: "import tensorflow as tf\ntf.keras.layers.Dense(1)\n",
    TF_KERAS_PACKAGE: "import tf_keras\ntf_keras.layers.Dense(1)\n",
    TF_PYTHON_KERAS: "from tensorflow.python.keras.layers import Dense\nDense(1)\n",
}
_MIXING_CODES = {KERAS: "KER401", TF_KERAS_PACKAGE: "KER402", TF_PYTHON_KERAS: "KER403"}


def _mixing_codes(source: str, target: Target):
    return sorted(f.code for f in findings_of(source, target) if f.code in ("KER401", "KER402", "KER403"))


@pytest.mark.parametrize("pair", NON_MIXING_PAIRS, ids=lambda pair: f"{pair.first}+{pair.second}")
@pytest.mark.parametrize("target", list(Target), ids=str)
def test_each_pair_that_does_not_mix_is_reported_where_it_does_not_mix(pair, target):
    source = _USES[pair.first] + _USES[pair.second]
    expected = [_MIXING_CODES[pair.first]] if target in pair.targets else []
    pins: tuple = ()
    if {pair.first, pair.second} == {KERAS, TF_KERAS}:
        # one Keras where TF 2.6–2.15 loads tf.keras from the keras package (run on TF 2.15.1): two by the pins
        assert _mixing_codes(source, target) == []
        pins = ("keras==2.3.1",)
    found = check_source(source, Settings(target=target, pins=pins))
    assert sorted(f.code for f in found if f.code in ("KER401", "KER402", "KER403")) == expected


@pytest.mark.parametrize("target", list(Target), ids=str)
def test_implementations_no_pair_names_mix_freely(target):
    listed = {frozenset((pair.first, pair.second)) for pair in NON_MIXING_PAIRS if target in pair.targets}
    for first in _USES:
        for second in _USES:
            if first != second and frozenset((first, second)) not in listed:
                assert _mixing_codes(_USES[first] + _USES[second], target) == [], (first, second)


def test_mixing_rules_read_their_targets_from_the_pairs():
    for first, code in _MIXING_CODES.items():
        rule = RULES_BY_CODE[code]
        assert rule.pairs and {pair.first for pair in rule.pairs} == {first}
        assert rule.targets == frozenset().union(*(pair.targets for pair in rule.pairs)), code


# --- KER505: what each tf-keras release requires of tensorflow ------------------------------------------


def _ker505(tmp_path, requirements: str):
    from kerascheck.config import Settings
    from kerascheck.pins import read_pins
    from kerascheck.project import Project

    (tmp_path / "requirements.txt").write_text(requirements)
    project = Project(Settings(), modules=[], pins=read_pins(tmp_path), target_was_chosen=True)
    return [finding.message for _, finding in RULES_BY_CODE["KER505"]().check_project(project)]


def test_ker505_says_what_the_tf_keras_release_requires(tmp_path):
    from kerascheck.catalog.releases import TF_KERAS_REQUIRES_TENSORFLOW

    for requirement in TF_KERAS_REQUIRES_TENSORFLOW:
        low = requirement.tf_keras.split(",")[0][2:]  # ">=2.16,<2.17" -> "2.16"
        major, minor = low.split(".")
        assert _ker505(tmp_path, f"tensorflow=={low}.0\ntf-keras=={low}.0\n") == []
        earlier = f"{major}.{int(minor) - 1}.0"
        assert _ker505(tmp_path, f"tensorflow=={earlier}\ntf-keras=={low}.0\n") == [
            f"`tf-keras=={low}.0` cannot be used with `tensorflow=={earlier}` (requirements.txt:1): "
            f"tf-keras {low} requires `tensorflow{requirement.tensorflow}`"
        ]


def test_ker505_leaves_tf_keras_releases_that_require_no_tensorflow(tmp_path):
    """tf-keras 2.14.1, the first release, has no Requires-Dist on tensorflow: pip installs it with any."""
    assert _ker505(tmp_path, "tensorflow==2.17.0\ntf-keras==2.14.1\n") == []


def test_tf_keras_requirement_is_the_wheels_metadata():
    from kerascheck.catalog.releases import TF_KERAS_REQUIRES_TENSORFLOW
    from tests.keras_sources import SourceUnavailable, wheel_tree

    try:
        metadata = wheel_tree("tf_keras", "2.15.1") / "tf_keras-2.15.1.dist-info" / "METADATA"
    except SourceUnavailable as error:
        pytest.skip(str(error))
    required = [
        line.split(":", 1)[1].strip()
        for line in metadata.read_text().splitlines()
        if line.startswith("Requires-Dist: tensorflow")
    ]
    assert required == ["tensorflow <2.16,>=2.15"]
    needs = next(r.tensorflow for r in TF_KERAS_REQUIRES_TENSORFLOW if r.tf_keras.startswith(">=2.15,"))
    assert sorted(needs.split(",")) == sorted(required[0].split()[1].split(","))


# --- Versions of removals and renames, read from the releases themselves ----------------------------------
#
# Each `removed_in` / `since` names the first release without (with) the name; these tests read that release
# and the one before it with ``ast`` (tests/keras_sources.py: downloaded once, cached; skipped offline).

# A release named in the catalog -> (the last release before it, the release): (project, version, sdist?).
# The keras package of each TensorFlow 2.6-2.15 (2.13's first release is 2.13.1).
_TF_KERAS_RELEASES = ("2.6.0", "2.7.0", "2.8.0", "2.9.0", "2.10.0", "2.11.0", "2.12.0", "2.13.1", "2.14.0", "2.15.0")
_RELEASE_PAIRS = {
    "Keras 2.0": (("Keras", "1.2.2", True), ("Keras", "2.0.0", True)),
    "Keras 2.1.3": (("Keras", "2.1.2", False), ("Keras", "2.1.3", False)),
    "Keras 2.2": (("Keras", "2.1.6", False), ("Keras", "2.2.0", False)),
    "Keras 2.2.5": (("Keras", "2.2.4", False), ("Keras", "2.2.5", False)),
    "Keras 3.0": (("keras", "2.15.0", False), ("keras", "3.0.0", False)),
    "TF 2.6": (("keras", "2.5.0rc0", False), ("keras", "2.6.0", False)),  # 2.5.0rc0: the keras of TF 2.5
    **{
        "TF " + ".".join(release.split(".")[:2]): (("keras", before, False), ("keras", release, False))
        for before, release in zip(_TF_KERAS_RELEASES, _TF_KERAS_RELEASES[1:])
    },
}


def _package(project: str, version: str, sdist: bool):
    from tests.keras_sources import SourceUnavailable, StaticPackage, sdist_tree, wheel_tree

    try:
        return StaticPackage(sdist_tree(project, version) if sdist else wheel_tree(project, version))
    except SourceUnavailable as error:
        pytest.skip(str(error))


def _api_root(version: str) -> str:
    """Where a release's public API lives: tf.keras 2.6-2.15 under keras/api/_v2/keras, else keras."""
    return "keras.api._v2.keras." if version.startswith("2.") and int(version.split(".")[1]) >= 6 else "keras."


def _has(package, version: str, name: str) -> bool:
    """Whether the release's public API binds ``name`` (canonical), as an import or a definition.

    Keras 3's ``optimizers.legacy`` names are bound to ``LegacyOptimizerWarning``, which raises: not had."""
    import ast

    from tests.keras_sources import Definition, ModuleRef

    dotted = _api_root(version) + name
    module, _, last = dotted.rpartition(".")
    parent = package.resolve_dotted(module)
    if not isinstance(parent, ModuleRef):
        return isinstance(package.resolve_dotted(dotted), (Definition, ModuleRef))
    for statement in package.tree(parent.module).body:
        if isinstance(statement, (ast.Import, ast.ImportFrom)):
            for alias in statement.names:
                if (alias.asname or alias.name.split(".")[0]) == last:
                    return not alias.name.endswith("LegacyOptimizerWarning")
        elif isinstance(statement, (ast.ClassDef, ast.FunctionDef)) and statement.name == last:
            return True
    return package.resolve_dotted(dotted) is not None


def _releases_of(label: str):
    before, release = _RELEASE_PAIRS[label]
    return (before[1], _package(*before)), (release[1], _package(*release))


def _removed_names_by_release():
    from kerascheck.catalog.names import REMOVED_NAMES

    by_release = {}
    for fact in REMOVED_NAMES:
        if fact.removed_in:
            by_release.setdefault(fact.removed_in, []).append(fact)
    return by_release


@pytest.mark.parametrize("release", sorted(_removed_names_by_release()))
def test_removed_in_is_the_first_release_without_the_name(release):
    """The release before it has the name; the release named does not (260 names: "Keras 3.0")."""
    assert release in _RELEASE_PAIRS, f"no release pair to check {release!r} against"
    (before_version, before), (version, after) = _releases_of(release)
    wrong = [
        (fact.old, _has(before, before_version, fact.old), _has(after, version, fact.old))
        for fact in _removed_names_by_release()[release]
        if not _has(before, before_version, fact.old) or _has(after, version, fact.old)
    ]
    assert wrong == []


def test_removed_in_keras_3_is_only_on_the_keras3_target():
    from kerascheck.catalog.names import REMOVED_NAMES

    assert {tuple(sorted(fact.targets)) for fact in REMOVED_NAMES if fact.removed_in == "Keras 3.0"} == {
        (Target.KERAS3,)
    }


def test_ker111_says_the_release_that_removed_the_name(monkeypatch):
    """The message reads ``removed_in`` from the fact: changing the fact changes the message."""
    from kerascheck import catalog

    source = "import keras\nkeras.layers.ThresholdedReLU(1.0)\n"
    fact = catalog.REMOVED_BY_TARGET[(Target.KERAS3, "layers.ThresholdedReLU")]
    assert fact.removed_in == "Keras 3.0"
    [finding] = findings_of(source, Target.KERAS3, codes={"KER111"})
    assert finding.message == "`ThresholdedReLU` does not exist on target keras3 (removed in Keras 3.0)"
    monkeypatch.setitem(
        catalog.REMOVED_BY_TARGET, (Target.KERAS3, "layers.ThresholdedReLU"), fact._replace(removed_in="Keras 9.9")
    )
    [finding] = findings_of(source + "\n", Target.KERAS3, codes={"KER111"})
    assert finding.message.endswith("(removed in Keras 9.9)")
    monkeypatch.setitem(
        catalog.REMOVED_BY_TARGET, (Target.KERAS3, "layers.ThresholdedReLU"), fact._replace(removed_in=None)
    )
    [finding] = findings_of(source + "\n\n", Target.KERAS3, codes={"KER111"})
    assert finding.message == "`ThresholdedReLU` does not exist on target keras3"


def _renamed(old: str):
    return [fact for fact in RENAMED_NAMES if fact.old == old]


# Where a Keras 1 name lived in Keras 1.2.2, by canonical module (losses were `objectives`).
_KERAS1_MODULE = {"losses": "objectives"}


@pytest.mark.parametrize("old", sorted({fact.old for fact in RENAMED_NAMES}))
def test_renamed_origin_and_since_are_what_the_releases_show(old):
    fact = _renamed(old)[0]
    module, _, name = old.rpartition(".")
    keras1 = _package("Keras", "1.2.2", True)
    in_keras1 = keras1.resolve_dotted(f"keras.{_KERAS1_MODULE.get(module, module)}.{name}") is not None
    assert in_keras1 == (fact.origin == "Keras 1"), (
        "Keras 1.2.2 has it exactly when the catalog says it is a Keras 1 name"
    )
    if fact.origin == "multi-backend Keras 2":
        assert _has(_package("Keras", "2.2.4", False), "2.2.4", old)
    if fact.since is None:
        return
    (before_version, before), (version, after) = _releases_of(fact.since)
    new_module, _, new_name = fact.new.rpartition(".")
    if fact.origin == "Keras 1":  # renamed: the new name is the class, the old one an alias of it
        renamed = after.resolve_dotted(f"keras.{old}")
        assert renamed is not None and getattr(renamed.node, "name", None) == new_name
    else:  # an alias added in that release
        assert not _has(before, before_version, old) and _has(after, version, old)


def test_ker110_says_what_the_old_name_is_from_the_data(monkeypatch):
    from kerascheck import catalog

    def message(old: str, source: str) -> str:
        [finding] = findings_of(source, Target.KERAS3, codes={"KER110"})
        return finding.message

    assert message("Convolution2D", "from keras.layers import Convolution2D\n") == (
        "`Convolution2D` is the Keras 1 name of `Conv2D` (renamed in Keras 2.0); it still works on target keras3"
    )
    assert message("SeparableConvolution1D", "from keras.layers import SeparableConvolution1D\n") == (
        "`SeparableConvolution1D` is an alias, in the Keras 1 spelling, of `SeparableConv1D` (added in Keras 2.1.3); "
        "it still works on target keras3"
    )
    key = (Target.KERAS3, "layers.Convolution2D")
    monkeypatch.setitem(catalog.RENAMED_BY_TARGET, key, catalog.RENAMED_BY_TARGET[key]._replace(since="Keras 9.9"))
    assert message("Convolution2D", "from keras.layers import Convolution2D\n\n").endswith(
        "(renamed in Keras 9.9); it still works on target keras3"
    )


# --- Methods and attributes: which release's classes stopped defining them -------------------------------

# The classes a method or attribute of each kind is looked up on, by release (TF2 classes, never *_v1).
_ENGINE_1 = {"Layer": "keras.engine.topology.Layer", "Model": "keras.engine.training.Model"}
_TF_KERAS_ENGINE = {
    "Layer": "keras.engine.base_layer.Layer",
    "Model": "keras.engine.training.Model",
    "Sequential": "keras.engine.sequential.Sequential",
}
_CLASSES = {
    "1.2.2": {**_ENGINE_1, "Sequential": "keras.models.Sequential"},
    "2.0.0": {**_ENGINE_1, "Sequential": "keras.models.Sequential"},
    "2.1.6": {**_ENGINE_1, "Sequential": "keras.models.Sequential"},
    "2.2.0": {
        "Layer": "keras.engine.base_layer.Layer",
        "Model": "keras.engine.training.Model",
        "Sequential": "keras.engine.sequential.Sequential",
    },
    "2.5.0rc0": {**_TF_KERAS_ENGINE, "Metric": "keras.metrics.Metric"},
    "2.6.0": {**_TF_KERAS_ENGINE, "Metric": "keras.metrics.Metric"},
    "2.8.0": {**_TF_KERAS_ENGINE, "Metric": "keras.metrics.Metric"},
    "2.9.0": {**_TF_KERAS_ENGINE, "Metric": "keras.metrics.base_metric.Metric"},
    # what tf.keras.optimizers.Optimizer is: OptimizerV2 up to TF 2.10, the new optimizer from TF 2.11
    "2.10.0": {**_TF_KERAS_ENGINE, "Optimizer": "keras.optimizers.optimizer_v2.optimizer_v2.OptimizerV2"},
    "2.11.0": {**_TF_KERAS_ENGINE, "Optimizer": "keras.optimizers.optimizer_experimental.optimizer.Optimizer"},
    "2.15.0": {
        **{kind: path.replace("keras.", "keras.src.", 1) for kind, path in _TF_KERAS_ENGINE.items()},
        "Metric": "keras.src.metrics.base_metric.Metric",
        "Optimizer": "keras.src.optimizers.optimizer.Optimizer",
        # what tf.keras.mixed_precision.LossScaleOptimizer of a TF 2.11+ optimizer is
        "optimizers.LossScaleOptimizer": "keras.src.mixed_precision.loss_scale_optimizer.LossScaleOptimizerV3",
    },
    "3.0.0": {
        "Layer": "keras.src.layers.layer.Layer",
        "Model": "keras.src.models.model.Model",
        "Sequential": "keras.src.models.sequential.Sequential",
        "Metric": "keras.src.metrics.metric.Metric",
        "Optimizer": "keras.src.optimizers.optimizer.Optimizer",
        "optimizers.LossScaleOptimizer": "keras.src.optimizers.loss_scale_optimizer.LossScaleOptimizer",
    },
}


def _defines(package, version: str, kinds, name: str) -> bool:
    """Whether a class of ``kinds`` in the release defines ``name`` (a method or property) along its bases,
    as more than a stub that raises (tf.keras's ``to_yaml`` since TF 2.6)."""
    import ast

    from tests.keras_sources import Definition

    for kind in kinds:
        cls = package.resolve_dotted(_CLASSES[version][kind])
        assert isinstance(cls, Definition), (version, kind)
        found = package.method(cls, name)
        if found is not None and not isinstance(found[1].body[-1], ast.Raise):
            return True
    return False


def _method_facts():
    from kerascheck.catalog.attributes import REPLACED_ATTRIBUTES
    from kerascheck.catalog.names import REMOVED_METHODS

    kinds = ("Layer", "Model", "Sequential")
    facts = [(fact.old.lstrip("."), kinds, kinds, fact.removed_in) for fact in REMOVED_METHODS if fact.removed_in]
    # A Model fact: Sequential had it before (predict_proba was Sequential's); the Model class lacks it after
    # (Keras 3's Sequential and Functional have their own output_shape, and KER120 asks the class it sees).
    # A name of one class of the kind (a LossScaleOptimizer's): that class had it, and lacks it after.
    facts += [
        (name, ("Model", "Sequential") if kind == "Model" else (kind,), (kind,), fact.removed_in)
        if not fact.only_classes
        else (name, fact.only_classes, fact.only_classes, fact.removed_in)
        for (kind, name), fact in REPLACED_ATTRIBUTES.items()
        if fact.removed_in
    ]
    return facts


@pytest.mark.parametrize("name, had, lacks, release", _method_facts(), ids=lambda value: str(value))
def test_method_removed_in_is_the_first_release_whose_classes_lack_it(name, had, lacks, release):
    (before_version, before), (version, after) = _releases_of(release)
    assert _defines(before, before_version, had, name), f"{before_version} has no {name}"
    assert not _defines(after, version, lacks, name), f"{version} still has {name}"


def test_removed_note_is_said_only_where_the_target_comes_after_the_release():
    from kerascheck.catalog.model import removed_note

    assert removed_note(Target.KERAS3, "Keras 3.0") == " (removed in Keras 3.0)"
    assert removed_note(Target.TF_KERAS, "Keras 3.0") == ""  # tf.keras is Keras 2: deprecated at most
    assert removed_note(Target.TF_KERAS, "TF 2.6") == " (removed in TF 2.6)"
    assert removed_note(Target.KERAS3, None) == ""


def test_ker112_and_ker120_say_the_release_from_the_data(monkeypatch):
    from kerascheck import catalog
    from kerascheck.catalog import attributes

    source = (
        "import keras\nmodel = keras.models.load_model('m.keras')\nmodel.get_updates_for(None)\nmodel.reset_states()\n"
    )
    messages = {f.code: f.message for f in findings_of(source, Target.KERAS3, codes={"KER112", "KER120"})}
    assert messages == {
        "KER112": "`get_updates_for()` is removed (AttributeError) on target keras3 (removed in TF 2.9)",
        "KER120": "`model.reset_states` raises AttributeError on target keras3: `Model` has no such attribute "
        "(removed in Keras 3.0)",
    }
    key = (Target.KERAS3, ".get_updates_for")
    monkeypatch.setitem(
        catalog.REMOVED_METHODS_BY_TARGET, key, catalog.REMOVED_METHODS_BY_TARGET[key]._replace(removed_in="TF 9.9")
    )
    replaced = attributes.REPLACED_ATTRIBUTES[("Model", "reset_states")]
    monkeypatch.setitem(
        attributes.REPLACED_ATTRIBUTES, ("Model", "reset_states"), replaced._replace(removed_in="Keras 9.9")
    )
    messages = {f.code: f.message for f in findings_of(source + "\n", Target.KERAS3, codes={"KER112", "KER120"})}
    assert messages["KER112"].endswith("(removed in TF 9.9)")
    assert messages["KER120"].endswith("(removed in Keras 9.9)")


# --- KER221: what to_yaml does, and since when -------------------------------------------------------------


def _method_source(project: str, version: str, module: str, cls: str, name: str):
    import ast

    package = _package(project, version, False)
    found = package.method(package.resolve_dotted(f"{module}.{cls}"), name)
    return None if found is None else ast.unparse(found[1])


def test_to_yaml_effects_are_what_the_releases_do():
    from kerascheck.catalog.saving import TO_YAML_EFFECTS

    assert TO_YAML_EFFECTS[Target.TF_KERAS].since == "TF 2.6"
    assert "yaml.dump" in _method_source("keras", "2.5.0rc0", "keras.engine.training", "Model", "to_yaml")
    for version, module in (("2.6.0", "keras.engine.training"), ("2.15.0", "keras.src.engine.training")):
        raised = _method_source("keras", version, module, "Model", "to_yaml")
        assert "raise RuntimeError" in raised and "has been removed" in raised, version
    assert TO_YAML_EFFECTS[Target.KERAS3].since == "Keras 3.0"
    assert _method_source("keras", "3.0.0", "keras.src.models.model", "Model", "to_yaml") is None


def test_ker221_says_the_effect_and_release_from_the_data(monkeypatch):
    from kerascheck.catalog.saving import TO_YAML_EFFECTS

    source = "from tensorflow import keras\nmodel = keras.Sequential()\ntext = model.to_yaml()\n"
    [finding] = findings_of(source, Target.TF_KERAS, codes={"KER221"})
    assert finding.message == (
        "`model.to_yaml()` raises on target tf.keras: `RuntimeError: Method model.to_yaml() has been removed` "
        "(since TF 2.6)"
    )
    monkeypatch.setitem(TO_YAML_EFFECTS, Target.TF_KERAS, TO_YAML_EFFECTS[Target.TF_KERAS]._replace(since="TF 9.9"))
    [finding] = findings_of(source + "\n", Target.TF_KERAS, codes={"KER221"})
    assert finding.message.endswith("(since TF 9.9)")


# --- KER208: what Keras 3 raises, as it says it ------------------------------------------------------------


def test_ker208_errors_are_the_keras3_texts(real_keras3):
    """Each error KER208 quotes is raised by Keras 3.15.1's saving code, in those words."""
    import inspect

    from kerascheck.catalog import saving

    keras = real_keras3

    assert "save_format" not in inspect.signature(keras.Model.save_weights).parameters
    assert saving.SAVE_WEIGHTS_FORMAT_ERROR.endswith("unexpected keyword argument 'save_format'")
    root = Path(keras.__file__).parent / "src"
    text = "".join(
        (root / path).read_text()
        for path in ("saving/saving_api.py", "models/model.py", "callbacks/model_checkpoint.py")
    )
    quoted = [call.error for call in saving.SAVING_CALLS.values()] + [
        saving.CHECKPOINT_WEIGHTS_ERROR,
        saving.SAVE_FORMAT_ERROR.split(" (")[0],
    ]
    for error in quoted:
        words = error.split(": ", 1)[1].replace("`", "")
        assert words[:40] in text.replace("`", ""), error
    assert "def export(" in (root / "models/model.py").read_text()  # EXPORT_REMEDY


# --- KER502-KER504: the TensorFlow releases they name ------------------------------------------------------


def test_the_first_tensorflow_requiring_keras_3_is_the_requirements_table():
    from kerascheck.catalog import releases

    first = next(row for row in releases.TENSORFLOW_REQUIRES_KERAS if row.keras.startswith(">=3"))
    assert first.tensorflow.split(",")[0] == f">={releases.TENSORFLOW_WITH_KERAS_3}"
    assert releases.KERAS_3_NEEDS_TENSORFLOW == f">={releases.TENSORFLOW_WITH_KERAS_3}"
    assert releases.MULTIBACKEND_BREAKS_ON_TENSORFLOW == f">={releases.TENSORFLOW_BREAKING_MULTIBACKEND}"


def _pin_messages(tmp_path, requirements: str):
    from kerascheck.config import Settings
    from kerascheck.pins import read_pins
    from kerascheck.project import Project

    (tmp_path / "requirements.txt").write_text(requirements)
    project = Project(Settings(), modules=[], pins=read_pins(tmp_path), target_was_chosen=True)
    return {
        code: [finding.message.split(": ", 1)[1] for _, finding in RULES_BY_CODE[code]().check_project(project)]
        for code in ("KER502", "KER503", "KER504")
    }


def test_ker502_to_ker504_name_the_releases_from_the_data(tmp_path, monkeypatch):
    from kerascheck.catalog import releases

    requirements = "keras<3\ntensorflow>=2.16\n"
    assert _pin_messages(tmp_path, requirements)["KER502"] == ["TensorFlow 2.16+ requires Keras 3"]
    assert _pin_messages(tmp_path, "tensorflow==2.15.0\nkeras>=3\n")["KER503"] == [
        "Keras 3 needs TensorFlow 2.16 or newer"
    ]
    assert _pin_messages(tmp_path, "keras==2.2.4\ntensorflow==2.4.0\n")["KER504"] == [
        "multi-backend Keras fails to import on TensorFlow 2.2+"
    ]
    monkeypatch.setattr(releases, "TENSORFLOW_WITH_KERAS_3", "9.16")
    monkeypatch.setattr(releases, "TENSORFLOW_BREAKING_MULTIBACKEND", "9.2")
    assert _pin_messages(tmp_path, requirements)["KER502"] == ["TensorFlow 9.16+ requires Keras 3"]
    assert _pin_messages(tmp_path, "keras==2.2.4\ntensorflow==2.4.0\n")["KER504"] == [
        "multi-backend Keras fails to import on TensorFlow 9.2+"
    ]


# --- KER206: the legacy optimizers' first release ----------------------------------------------------------


def test_legacy_optimizers_since_is_the_first_release_with_them(monkeypatch):
    from kerascheck.catalog import keras1_calls

    (before_version, before), (version, after) = _releases_of(keras1_calls.LEGACY_OPTIMIZERS_SINCE)
    assert not before.is_module("keras.api._v2.keras.optimizers.legacy"), before_version
    assert after.is_module("keras.api._v2.keras.optimizers.legacy"), version
    source = "import tensorflow as tf\ntf.keras.optimizers.SGD(0.1, decay=1e-6)\n"
    [finding] = findings_of(source, Target.TF_KERAS, codes={"KER206"})
    assert finding.fix_title.endswith("(since TF 2.9)")
    monkeypatch.setattr(keras1_calls, "LEGACY_OPTIMIZERS_SINCE", "TF 9.9")
    [finding] = findings_of(source + "\n", Target.TF_KERAS, codes={"KER206"})
    assert finding.fix_title.endswith("(since TF 9.9)")


# --- KER222: the metric keys and the callbacks that read them ----------------------------------------------


def _keras_engine_text(version: str) -> str:
    root = _package("Keras", version, False).root / "keras" / "engine"
    return "".join(path.read_text() for path in sorted(root.glob("training*.py")))


def test_accuracy_is_logged_as_written_since_keras_2_3():
    from kerascheck.catalog.metric_keys import KEYS_RENAMED_IN, OLD_METRIC_KEYS

    assert KEYS_RENAMED_IN == "Keras 2.3"
    assert "suffix = 'acc'" in _keras_engine_text("2.2.5")  # the last release before 2.3.0
    assert "suffix = 'acc'" not in _keras_engine_text("2.3.0")
    assert OLD_METRIC_KEYS == {"acc": "accuracy", "val_acc": "val_accuracy"}


def test_short_metric_names_were_logged_under_their_function_names_until_keras_2_3():
    from kerascheck.catalog.metric_keys import OLD_KEY_OF_METRIC

    assert "metric_name = metric_fn.__name__" in _keras_engine_text("2.2.5")
    assert "We keep the string that the user has set in compile as the metric name." in _keras_engine_text("2.3.0")
    metrics = (_package("Keras", "2.2.4", False).root / "keras" / "metrics.py").read_text()
    for given, old in OLD_KEY_OF_METRIC.items():
        if given != "accuracy":  # the `acc` suffix: the test above
            assert re.search(rf"^(\w+ = )*{given} = (\w+ = )*{old}$", metrics, re.MULTILINE), given


def test_the_old_key_gate_lets_every_old_key_through():
    """KER222 skips a module whose text has none of a few endings before a quote: every old key must end so."""
    from kerascheck.catalog.metric_keys import OLD_KEY_OF_METRIC
    from kerascheck.rules.metrics import _OLD_KEY_ENDS

    for old in set(OLD_KEY_OF_METRIC.values()):
        for quote in "'\"":
            assert any(end in f"h.history['val_{old}{quote}" for end in _OLD_KEY_ENDS), old


@pytest.mark.parametrize("target", list(Target), ids=str)
def test_monitoring_callbacks_take_monitor_mode_and_the_effects_cover_them(target):
    from kerascheck.catalog import api
    from kerascheck.catalog.metric_keys import MISSING_KEY_EFFECTS, MONITORING_CALLBACKS

    for callback in MONITORING_CALLBACKS:
        signature = api.callable_signature(target, callback)
        assert {"monitor", "mode"} <= set(signature.positional), callback
    assert set(MISSING_KEY_EFFECTS[target]) == MONITORING_CALLBACKS


def test_ker222_reads_positions_from_the_api_tables_and_since_from_the_data(monkeypatch):
    """`ModelCheckpoint('b.keras', 'val_acc', 0, True)`: monitor and save_best_only found by position."""
    from kerascheck.catalog import metric_keys
    from kerascheck.rules import metrics

    source = (
        "import keras\nmodel.compile(loss='mse', metrics=['accuracy'])\n"
        "best = keras.callbacks.ModelCheckpoint('b.keras', 'val_acc', 0, True)\n"
    )
    [finding] = findings_of(source, Target.TF_KERAS, codes={"KER222"})
    assert finding.message == (
        "`ModelCheckpoint(monitor='val_acc')` reads `val_acc`, but `metrics=['accuracy']` logs `val_accuracy` "
        f"(since {metric_keys.KEYS_RENAMED_IN}); on target tf.keras "
        "logs 'Can save best model only with val_acc available, skipping' and never saves"
    )
    monkeypatch.setattr(metrics, "KEYS_RENAMED_IN", "Keras 9.9")
    [finding] = findings_of(source + "\n", Target.TF_KERAS, codes={"KER222"})
    assert "(since Keras 9.9)" in finding.message


# --- Keras 1 call facts the rules used to keep: Atrous layers, initializer aliases, get_updates -----------


def _parameters_of(package, dotted: str):
    from tests.keras_sources import parameters

    cls = package.resolve_dotted(dotted)
    return parameters(package.method(cls, "__init__")[1])


def test_atrous_convolutions_are_keras1s_signatures():
    from kerascheck.catalog import api
    from kerascheck.catalog.keras1_calls import ATROUS_CONVOLUTIONS, ATROUS_RATE_KEYWORD

    keras1 = _package("Keras", "1.2.2", True)
    for old, (new, leading) in ATROUS_CONVOLUTIONS.items():
        found = _parameters_of(keras1, f"keras.{old}")
        assert ATROUS_RATE_KEYWORD in found, old
        # nb_filter and the kernel sizes lead (after self), then `init`
        assert found.positional[1 : leading + 1][0] == "nb_filter" and found.positional[leading + 1] == "init", old
        for target in Target:
            assert api.callable_signature(target, f"layers.{new}") is not None, (new, target)


def test_keras1_initializer_aliases_were_functions_of_the_shape_and_are_classes_since_keras_2():
    import ast

    from kerascheck.catalog.keras1_calls import KERAS1_INITIALIZER_ALIASES

    keras1, keras2 = _package("Keras", "1.2.2", True), _package("Keras", "2.2.4", False)
    for canonical in KERAS1_INITIALIZER_ALIASES:
        name = canonical.rsplit(".", 1)[1]
        function = keras1.resolve_dotted(f"keras.initializations.{name}")
        assert isinstance(function.node, ast.FunctionDef) and function.node.args.args[0].arg == "shape", name
        alias = keras2.resolve_dotted(f"keras.{canonical}")
        assert isinstance(alias.node, ast.ClassDef), name


def test_legacy_optimizer_protocol_is_keras_2_2s_and_keras3_drives_update_step(real_keras3):
    import inspect

    from kerascheck.catalog.training import LEGACY_OPTIMIZER_METHOD, MODERN_OPTIMIZER_METHODS, OPTIMIZER_BASES

    keras2 = _package("Keras", "2.2.4", False)
    optimizer = keras2.resolve_dotted("keras.optimizers.Optimizer")
    assert keras2.method(optimizer, LEGACY_OPTIMIZER_METHOD) is not None
    assert not any(keras2.method(optimizer, name) for name in MODERN_OPTIMIZER_METHODS)
    assert "optimizers.Optimizer" in OPTIMIZER_BASES
    assert not hasattr(real_keras3.optimizers.Optimizer, LEGACY_OPTIMIZER_METHOD)
    assert hasattr(real_keras3.optimizers.Optimizer, "update_step")
    learning_rate = inspect.signature(real_keras3.optimizers.Optimizer.__init__).parameters["learning_rate"]
    assert learning_rate.default is inspect.Parameter.empty  # "needs `learning_rate`"


# --- Defaults and the releases behaviours were run on ------------------------------------------------------


def _gru_reset_after_default(project: str, version: str, module: str) -> object:
    import ast

    package = _package(project, version, False)
    init = package.method(package.resolve_dotted(f"{module}.GRU"), "__init__")[1]
    names = [a.arg for a in init.args.args]
    defaults = dict(zip(names[len(names) - len(init.args.defaults) :], init.args.defaults))
    return ast.literal_eval(defaults["reset_after"])


def test_gru_reset_after_was_false_until_the_last_multibackend_keras(real_keras3):
    import inspect

    from kerascheck.catalog.releases import MULTIBACKEND_LAST
    from kerascheck.catalog.training import GRU_RESET_AFTER_FALSE_UNTIL

    assert GRU_RESET_AFTER_FALSE_UNTIL == f"Keras {MULTIBACKEND_LAST}"
    assert _gru_reset_after_default("Keras", "2.2.4", "keras.layers.recurrent") is False
    assert _gru_reset_after_default("Keras", MULTIBACKEND_LAST, "keras.layers.recurrent") is False
    assert _gru_reset_after_default("keras", "2.5.0rc0", "keras.layers.recurrent_v2") is True  # tf.keras's TF2 GRU
    assert inspect.signature(real_keras3.layers.GRU).parameters["reset_after"].default is True


def test_ker324_names_the_release_from_the_data(monkeypatch):
    from kerascheck.catalog import training

    source = "import keras\nlayer = keras.layers.GRU(2)\nmodel.load_weights('w.h5')\n"
    [finding] = findings_of(source, Target.KERAS3, codes={"KER324"})
    assert "Keras <= 2.3.1 saved `reset_after=False` GRUs" in finding.message
    assert finding.fix_title == "Pass `reset_after=False` if the weights come from Keras <= 2.3.1"
    monkeypatch.setattr(training, "GRU_RESET_AFTER_FALSE_UNTIL", "Keras 9.9.9")
    [finding] = findings_of(source + "\n", Target.KERAS3, codes={"KER324"})
    assert "Keras <= 9.9.9 saved" in finding.message


def test_keras3_checked_is_the_installed_keras3_and_messages_say_it(real_keras3, monkeypatch):
    from kerascheck.catalog import releases

    assert real_keras3.__version__ == releases.KERAS3_CHECKED
    source = "import keras\nlayer = keras.layers.Dense(2, name='a/b')\n"
    [finding] = findings_of(source, Target.KERAS3, codes={"KER223"})
    assert "(Keras 3.15.1)" in finding.message
    monkeypatch.setattr(releases, "KERAS3_CHECKED", "3.99.0")
    [finding] = findings_of(source + "\n", Target.KERAS3, codes={"KER223"})
    assert "(Keras 3.99.0)" in finding.message


def test_keras_ops_for_tf_exist_on_both_sides(real_keras3):
    import os
    import subprocess

    from kerascheck.catalog.tf_ops import KERAS_OPS_FOR_TF, TF_OPS_GIVING_VALUES

    assert [op for op in KERAS_OPS_FOR_TF.values() if not callable(getattr(real_keras3.ops, op, None))] == []
    # KER320 follows what a TF op makes of a KerasTensor but for these: Keras's shape is a tuple, its size and ndim
    # KerasTensors (so tf.size and tf.rank are followed)
    symbolic = real_keras3.Input((3,))
    assert "shape" in TF_OPS_GIVING_VALUES and isinstance(real_keras3.ops.shape(symbolic), tuple)
    for followed in ("size", "ndim"):
        assert isinstance(getattr(real_keras3.ops, followed)(symbolic), real_keras3.KerasTensor)
    assert not {"size", "rank"} & TF_OPS_GIVING_VALUES
    python = os.environ.get("KERASCHECK_TF215_PYTHON")
    if not python:
        pytest.skip("no TensorFlow 2.15 Python: set KERASCHECK_TF215_PYTHON (.ci/run builds one)")
    script = (
        "import functools, sys, tensorflow as tf\n"
        "missing = [n for n in sys.argv[1:] if not callable(functools.reduce(getattr, n.split('.'), tf))]\n"
        "print(missing)\n"
    )
    result = subprocess.run(
        [python, "-c", script, *KERAS_OPS_FOR_TF, *TF_OPS_GIVING_VALUES],
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3"),
    )
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr[-2000:]


def test_the_private_copy_message_names_the_release_from_the_data(monkeypatch):
    from kerascheck.catalog import implementations
    from kerascheck.rules.versions import mixing_versions

    # The release itself is read from tensorflow 2.6.0's tensorflow/__init__.py (its source comment); the wheel
    # is too large to fetch here, so this checks that the message follows the data.
    assert implementations.TENSORFLOW_WITH_KERAS_PACKAGE == "2.6"
    assert mixing_versions(True, ("tensorflow==2.10.0",)).endswith("are TF 2.6+")
    monkeypatch.setattr(implementations, "TENSORFLOW_WITH_KERAS_PACKAGE", "9.6")
    assert mixing_versions(True, ("tensorflow==2.10.0",)).endswith("are TF 9.6+")


@pytest.mark.parametrize("target", [Target.TF_KERAS, Target.KERAS3])
def test_get_available_gpus_points_to_what_lists_gpus_on_the_target(target):
    """Held-out probe 17: `K.tensorflow_backend._get_available_gpus()` has no replacement in `keras.backend`; the
    remedy names what lists the GPUs there (each run: TF 2.15.1 `[]`, Keras 3.15.1/JAX `[]` on a CPU, where
    `list_devices('gpu')` raises RuntimeError)."""
    from kerascheck.engine import check_source

    source = "from keras import backend as K\ngpus = K.tensorflow_backend._get_available_gpus()\n"
    (finding,) = [f for f in check_source(source, Settings(target=target)) if f.code == "KER102"]
    assert "_get_available_gpus` is gone from every backend" in (finding.fix_title or "")
    expected = (
        "tf.config.list_logical_devices('GPU')" if target is Target.TF_KERAS else "list_devices() if d.startswith"
    )
    assert expected in (finding.fix_title or "")
    assert "keras.backend`" not in (finding.fix_title or "")  # no "import from keras.backend": it is not there


def test_py_dataset_keywords_are_keras3_pydataset_arguments_and_tf_keras_sequence_has_no_constructor():
    """KER246: what Keras 3's PyDataset takes and tf.keras's Sequence (keras 2.15.0) hands to object.__init__."""
    from kerascheck.catalog.training import PY_DATASET_KEYWORDS
    from tests.keras_sources import Definition

    keras3 = _package("keras", "3.15.1", False)
    dataset = keras3.resolve_dotted("keras.src.trainers.data_adapters.py_dataset_adapter.PyDataset")
    assert isinstance(dataset, Definition)
    found = keras3.method(dataset, "__init__")
    assert found is not None
    assert tuple(argument.arg for argument in found[1].args.args[1:]) == PY_DATASET_KEYWORDS
    keras2 = _package("keras", "2.15.0", False)
    sequence = keras2.resolve_dotted("keras.src.utils.data_utils.Sequence")
    assert isinstance(sequence, Definition)
    assert keras2.method(sequence, "__init__") is None


def test_optimizer_v2_protocol_is_the_legacy_optimizers_and_neither_new_one_has_it():
    """KER329: keras 2.15.0's OptimizerV2 (tf.keras.optimizers.legacy.Optimizer) has each name; the TF 2.11+
    Optimizer of keras 2.15.0 and Keras 3.15.1's have none (``_initial_decay`` is an attribute OptimizerV2 sets)."""
    from kerascheck.catalog.training import OPTIMIZER_V2_METHODS, OPTIMIZER_V2_SELF_NAMES
    from tests.keras_sources import Definition

    keras2, keras3 = _package("keras", "2.15.0", False), _package("keras", "3.15.1", False)
    legacy = keras2.resolve_dotted("keras.src.optimizers.legacy.optimizer_v2.OptimizerV2")
    new2 = keras2.resolve_dotted("keras.src.optimizers.optimizer.Optimizer")
    new3 = keras3.resolve_dotted("keras.src.optimizers.optimizer.Optimizer")
    assert all(isinstance(cls, Definition) for cls in (legacy, new2, new3))
    methods = (OPTIMIZER_V2_METHODS | OPTIMIZER_V2_SELF_NAMES) - {"_initial_decay"}
    assert [name for name in methods if keras2.method(legacy, name) is None] == []
    for package, cls in ((keras2, new2), (keras3, new3)):
        assert [name for name in methods if package.method(cls, name) is not None] == []


_KERAS3_CLASSES = {"Layer": "keras.layers.Layer", "Model": "keras.Model", "Callback": "keras.callbacks.Callback"}


def test_names_read_only_on_keras3_are_properties_without_a_setter_there(real_keras3):
    """Each fact saying Keras 3's class has the name read-only (`Callback.model`, `Layer.trainable_weights`), checked
    on the installed Keras 3: a property with no setter, so ``self.<name> = …`` raises even in a subclass."""
    import importlib

    from kerascheck.catalog.attributes import REPLACED_ATTRIBUTES

    facts = [
        (kind, name)
        for (kind, name), fact in REPLACED_ATTRIBUTES.items()
        if Target.KERAS3 in fact.fails_when_set and not fact.settable_on_self
    ]
    assert ("Callback", "model") in facts
    for kind, name in facts:
        module, _, attribute = _KERAS3_CLASSES[kind].rpartition(".")
        cls = getattr(importlib.import_module(module), attribute)
        found = getattr(cls, name)
        assert isinstance(found, property) and found.fset is None, (real_keras3.__version__, kind, name)


def test_tf_keras_callback_keeps_its_model_as_a_plain_attribute():
    """keras 2.15.0 keras/src/callbacks.py: ``Callback.__init__`` sets ``self.model = None``, and no property of that
    name: a callback's own ``self.model = model`` works on TF 2.15 (Callback.model, fails only on keras3)."""
    package = _package("keras", "2.15.0", False)
    tree = package.tree("keras.src.callbacks")
    callback = next(node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "Callback")
    init = next(node for node in callback.body if isinstance(node, ast.FunctionDef) and node.name == "__init__")
    assigned = [
        target.attr
        for node in ast.walk(init)
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self"
    ]
    assert "model" in assigned
    assert not any(isinstance(node, ast.FunctionDef) and node.name == "model" for node in callback.body)


def test_the_private_copy_on_keras3_is_refused_in_keras3s_words(real_keras3):
    """KER103/KER403 on keras3 quote what Keras 3's Sequential and compile raise for an object of another Keras."""
    from kerascheck.catalog.implementations import KERAS3_OPTIMIZER_ERROR, KERAS3_SEQUENTIAL_ERROR

    keras = real_keras3
    with pytest.raises(ValueError, match=re.escape(KERAS3_SEQUENTIAL_ERROR)):
        keras.Sequential().add(object())
    with pytest.raises(ValueError, match=re.escape(KERAS3_OPTIMIZER_ERROR)):
        keras.optimizers.get(object())
    source = (
        "import tensorflow as tf\nfrom tensorflow.python.keras.layers import Dense\n"
        "m = tf.keras.Sequential([Dense(2)])\n"
    )
    messages = [f.message for f in findings_of(source, Target.KERAS3) if f.code in ("KER103", "KER403")]
    assert messages and all(KERAS3_SEQUENTIAL_ERROR in message for message in messages)
    assert not any("tf.keras itself on TF <= 2.5" in message for message in messages)


def test_keras_1_and_2_names_of_models_and_optimizers_are_gone_from_keras3(real_keras3):
    """`model.output_layers`, `model.layers_by_depth` (public until Keras 2.1) and `optimizer.decay` (Keras 2.2.4 set
    it on every optimizer): none on the installed Keras 3 (TF 2.15.1: tests/data/api_programs/tf_optimizer_decay.py)."""
    from kerascheck.catalog.attributes import REPLACED_ATTRIBUTES

    keras = real_keras3
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    for kind, name, owner in (("Model", "output_layers", model), ("Model", "layers_by_depth", model)):
        assert (kind, name) in REPLACED_ATTRIBUTES and not hasattr(owner, name)
    assert ("Optimizer", "decay") in REPLACED_ATTRIBUTES and not hasattr(keras.optimizers.Adam(), "decay")


def test_int_input_shapes_and_build_shapes_are_keras3s(real_keras3):
    """KER252 quotes what Keras 3 raises for an int shape, on the keywords the table names (TF 2.15.1 takes an int
    there: tests/data/api_programs/tf_int_input_shape.py); KER253: Keras 3 hands `build` a tuple, which has none of
    the TensorShape reads the table rewrites (TF 2.15.1's TensorShape has them: tf_build_tensor_shape.py)."""
    import inspect

    import numpy as np

    from kerascheck.catalog.training import INT_INPUT_SHAPES, INT_SHAPE_ERROR, TENSOR_SHAPE_READS

    keras = real_keras3
    with pytest.raises(ValueError, match=re.escape(INT_SHAPE_ERROR.format(shape=784).partition(": ")[2])):
        keras.Input(shape=784)
    callables = {"layers.Input": keras.Input, "layers.InputLayer": keras.layers.InputLayer}
    for owner, keywords in INT_INPUT_SHAPES.items():  # each positional keyword is the callable's parameter there
        parameters = list(inspect.signature(callables[owner]).parameters)
        assert all(parameters[position] == keyword for keyword, position in keywords if position is not None)
    seen = []

    class Probe(keras.layers.Layer):
        def build(self, input_shape):
            seen.append(input_shape)

        def call(self, inputs):
            return inputs

    Probe()(np.ones((2, 3), "float32"))
    assert type(seen[0]) is tuple and not any(hasattr(seen[0], name) for name in TENSOR_SHAPE_READS)


def test_old_optimizer_config_keys_are_in_no_keras3_optimizer_config(real_keras3):
    """KER217: no Keras 3 optimizer's config has a key the table names, and each has the key the table says holds it
    now (TF 2.15.1: tests/data/api_programs/tf_optimizer_config_*.py raise KeyError there)."""
    from kerascheck.catalog.training import OLD_OPTIMIZER_CONFIG_KEYS

    keras = real_keras3
    for name in ("SGD", "Adam", "RMSprop", "Adagrad", "Adadelta", "Adamax", "Nadam", "Ftrl"):
        config = getattr(keras.optimizers, name)().get_config()
        for old, (new, _, _) in OLD_OPTIMIZER_CONFIG_KEYS.items():
            assert old not in config, (name, old)
            assert new is None or new in config, (name, new)


def test_keras2_model_attributes_kerascheck_replaces_are_gone_from_keras3(real_keras3):
    """The Keras 1/2 attributes of probe 21 that KER120 reports: none is on a built, compiled Keras 3 model, its layer
    or its optimizer (TF 2.15.1: tests/data/api_programs/tf_callback_model.py, and the probe's runs, also trained)."""
    from kerascheck.catalog.attributes import REPLACED_ATTRIBUTES

    keras = real_keras3
    inputs = keras.Input((3,))
    model = keras.Model(inputs, keras.layers.Dense(2, name="d")(inputs))
    model.compile(optimizer="sgd", loss="mse")
    objects = {"Model": model, "Layer": model.get_layer("d"), "Optimizer": model.optimizer}
    names = [("Layer", "constraints"), ("Model", "input_layers"), ("Model", "container_nodes")]
    names += [("Model", "callback_model"), ("Model", "_collected_trainable_weights"), ("Optimizer", "initial_decay")]
    for kind, name in names:
        assert (kind, name) in REPLACED_ATTRIBUTES and not hasattr(objects[kind], name), (kind, name)


def test_optimizer_hyperparameters_are_numbers_that_the_legacy_set_value_refuses(real_keras3):
    """KER254: Keras 3's optimizers keep each named hyperparameter a Python number, and the legacy backend's
    `set_value` (tf.keras.backend on TF >= 2.16) raises the quoted error for one (TF 2.15.1:
    tests/data/api_programs/tf_set_value_momentum.py)."""
    from keras.src.legacy import backend as legacy

    from kerascheck.catalog.training import FLOAT_HYPERPARAMETERS, FLOAT_SET_VALUE_ERROR

    keras = real_keras3
    optimizers = [keras.optimizers.SGD(momentum=0.9), keras.optimizers.Adam(), keras.optimizers.RMSprop()]
    seen = set()
    for optimizer in optimizers:
        for name in FLOAT_HYPERPARAMETERS:
            if hasattr(optimizer, name):
                seen.add(name)
                assert isinstance(getattr(optimizer, name), float), (type(optimizer).__name__, name)
    assert seen == FLOAT_HYPERPARAMETERS
    error, _, message = FLOAT_SET_VALUE_ERROR.partition(": ")
    with pytest.raises(AttributeError, match=re.escape(message)):
        legacy.set_value(optimizers[0].momentum, 0.5)
    assert error == "AttributeError"


def test_keras2_merge_base_is_a_layer_in_the_keras_215_sources():
    """LAYER_BASES names Keras 2's private `_Merge` (KER330 follows layers made from it, WGAN-GP's
    `RandomWeightedAverage`): in keras 2.15.0 it is `class _Merge(Layer)`."""
    from kerascheck.catalog.training import LAYER_BASES
    from tests.keras_sources import SourceUnavailable, wheel_tree

    try:
        source = wheel_tree("keras", "2.15.0") / "keras" / "src" / "layers" / "merging" / "base_merge.py"
    except SourceUnavailable as error:
        pytest.skip(str(error))
    (merge,) = [node for node in ast.parse(source.read_text()).body if getattr(node, "name", "") == "_Merge"]
    assert [ast.unparse(base) for base in merge.bases] == ["Layer"] and "layers._Merge" in LAYER_BASES


def test_weight_attributes_are_what_built_keras3_layers_hold(real_keras3):
    """KER304's WEIGHT_ATTRIBUTES: each is a variable of a built Keras 3 layer (and no unbuilt one has it yet)."""
    from kerascheck.catalog.training import WEIGHT_ATTRIBUTES

    layers = real_keras3.layers
    made = {
        "kernel": (layers.Dense(2), (None, 3)),
        "embeddings": (layers.Embedding(5, 2), (None, 3)),
        "gamma": (layers.BatchNormalization(), (None, 3)),
        "moving_mean": (layers.BatchNormalization(), (None, 3)),
        "depthwise_kernel": (layers.SeparableConv2D(2, 3), (None, 5, 5, 2)),  # (keras 2.15's DepthwiseConv2D too)
    }
    assert set(made) | {"cell"} == WEIGHT_ATTRIBUTES
    for name, (layer, shape) in made.items():
        assert getattr(layer, name, None) is None, name
        layer.build(shape)
        assert isinstance(getattr(layer, name), real_keras3.Variable), name
    assert hasattr(layers.LSTM(2), "cell")


_RATES = """
import inspect, json, sys
import tensorflow as tf
names = json.loads(sys.stdin.read())
print(json.dumps({name: inspect.signature(getattr(tf.keras.optimizers, name.split(".")[-1]).__init__)
                  .parameters["learning_rate"].default for name in names}))
"""


@pytest.mark.slow
def test_default_learning_rates_are_tensorflow_2_15s(tf215_python):
    # KER205 says `Adam(lr=1e-3)` trains as written on tf.keras: the rate it drops is the one it trains with
    run = subprocess.run(
        [tf215_python, "-c", _RATES],
        input=json.dumps(sorted(DEFAULT_LEARNING_RATES_TF215)),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout.strip().splitlines()[-1]) == DEFAULT_LEARNING_RATES_TF215
    assert set(DEFAULT_LEARNING_RATES_TF215) == set(OPTIMIZERS)  # every optimizer KER205 reports
