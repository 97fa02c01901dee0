"""The shapes of the catalog's facts.

Every fact is plain frozen data: it can be listed, counted, verified against the real packages and
rendered into documentation. Rules read these tables; they never spell out a Keras fact themselves.

Names are *canonical*: the public dotted path below the Keras root, the same whichever Keras
implementation (standalone ``keras``, ``tf.keras``, ``tf_keras``) the module imported it from, e.g.
``layers.Conv2D``, ``models.Model``, ``backend.learning_phase``. A method is written with a leading dot
(``.fit_generator``): it matches that method on any receiver, in a module that imports Keras.
"""

from __future__ import annotations

from enum import Enum
from typing import FrozenSet, Optional, Tuple, Union

from kerascheck.record import Record

Literal = Union[str, int, float, bool, None]


class Target(str, Enum):
    """What the checked code is meant to run on."""

    TF_KERAS = "tf.keras"  # TensorFlow 2.x with its Keras 2 (tf.keras, keras 2.x, tf_keras)
    KERAS3 = "keras3"  # Keras 3, standalone or as tf.keras in TensorFlow >= 2.16

    def __str__(self) -> str:  # shown in messages: "target tf.keras"
        return self.value

    # Enum hashes its members in Python; every catalog table is keyed by (target, name), so hash as
    # the str it is (in C, and consistent with ``Target.KERAS3 == "keras3"``).
    __hash__ = str.__hash__
    __format__ = str.__format__  # type: ignore[assignment]  # "{target}" in a message: the value, formatted in C


BOTH = frozenset({Target.TF_KERAS, Target.KERAS3})
ONLY_TF_KERAS = frozenset({Target.TF_KERAS})
ONLY_KERAS3 = frozenset({Target.KERAS3})


def removed_note(target: Target, removed_in: Optional[str]) -> str:
    """ " (removed in <release>)" where the target comes after that release, else "".

    tf.keras is Keras 2 (TensorFlow <= 2.15): a Keras 3 release never removed anything from it."""
    if not removed_in or (target is Target.TF_KERAS and removed_in.startswith("Keras 3")):
        return ""
    return f" (removed in {removed_in})"


class KeywordRename(Record):
    """A keyword that Keras 2 renamed; the old spelling is rejected by tf.keras and Keras 3.

    ``values`` maps old literal values to new ones (``dim_ordering='th'`` → ``'channels_first'``);
    a value missing from the map is kept as written.
    """

    owners: Tuple[str, ...]
    old: str
    new: str
    source: str
    values: Tuple[Tuple[Literal, Literal], ...] = ()


class OldKeywordEffect(Record):
    """What a target does with an old keyword that it does not reject (``**kwargs`` swallows it).

    ``effect`` completes "on target {target} it …" in a message.
    """

    target: Target
    effect: str
    source: str
    honoured: bool = False  # the target still does what the keyword says (with a deprecation warning)


class RemovedKeyword(Record):
    """A keyword with no Keras 2 equivalent; ``guideline`` says what to do instead."""

    owners: Tuple[str, ...]
    name: str
    guideline: str
    source: str
    # Targets that still take it (and do what Keras 1 did), with ``accepted_with`` given too when that is set
    accepted_on: FrozenSet[Target] = frozenset()
    accepted_with: Optional[str] = None


class ChangedMeaningKeyword(Record):
    """A keyword renamed *and* re-defined: the value must be recomputed, so the fix is unsafe."""

    owners: Tuple[str, ...]
    old: str
    new: str
    guideline: str
    source: str


class PositionalForm(Record):
    """A Keras 1 positional signature whose extra positionals mean something else in Keras 2.

    ``keras1`` names the Keras 1 positional parameters, ``keras2`` the parameters the same positions
    bind today; ``merge`` is the slice of positions that Keras 2 folds into one tuple argument
    (``Conv2D(64, 3, 3)`` → ``Conv2D(64, (3, 3))``: positions 1..2 become ``kernel_size``).
    """

    owners: Tuple[str, ...]
    keras1: Tuple[str, ...]
    keras2: Tuple[str, ...]
    merge: Tuple[int, int]
    source: str


class RenamedName(Record):
    """A class or function whose Keras 1 spelling is still an alias (``Convolution2D`` → ``Conv2D``)."""

    old: str
    new: str
    source: str
    targets: frozenset = BOTH
    # Whose name ``old`` was ("Keras 1": the class's own name there); None: never a class's own name,
    # an alias added later in the Keras 1 spelling (``SeparableConvolution1D``).
    origin: Optional[str] = "Keras 1"
    # The release that renamed it (``origin`` set) or added the alias (``origin`` None); None where the
    # sources read do not show one. Checked by tests/test_catalog_facts.py.
    since: Optional[str] = None


class RemovedName(Record):
    """A class or function that does not exist on the target: an ImportError or AttributeError.

    ``new`` is a drop-in replacement when one exists; ``guideline`` says what to write otherwise.
    """

    old: str
    new: Union[str, None]
    guideline: str
    source: str
    targets: frozenset = BOTH
    # Gone from standalone Keras 3 but still in ``keras/_tf_keras/keras``, which TensorFlow >= 2.16
    # serves as ``tf.keras``: reached through tf.keras, the name still works on the keras3 target.
    kept_in_tf_keras: bool = False
    # The release that removed it: the first without it after the last with it ("Keras 2.0",
    # "Keras 2.2.5", "TF 2.9", "Keras 3.0"); None where the sources read do not show one release
    # (a multi-backend name that tf.keras never had). Checked by tests/test_catalog_facts.py.
    removed_in: Optional[str] = None


class RemovedMethod(Record):
    """A model method removed or deprecated on the target (``fit_generator`` → ``fit``)."""

    old: str
    new: Union[str, None]
    guideline: str
    source: str
    targets: frozenset = BOTH
    # A method Keras itself calls on user subclasses (a hook such as ``compute_output_shape``), so
    # defining it under the old name is dead code; ``fit_generator`` is called by users, not Keras.
    hook: bool = False
    # The release that removed it (as ``RemovedName.removed_in``); for the ``*_generator`` methods, which
    # tf.keras only deprecated, "Keras 3.0".
    removed_in: Optional[str] = None
    # Per target, why the new method may not take what the old one did (Keras 3's ``predict`` wants a
    # generator of tuples where ``predict_generator`` took bare arrays): the rename is offered there as an
    # unsafe fix, with the reason after the guideline.
    inexact_on: Tuple[Tuple[Target, str], ...] = ()


class PathKind(str, Enum):
    LEGACY = "legacy"  # an old public module, gone or aliased since
    PRIVATE = "private"  # an implementation module that was never public API


class ModulePath(Record):
    """A module path that should not be imported from; ``new`` is the public module to use."""

    old: str
    new: str
    kind: PathKind
    source: str
    targets: frozenset = BOTH
    # Whether the names below ``old`` are the very objects found at the same place below ``new``
    # (``layers.convolutional.Conv2D`` is ``layers.Conv2D``). Only then may a name be canonicalised
    # through the path or an import be rewritten; ``optimizers.legacy.Adam`` is not ``optimizers.Adam``.
    relocation: bool = True


class OptimizerKeyword(Record):
    """An optimizer keyword whose fate depends on the target (``lr``, ``decay``)."""

    name: str
    new: Union[str, None]
    effect: Tuple[Tuple[Target, str], ...]  # per target: what happens at run time
    guideline: str
    source: str
