"""The catalog: facts of the Keras API history, and the lookups rules make over them.

The tables live in ``arguments`` (keywords and positional forms), ``names`` (classes, functions,
methods and module paths) and ``training`` (the training flag, custom layers, optimizers); each fact
cites its source. This module only indexes them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Dict, FrozenSet, Iterable, Iterator, Optional, Tuple, TypeVar, Union

from kerascheck.catalog.arguments import (
    ALIAS_REMOVED_KEYWORDS,
    CHANGED_MEANING_KEYWORDS,
    KEYWORD_OWNER_ALIASES,
    KEYWORD_RENAMES,
    POSITIONAL_FORMS,
    REMOVED_KEYWORDS,
)
from kerascheck.catalog.implementations import VALUE_ONLY_NAMES
from kerascheck.catalog.keras1_calls import (
    DIM_ORDERING_FUNCTIONS,
    DROPPED_KEYWORDS,
    INITIALIZER_FUNCTIONS,
    MERGE_MODES,
    MERGED_KEYWORDS,
    OPS_REPLACEMENTS,
)
from kerascheck.catalog.metric_keys import COMPILE_NAMES
from kerascheck.catalog.model import (
    ModulePath,
    OldKeywordEffect,
    PathKind,
    PositionalForm,
    RemovedMethod,
    RemovedName,
    RenamedName,
    Target,
)
from kerascheck.catalog.names import (
    CANONICAL_OVERRIDES,
    KEPT_IN_TF_COMPAT_V1,
    MODULE_PATHS,
    REMOVED_METHODS,
    REMOVED_NAMES,
    RENAMED_NAMES,
)
from kerascheck.catalog.signatures import (
    SIGNATURE_CHANGED_MEANING_KEYWORDS,
    SIGNATURE_KEYWORD_RENAMES,
    SIGNATURE_OLD_KEYWORD_EFFECTS,
    SIGNATURE_OWNER_TARGETS,
    SIGNATURE_REMOVED_KEYWORDS,
)
from kerascheck.catalog.tf1_names import TF1_NAMES
from kerascheck.catalog.training import (
    DEFAULT_LEARNING_RATES_TF215,
    EPSILON_NONE_ERRORS,
    LAYER_BASES,
    LAYER_MODULES,
    LEGACY_OPTIMIZER_MODULES_ON_TF_KERAS,
    NOT_LAYER_CLASSES,
    OPTIMIZER_KEYWORDS,
    OPTIMIZERS,
    PHASE_CHOOSING_OPS,
    TRAINING_DEPENDENT_LAYERS,
    TRAINING_PHASE_OP_EFFECTS,
    TRAINING_PHASE_OPS,
)
from kerascheck.names import TENSORFLOW, Reference

__all__ = [
    "TF1_NAMES",
    "COMPILE_NAMES",
    "CHANGED_MEANING_KEYWORDS",
    "KEYWORD_RENAMES",
    "POSITIONAL_FORMS",
    "REMOVED_KEYWORDS",
    "DROPPED_KEYWORDS",
    "MERGE_MODES",
    "INITIALIZER_FUNCTIONS",
    "DIM_ORDERING_FUNCTIONS",
    "OPS_REPLACEMENTS",
    "MERGED_KEYWORDS",
    "SIGNATURE_CHANGED_MEANING_KEYWORDS",
    "SIGNATURE_KEYWORD_RENAMES",
    "SIGNATURE_REMOVED_KEYWORDS",
    "CANONICAL_OVERRIDES",
    "KEPT_IN_TF_COMPAT_V1",
    "MODULE_PATHS",
    "REMOVED_METHODS",
    "REMOVED_NAMES",
    "RENAMED_NAMES",
    "LAYER_BASES",
    "LAYER_MODULES",
    "LEGACY_OPTIMIZER_MODULES_ON_TF_KERAS",
    "NOT_LAYER_CLASSES",
    "OPTIMIZER_KEYWORDS",
    "DEFAULT_LEARNING_RATES_TF215",
    "OPTIMIZERS",
    "EPSILON_NONE_ERRORS",
    "TRAINING_DEPENDENT_LAYERS",
    "TRAINING_PHASE_OPS",
    "TRAINING_PHASE_OP_EFFECTS",
    "PHASE_CHOOSING_OPS",
    "canonical_name",
    "modern_name",
    "module_path",
    "is_known_star_name",
    "is_value_only",
    "method_names",
]


def _by_owner(facts) -> Dict[Tuple[str, str], object]:
    table = {}
    for fact in facts:
        key_name = getattr(fact, "old", None) or fact.name
        for owner in fact.owners:
            table[(owner, key_name)] = fact
    return table


KEYWORDS_BY_OWNER: Dict[Tuple[str, str], object] = {
    **_by_owner(REMOVED_KEYWORDS + SIGNATURE_REMOVED_KEYWORDS),
    **_by_owner(CHANGED_MEANING_KEYWORDS + SIGNATURE_CHANGED_MEANING_KEYWORDS),
    **_by_owner(KEYWORD_RENAMES + SIGNATURE_KEYWORD_RENAMES),
}


for _alias, _owner in KEYWORD_OWNER_ALIASES.items():  # MaxPool1D is MaxPooling1D
    KEYWORDS_BY_OWNER.update(
        {(_alias, name): fact for (owner, name), fact in list(KEYWORDS_BY_OWNER.items()) if owner == _owner}
    )
KEYWORDS_BY_OWNER.update(_by_owner(ALIAS_REMOVED_KEYWORDS))


# (target, owner, old keyword) -> what the target does with an old keyword it swallows instead of rejecting.
OLD_KEYWORD_EFFECTS: Dict[Tuple[Target, str, str], OldKeywordEffect] = {
    (effect.target, owner, old): effect
    for (owner, old), effects in SIGNATURE_OLD_KEYWORD_EFFECTS.items()
    for effect in effects
}


def owner_exists(owner: str, target: Target) -> bool:
    """Whether a keyword fact's owner exists on ``target`` (the Keras 1 backend is gone from Keras 3)."""
    return target in SIGNATURE_OWNER_TARGETS.get(owner, (target,))


