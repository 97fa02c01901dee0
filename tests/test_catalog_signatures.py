"""The signature keyword facts (``kerascheck/catalog/signatures.py``), verified against the real sources.

Keras 1.2.2 (its sdist: Keras 1 never shipped a wheel), Keras 2.2.4 (wheel) and Keras-Preprocessing 1.0.5
(wheel: Keras 2.2.4's ``keras/preprocessing`` re-exports it) are downloaded once and cached by
``tests/keras_sources.py``; skipped without network. They are read with ``ast`` -- nothing is imported.
For every fact:

* renames: the owner took ``old`` in Keras 1.2.2 and takes ``new``, not ``old``, in Keras 2.2.4; where
  Keras 2.2.4 has ``**kwargs`` it pops ``old`` itself (its own word that this is a rename); value
  conversions start from values Keras 1.2.2 accepted, and ``'default'`` -> ``None`` matches both defaults;
* changed-meaning keywords: the same, plus Keras 1.2.2 transposing the kernel where Keras 2.2.4 does not;
* removed keywords: present in Keras 1.2.2, absent from Keras 2.2.4 (which has no ``**kwargs`` there).

Then, against keras 2.15.0 (tf.keras) and keras 3.15.1 wheels, the recorded targets: the owner exists
where ``SIGNATURE_OWNER_TARGETS`` says, takes the new keyword, and rejects the old one unless
``SIGNATURE_OLD_KEYWORD_EFFECTS`` says it is still swallowed.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import List, Optional, Set, Tuple

import pytest

from kerascheck.catalog.arguments import CHANGED_MEANING_KEYWORDS, KEYWORD_RENAMES, REMOVED_KEYWORDS
from kerascheck.catalog.model import Target
from kerascheck.catalog.signatures import (
    SIGNATURE_CHANGED_MEANING_KEYWORDS,
    SIGNATURE_KEYWORD_RENAMES,
    SIGNATURE_OLD_KEYWORD_EFFECTS,
    SIGNATURE_OWNER_TARGETS,
    SIGNATURE_OWNERS_KEPT_IN_TF_KERAS,
    SIGNATURE_REMOVED_KEYWORDS,
)
from tests.conftest import fail_listing
from tests.keras_sources import (
    Definition,
    Parameters,
    SourceUnavailable,
    StaticPackage,
    parameters,
    sdist_tree,
    wheel_tree,
)

# Keras 1.2.2 homes of owners whose canonical (Keras 2) name is elsewhere.
KERAS1_PATHS = {
    "utils.to_categorical": "keras.utils.np_utils.to_categorical",
    "utils.normalize": "keras.utils.np_utils.normalize",
}
BACKEND_MODULE = "keras.backend.tensorflow_backend"

# Keras 1.2.2 sources hold Python 2 era string escapes ('\w'): parsing them warns, harmlessly.
pytestmark = [
    pytest.mark.filterwarnings("ignore:invalid escape sequence:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:invalid escape sequence:SyntaxWarning"),
]

ALL_FACTS = SIGNATURE_KEYWORD_RENAMES + SIGNATURE_CHANGED_MEANING_KEYWORDS + SIGNATURE_REMOVED_KEYWORDS


class Trees(StaticPackage):
    """A ``StaticPackage`` over several roots: Keras 2.2.4 imports ``keras_preprocessing`` from another wheel."""

    def __init__(self, *roots: Path):
        super().__init__(roots[0])
        self.roots = [Path(root) for root in roots]

    def module_file(self, module: str) -> Optional[Path]:
        for root in self.roots:
            base = root.joinpath(*module.split("."))
            for candidate in (base / "__init__.py", base.with_suffix(".py")):
                if candidate.is_file():
                    return candidate
        return None


def _get(fetch, project: str, version: str) -> Path:
    try:
        return fetch(project, version)
    except SourceUnavailable as error:
        pytest.skip(f"{project}=={version} sources unavailable (offline?): {error}")


@pytest.fixture(scope="module")
def keras1() -> StaticPackage:
    return StaticPackage(_get(sdist_tree, "Keras", "1.2.2"))


@pytest.fixture(scope="module")
def keras2() -> StaticPackage:
    return Trees(_get(wheel_tree, "keras", "2.2.4"), _get(wheel_tree, "Keras_Preprocessing", "1.0.5"))


@pytest.fixture(scope="module")
def tf_keras() -> StaticPackage:
    return StaticPackage(_get(wheel_tree, "keras", "2.15.0"))


@pytest.fixture(scope="module")
def keras3() -> StaticPackage:
    return StaticPackage(_get(wheel_tree, "keras", "3.15.1"))


# -------------------------------------------------------------------------------------------------
# Reading signatures
# -------------------------------------------------------------------------------------------------


def keras1_path(owner: str) -> str:
    if owner.startswith("backend."):
        return f"{BACKEND_MODULE}.{owner[len('backend.') :]}"
    return KERAS1_PATHS.get(owner, f"keras.{owner}")


def keras2_path(owner: str) -> str:
    if owner.startswith("backend."):
        return f"{BACKEND_MODULE}.{owner[len('backend.') :]}"
    return f"keras.{owner}"


def function_of(package: StaticPackage, dotted: str) -> Optional[Tuple[Definition, ast.FunctionDef]]:
    """The ``def`` a call of ``dotted`` runs (a class's ``__init__``), with where it is defined."""
    found = package.resolve_dotted(dotted)
    if not isinstance(found, Definition):
        return None
    if isinstance(found.node, ast.ClassDef):
        method = package.method(found, "__init__")
        return (method[0], method[1]) if method else None
    if isinstance(found.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return found, found.node
    return None


def signature(package: StaticPackage, dotted: str) -> Parameters:
    found = function_of(package, dotted)
    assert found is not None, f"{dotted}: no class or function found"
    return parameters(found[1])


def default_of(function: ast.FunctionDef, name: str):
    """The literal default of parameter ``name``; a sentinel when it has none."""
    arguments = function.args
    positional = list(getattr(arguments, "posonlyargs", [])) + list(arguments.args)
    defaults = [None] * (len(positional) - len(arguments.defaults)) + list(arguments.defaults)
    pairs = list(zip(positional, defaults)) + list(zip(arguments.kwonlyargs, arguments.kw_defaults))
    for argument, default in pairs:
        if argument.arg == name:
            return ast.literal_eval(default) if default is not None else NO_DEFAULT
    raise KeyError(name)


NO_DEFAULT = object()


def string_constants(package: StaticPackage, definition: Definition, function: ast.FunctionDef) -> Set[str]:
    """String literals in ``function`` and in the module-level functions of its module it calls."""
    tree = package.tree(definition.module)
    helpers = {s.name: s for s in tree.body if isinstance(s, ast.FunctionDef)}
    found: Set[str] = set()
    for node in [function] + [
        helpers[call.func.id]
        for call in ast.walk(function)
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in helpers
    ]:
        found |= {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    return found


def _pairs(facts) -> List[Tuple[str, str, object]]:
    return [(owner, getattr(fact, "old", None) or fact.name, fact) for fact in facts for owner in fact.owners]


# -------------------------------------------------------------------------------------------------
# The tables themselves
# -------------------------------------------------------------------------------------------------


def test_no_fact_is_repeated_here_or_in_the_interfaces_catalog():
    interfaces = {
        (owner, key) for owner, key, _ in _pairs(KEYWORD_RENAMES + CHANGED_MEANING_KEYWORDS + REMOVED_KEYWORDS)
    }
    pairs = [(owner, key) for owner, key, _ in _pairs(ALL_FACTS)]
    assert len(pairs) == len(set(pairs)), "an (owner, keyword) appears twice in catalog/signatures.py"
    assert not set(pairs) & interfaces, f"already in catalog/arguments.py: {sorted(set(pairs) & interfaces)}"


def test_every_source_cites_both_versions_and_every_owner_has_targets():
    for fact in ALL_FACTS:
        assert "Keras 1.2.2" in fact.source and "Keras 2.2.4" in fact.source, fact
        for owner in fact.owners:
            assert Target.TF_KERAS in SIGNATURE_OWNER_TARGETS[owner], owner
    owners = {owner for fact in ALL_FACTS for owner in fact.owners}
    assert set(SIGNATURE_OWNER_TARGETS) == owners
    assert SIGNATURE_OWNERS_KEPT_IN_TF_KERAS <= owners
    renamed = {(owner, fact.old) for fact in SIGNATURE_KEYWORD_RENAMES for owner in fact.owners}
    assert set(SIGNATURE_OLD_KEYWORD_EFFECTS) <= renamed


# -------------------------------------------------------------------------------------------------
# Against Keras 1.2.2 and Keras 2.2.4
# -------------------------------------------------------------------------------------------------


def test_renamed_keywords_against_keras1_and_keras2(keras1, keras2):
    problems = []
    for owner, old, fact in _pairs(SIGNATURE_KEYWORD_RENAMES + SIGNATURE_CHANGED_MEANING_KEYWORDS):
        before = signature(keras1, keras1_path(owner))
        after_found = function_of(keras2, keras2_path(owner))
        if old not in before:
            problems.append(f"{owner}({old}=): Keras 1.2.2 {keras1_path(owner)} has no `{old}`")
        if after_found is None:
            problems.append(f"{owner}: not found in Keras 2.2.4 as {keras2_path(owner)}")
            continue
        definition, function = after_found
        after = parameters(function)
        if fact.new not in after:
            problems.append(f"{owner}({old}=) -> {fact.new}=: Keras 2.2.4 {definition.qualname} has no `{fact.new}`")
        if old in after:
            problems.append(f"{owner}({old}=): Keras 2.2.4 {definition.qualname} still has `{old}`")
        if after.varkw and old not in string_constants(keras2, definition, function):
            # Keras 2.2.4 swallows **kwargs here: it must pop `old` itself, as its own word for the rename.
            problems.append(
                f"{owner}({old}=): Keras 2.2.4 {definition.qualname} takes **kwargs but never names `{old}`"
            )
    fail_listing("signature renames that Keras 1.2.2 / 2.2.4 do not bear out", problems)


def test_value_conversions_start_from_keras1_values(keras1, keras2):
    problems = []
    for owner, old, fact in _pairs(SIGNATURE_KEYWORD_RENAMES):
        if not fact.values:
            continue
        definition, function = function_of(keras1, keras1_path(owner))
        accepted = string_constants(keras1, definition, function)
        for before, _ in fact.values:
            # Keras 1.2.2's image iterators test only `== 'tf'`: 'th' is every other value.
            implicit = before == "th" and "tf" in accepted
            if before not in accepted and not implicit:
                problems.append(f"{owner}({old}={before!r}): Keras 1.2.2 {definition.qualname} never mentions it")
        converts_default = ("default", None) in fact.values
        if converts_default != (default_of(function, old) == "default"):
            problems.append(f"{owner}({old}=): Keras 1.2.2 default is {default_of(function, old)!r}")
        new_definition, new_function = function_of(keras2, keras2_path(owner))
        if converts_default and default_of(new_function, fact.new) is not None:
            problems.append(f"{owner}({fact.new}=): Keras 2.2.4 default is not None")
    fail_listing("value conversions without a Keras 1.2.2 source", problems)


def test_changed_meaning_keywords_changed_the_kernel_layout(keras1, keras2):
    """Keras 1.2.2 transposed a 'th' kernel in these functions; Keras 2.2.4 does not."""
    for owner, _old, _fact in _pairs(SIGNATURE_CHANGED_MEANING_KEYWORDS):
        for package, path, expected in ((keras1, keras1_path(owner), True), (keras2, keras2_path(owner), False)):
            _, function = function_of(package, path)
            calls = {
                call.func.id
                for call in ast.walk(function)
                if isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
            }
            transposes = any(name.startswith("_preprocess_conv") and name.endswith("_kernel") for name in calls)
            assert transposes is expected, f"{path}: kernel transposed={transposes}"


def test_removed_keywords_against_keras1_and_keras2(keras1, keras2):
    problems = []
    for owner, name, _ in _pairs(SIGNATURE_REMOVED_KEYWORDS):
        before = signature(keras1, keras1_path(owner))
        after = signature(keras2, keras2_path(owner))
        if name not in before:
            problems.append(f"{owner}({name}=): not in Keras 1.2.2")
        if name in after or after.varkw:
            problems.append(f"{owner}({name}=): Keras 2.2.4 still accepts it")
    fail_listing("removed keywords that Keras 1.2.2 / 2.2.4 do not bear out", problems)


# -------------------------------------------------------------------------------------------------
# Against the targets: keras 2.15.0 (tf.keras) and keras 3.15.1
# -------------------------------------------------------------------------------------------------


def _target_problems(package: StaticPackage, target: Target, path: str, owner: str) -> List[str]:
    found = function_of(package, path)
    if found is None:
        return [f"{owner}: {path} not found"]
    definition, function = found
    accepted = parameters(function)
    problems = []
    for fact in SIGNATURE_KEYWORD_RENAMES + SIGNATURE_CHANGED_MEANING_KEYWORDS:
        if owner not in fact.owners:
            continue
        if fact.new not in accepted:
            problems.append(f"{owner}: {definition.qualname} has no `{fact.new}`")
        effects = {effect.target: effect.effect for effect in SIGNATURE_OLD_KEYWORD_EFFECTS.get((owner, fact.old), ())}
        if fact.old in accepted:
            problems.append(f"{owner}: {definition.qualname} still has `{fact.old}`")
        elif accepted.varkw and target not in effects:
            problems.append(f"{owner}: {definition.qualname} swallows **kwargs, `{fact.old}` may pass silently")
        elif target in effects and not accepted.varkw:
            problems.append(f"{owner}: {definition.qualname} rejects `{fact.old}`, yet an effect is recorded")
        elif target in effects and "warning" in effects[target]:
            if fact.old not in string_constants(package, definition, function):
                problems.append(f"{owner}: {definition.qualname} does not name `{fact.old}` (no warning)")
    for fact in SIGNATURE_REMOVED_KEYWORDS:
        if owner in fact.owners and (fact.name in accepted or accepted.varkw):
            problems.append(f"{owner}: {definition.qualname} accepts `{fact.name}`")
    return problems


def test_targets_tf_keras(tf_keras):
    problems = []
    for owner in SIGNATURE_OWNER_TARGETS:
        problems += _target_problems(tf_keras, Target.TF_KERAS, f"keras.api._v2.keras.{owner}", owner)
    fail_listing("keras 2.15.0 (tf.keras) disagrees with the recorded targets", problems)


def test_targets_keras3(keras3):
    problems = []
    for owner, targets in SIGNATURE_OWNER_TARGETS.items():
        public = f"keras.{owner}"
        if Target.KERAS3 in targets:
            problems += _target_problems(keras3, Target.KERAS3, public, owner)
        elif function_of(keras3, public) is not None:
            problems.append(f"{owner}: recorded as absent from Keras 3, but {public} exists")
        if owner in SIGNATURE_OWNERS_KEPT_IN_TF_KERAS:
            problems += _target_problems(keras3, Target.KERAS3, f"keras._tf_keras.keras.{owner}", owner)
    fail_listing("keras 3.15.1 disagrees with the recorded targets", problems)


# -------------------------------------------------------------------------------------------------
# The effects KER201 reports, run on the real Keras 3 (this Python) and TensorFlow 2.15's keras 2.15
# -------------------------------------------------------------------------------------------------

# imdb.load_data on a two-review file (get_file is pointed at it: no download) with nb_words=10, and
# ReduceLROnPlateau(epsilon=0.5): prints what was loaded, min_delta and what Keras logged or warned.
_SWALLOWED_PROBE = """
import json, logging, os, sys, tempfile, warnings
import numpy as np
said = []
class _Said(logging.Handler):
    def emit(self, record):
        said.append(record.getMessage())
logging.getLogger().addHandler(_Said())
warnings.simplefilter("always")
warnings.showwarning = lambda message, *args, **kwargs: said.append(str(message))
path = os.path.join(tempfile.mkdtemp(), "imdb.npz")
reviews = np.empty(2, dtype=object)
reviews[0], reviews[1] = [5, 50], [7, 70]
np.savez(path, x_train=reviews, y_train=np.array([0, 1]), x_test=reviews, y_test=np.array([0, 1]))
from keras.src.datasets import imdb
imdb.get_file = lambda *args, **kwargs: path
(x_train, _), _ = imdb.load_data(nb_words=10)
words = sorted({int(word) for review in x_train for word in review})
from keras.callbacks import ReduceLROnPlateau
min_delta = ReduceLROnPlateau(epsilon=0.5).min_delta
sys.stdout.write("\\nRESULT " + json.dumps({"words": words, "min_delta": min_delta, "said": said}) + "\\n")
"""


def _swallowed(python: str) -> dict:
    import json
    import os
    import subprocess

    env = dict(os.environ, KERAS_BACKEND="numpy", TF_CPP_MIN_LOG_LEVEL="3")
    done = subprocess.run([python, "-c", _SWALLOWED_PROBE], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.rsplit("\nRESULT ", 1)[1])


def _effect(owner: str, old: str, target: Target) -> Optional[str]:
    return next((e.effect for e in SIGNATURE_OLD_KEYWORD_EFFECTS.get((owner, old), ()) if e.target is target), None)


@pytest.mark.slow
def test_swallowed_keywords_on_keras3(keras3_python):
    """nb_words= and epsilon= do nothing on Keras 3: the word index 53 (50 + index_from) survives
    nb_words=10, min_delta keeps its default, and nothing is said -- as the recorded effects claim."""
    found = _swallowed(keras3_python)
    ignored = 53 in found["words"] and found["min_delta"] == 1e-4 and not found["said"]
    assert ignored == (
        "silently ignored" in _effect("datasets.imdb.load_data", "nb_words", Target.KERAS3)
        and "silently ignored" in _effect("callbacks.ReduceLROnPlateau", "epsilon", Target.KERAS3)
    ), found


@pytest.mark.slow
def test_swallowed_keywords_on_tf_keras(tf215_python):
    """keras 2.15 (TensorFlow 2.15) applies nb_words= and epsilon= and warns about both."""
    found = _swallowed(tf215_python)
    applied = 53 not in found["words"] and found["min_delta"] == 0.5
    warned = any("nb_words" in text for text in found["said"]) and any("epsilon" in text for text in found["said"])
    assert applied and warned, found
    for owner, old in (("datasets.imdb.load_data", "nb_words"), ("callbacks.ReduceLROnPlateau", "epsilon")):
        assert "deprecation warning" in _effect(owner, old, Target.TF_KERAS)


@pytest.mark.parametrize("target", list(Target), ids=str)
def test_ker201_says_what_the_target_does_with_a_swallowed_keyword(target):
    from kerascheck.catalog import owner_exists
    from tests.conftest import findings_of

    root = "import keras\nkeras" if target is Target.KERAS3 else "import tensorflow as tf\ntf.keras"
    said = 0
    for owner, old in SIGNATURE_OLD_KEYWORD_EFFECTS:
        effect = _effect(owner, old, target)
        if effect is None or not owner_exists(owner, target):
            continue
        findings = [f for f in findings_of(f"{root}.{owner}({old}=1)\n", target) if f.code == "KER201"]
        assert len(findings) == 1 and findings[0].message.endswith(f"; on target {target} it {effect}"), findings
        said += 1
    assert said >= 2