KEYWORD_OWNERS: FrozenSet[str] = frozenset(owner for owner, _ in KEYWORDS_BY_OWNER)
# Longest form first: Deconvolution2D(f, r, c, output_shape) before Deconvolution2D(f, r, c).
POSITIONAL_BY_OWNER: Dict[str, Tuple[PositionalForm, ...]] = {}
for _form in sorted(POSITIONAL_FORMS, key=lambda form: -len(form.keras1)):
    for _owner in _form.owners:
        POSITIONAL_BY_OWNER[_owner] = POSITIONAL_BY_OWNER.get(_owner, ()) + (_form,)

for _alias, _owner in KEYWORD_OWNER_ALIASES.items():
    if _owner in POSITIONAL_BY_OWNER:
        POSITIONAL_BY_OWNER[_alias] = POSITIONAL_BY_OWNER[_owner]

_PATHS_BY_OLD: Dict[Tuple[str, ...], Tuple[ModulePath, ...]] = {}  # in catalog order
for _path in MODULE_PATHS:
    _PATHS_BY_OLD[tuple(_path.old.split("."))] = _PATHS_BY_OLD.get(tuple(_path.old.split(".")), ()) + (_path,)
_LONGEST_PATH = max(len(old) for old in _PATHS_BY_OLD)


def _paths_through(path: Tuple[str, ...]) -> Iterator[ModulePath]:
    """The module path facts whose old module ``path`` starts with (goes through), longest first."""
    for length in range(min(len(path), _LONGEST_PATH), 0, -1):
        yield from _PATHS_BY_OLD.get(path[:length], ())


def method_names(owners) -> FrozenSet[str]:
    """``{"fit"}`` for owners ``{".fit", "layers.Dense"}``: the methods among catalog owners."""
    return frozenset(owner[1:] for owner in owners if owner.startswith("."))


_Fact = TypeVar("_Fact", RenamedName, RemovedName, RemovedMethod)


def _per_target(facts: Iterable[_Fact]) -> Dict[Tuple[Target, str], _Fact]:
    return {(target, fact.old): fact for fact in facts for target in fact.targets}


RENAMED_BY_TARGET: Dict[Tuple[Target, str], RenamedName] = _per_target(RENAMED_NAMES)
REMOVED_BY_TARGET: Dict[Tuple[Target, str], RemovedName] = _per_target(REMOVED_NAMES)
REMOVED_METHODS_BY_TARGET: Dict[Tuple[Target, str], RemovedMethod] = _per_target(REMOVED_METHODS)

_RENAMED_OR_REMOVED: Dict[Tuple[Target, str], Union[RemovedName, RenamedName]] = {
    **REMOVED_BY_TARGET,
    **RENAMED_BY_TARGET,
}
_MODERN: Dict[Tuple[Target, str], str] = {key: fact.new for key, fact in _RENAMED_OR_REMOVED.items() if fact.new}

# Every canonical name some table speaks of: a star import only supplies these.
KNOWN_NAMES: FrozenSet[str] = frozenset(
    [owner for owner in KEYWORD_OWNERS]
    + list(POSITIONAL_BY_OWNER)
    + [fact.old for fact in RENAMED_NAMES + REMOVED_NAMES]
    + list(LAYER_BASES | OPTIMIZERS | TRAINING_DEPENDENT_LAYERS | TRAINING_PHASE_OPS)
    + list(CANONICAL_OVERRIDES.values())
)


@lru_cache(maxsize=4096)
def module_path(path: Tuple[str, ...], target: Target) -> Optional[ModulePath]:
    """The legacy or private module a path (below the Keras root) goes through, on ``target``."""
    for fact in _paths_through(path):
        if target in fact.targets:
            return fact
    return None


# Private packages that re-export the very objects of a public module: keras 3.15.1
# keras/src/layers/__init__.py (every layer class, ``Layer`` at line 35, and serialize/deserialize) and
# keras/src/models/__init__.py:1-3 (Functional, Model, Sequential); keras 2.15.0 and tf-keras 2.15.1
# keras/src/layers/__init__.py and keras/src/models/__init__.py:18-20. Public ``keras.layers`` and
# ``keras.models`` export the same objects (keras 3.15.1 keras/api/layers/__init__.py imports them from
# keras.src.layers.*), so ``keras.src.layers.Dense`` is ``layers.Dense``. Deeper private paths
# (``keras.src.layers.core.dense``) follow the implementation's layout and are left as written.
PRIVATE_REEXPORTS: Dict[Tuple[str, ...], str] = {("src", "layers"): "layers", ("src", "models"): "models"}


@lru_cache(maxsize=16384)
def canonical_name(reference: Reference) -> str:
    """The public, implementation-independent name: ``layers.Conv2D``, ``models.Model``, ``tf.nn.dropout``."""
    dotted = ".".join(reference.path)
    if reference.implementation == TENSORFLOW:
        return f"tf.{dotted}" if dotted else "tf"
    if dotted in CANONICAL_OVERRIDES:
        return CANONICAL_OVERRIDES[dotted]
    if len(reference.path) == 3 and reference.path[:2] in PRIVATE_REEXPORTS:
        return f"{PRIVATE_REEXPORTS[reference.path[:2]]}.{reference.path[2]}"  # keras.src.layers.Dense
    for fact in _paths_through(reference.path):
        if fact.relocation and fact.kind is PathKind.LEGACY:
            rest = dotted[len(fact.old) :]
            renamed = fact.new + rest
            return CANONICAL_OVERRIDES.get(renamed, renamed)
    return dotted


def modern_name(canonical: str, target: Target) -> str:
    """What replaces a Keras 1 alias or removed class on ``target`` (``layers.Convolution2D`` →
    ``layers.Conv2D``): the owner whose keyword facts apply to a call of it."""
    return _MODERN.get((target, canonical), canonical)


def is_known_star_name(reference: Reference) -> bool:
    return reference.is_keras and canonical_name(reference) in KNOWN_NAMES


def is_value_only(reference: Reference) -> bool:
    """Whether the object is a plain Python/NumPy value or utility (``utils.get_file``): using it mixes no
    Keras objects with another Keras (see ``implementations.VALUE_ONLY_NAMES``)."""
    return _is_value_only_name(canonical_name(reference))


@lru_cache(maxsize=4096)
def _is_value_only_name(name: str) -> bool:
    """A name of the table, or one inside a module the table names (``datasets.``), prefix by prefix."""
    if name in VALUE_ONLY_NAMES:
        return True
    parts = name.split(".")
    if parts[-1].startswith(
        "set_"
    ):  # `backend_config.set_floatx` of TF's private copy sets its own value, not tf.keras's
        return False  # (run on TF 2.15.1: tf.keras.backend.floatx() stays 'float32')
    return any(".".join(parts[:end]) + "." in VALUE_ONLY_NAMES for end in range(1, len(parts) + 1))
