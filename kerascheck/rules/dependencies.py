"""KER5xx: dependency pins — keras / tensorflow / tf-keras versions that cannot install or run together
(FIELD-NOTES B.4), pins that contradict the Keras target, and requirement lines that cannot be read.

A pair of pins is reported only when *no* release each admits works with any release the other
admits; the explanation is given for the newest pair, which is what pip would pick.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional, Tuple

from kerascheck.catalog import releases
from kerascheck.catalog.releases import (
    KERAS_3,
    KERAS_3_NEEDS_TENSORFLOW,
    KERAS_RELEASES,
    MULTIBACKEND_BREAKS_ON_TENSORFLOW,
    MULTIBACKEND_KERAS,
    TENSORFLOW_RELEASES,
    TENSORFLOW_REQUIRES_KERAS,
    TF_KERAS_RELEASES,
    TF_KERAS_REQUIRES_TENSORFLOW,
    TensorflowRequirement,
)
from kerascheck.context import Project
from kerascheck.findings import Finding
from kerascheck.isolation import trusted_import
from kerascheck.pins import Pin, admits, decide
from kerascheck.record import Record
from kerascheck.rules.base import Invalid, Rule, Severity, Valid

if TYPE_CHECKING:
    from packaging.specifiers import SpecifierSet
    from packaging.version import Version

KER501, KER502, KER503, KER504 = "KER501", "KER502", "KER503", "KER504"


@cache
def _specifier(text: str) -> SpecifierSet:
    return trusted_import("packaging.specifiers").SpecifierSet(text)  # only when pins are checked


@cache
def _version(text: str) -> Version:
    return trusted_import("packaging.version").Version(text)


def _minor(version: Version) -> Tuple[int, int]:
    return version.major, version.minor


def keras_tensorflow_problem(keras: Version, tensorflow: Version) -> Optional[str]:
    """Which rule a (keras, tensorflow) pair breaks, or None if they work together."""
    if keras in _specifier(MULTIBACKEND_KERAS) and tensorflow in _specifier(MULTIBACKEND_BREAKS_ON_TENSORFLOW):
        return KER504
    keras3 = _specifier(KERAS_3).contains(keras, prereleases=True)
    if keras3 and tensorflow not in _specifier(KERAS_3_NEEDS_TENSORFLOW):
        return KER503
    for requirement in TENSORFLOW_REQUIRES_KERAS:
        if tensorflow in _specifier(requirement.tensorflow):
            if _specifier(requirement.keras).contains(keras, prereleases=True):
                return None
            return KER502 if _specifier(requirement.keras).contains(_version("3.99"), prereleases=True) else KER501
    return None


def _newest(versions: Tuple[str, ...]) -> Version:
    return max(_version(version) for version in versions)


def pair_problem(keras: Pin, tensorflow: Pin) -> Optional[str]:
    """The rule two pins break when no admitted pair of releases works; else None."""
    keras_versions, tensorflow_versions = admits(keras, KERAS_RELEASES), admits(tensorflow, TENSORFLOW_RELEASES)
    if not keras_versions or not tensorflow_versions:
        return None  # a pin that admits no known release says nothing here
    if any(
        keras_tensorflow_problem(_version(k), _version(t)) is None for k in keras_versions for t in tensorflow_versions
    ):
        return None
    return keras_tensorflow_problem(_newest(keras_versions), _newest(tensorflow_versions))


@lru_cache(maxsize=64)
def _lines(path: Path) -> Tuple[str, ...]:
    try:
        return tuple(path.read_text(encoding="utf-8", errors="replace").splitlines())
    except OSError:
        return ()


def _span(path: Path, line: int) -> Tuple[int, int, int, int]:
    lines = _lines(path)
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return line, len(text) - len(text.lstrip()), line, len(text.rstrip())


def _pairs(project: Project, first: str, second: str) -> Iterator[Tuple[Pin, Pin]]:
    for a in project.pins.pins:
        for b in project.pins.pins:
            if (
                a.name == first
                and b.name == second
                and str(a.requirement.specifier)
                and str(b.requirement.specifier)
                and a.installed_with(b)
            ):
                yield a, b


def _later(a: Pin, b: Pin) -> Tuple[Pin, Pin]:
    """(the pin reported on, the other): the later one in file order."""
    return (b, a) if (str(a.path), a.line) <= (str(b.path), b.line) else (a, b)


class _PairRule(Rule):
    """Report keras / tensorflow pin pairs that break this rule's condition."""

    example_ok = ""

    def check_project(self, project: Project) -> Iterator[Tuple[str, Finding]]:
        for keras, tensorflow in _pairs(project, "keras", "tensorflow"):
            if pair_problem(keras, tensorflow) != self.code:
                continue
            here, other = _later(keras, tensorflow)
            tf_minor = _minor(_newest(admits(tensorflow, TENSORFLOW_RELEASES)))
            yield (
                str(here.path),
                self.finding_at(
                    project.settings.target,
                    *_span(here.path, here.line),
                    this=str(here.requirement),
                    other=str(other.requirement),
                    where=other.where,
                    keras=str(keras.requirement),
                    tensorflow=str(tensorflow.requirement),
                    tf_minor=f"{tf_minor[0]}.{tf_minor[1]}",
                    keras3_tensorflow=releases.TENSORFLOW_WITH_KERAS_3,
                    multibackend_tensorflow=releases.TENSORFLOW_BREAKING_MULTIBACKEND,
                ),
            )


class KerasTensorflowMinorMismatch(_PairRule):
    """## What it does
    Finds a `keras` 2.x pin whose minor version differs from the `tensorflow` pin's (TF 2.6–2.15).

    ## Why is this bad?
    From TF 2.6, tf.keras *is* the `keras` package, and TF 2.7–2.15 require the matching minor
    (`keras <2.(X+1),>=2.X`): pip refuses the combination, or, with TF 2.6's loose `keras ~=2.6`,
    installs a newer keras that TensorFlow fails to import.

    ## Example
    ```text
    tensorflow==2.12.0
    keras==2.15.0
    ```

    ## Use instead
    ```text
    tensorflow==2.12.0
    keras~=2.12.0
    ```

    ## Fix safety
    None: the message names a pin that works.
    """

    code = KER501
    name = "keras-tensorflow-minor-mismatch"
    message = "`{this}` cannot be used with `{other}` ({where}): TensorFlow {tf_minor} needs keras {tf_minor}.x"
    fix_title = "Pin `keras~={tf_minor}.0`"
    severity = Severity.ERROR
    valid = (Valid("tensorflow==2.12.0\nkeras~=2.12.0\n"), Valid("tensorflow>=2.10\nkeras==2.15.0\n"))
    invalid = (Invalid("tensorflow==2.12.0\nkeras==2.15.0\n", at=((2, 0),)),)


class Keras2WithTensorflow216(_PairRule):
    """## What it does
    Finds a `keras` pin below 3 next to a `tensorflow` pin of 2.16 or newer.

    ## Why is this bad?
    TensorFlow 2.16 requires `keras>=3.0.0`: tf.keras *is* Keras 3 there. Keras 2 on TF 2.16+ is only
    available as the separate `tf-keras` package with `TF_USE_LEGACY_KERAS=1`.

    ## Example
    ```text
    tensorflow==2.16.1
    keras==2.15.0
    ```

    ## Use instead
    ```text
    tensorflow==2.16.1
    keras>=3.0.0
    ```

    ## Fix safety
    None: the message names a pin that works.
    """

    code = KER502
    name = "keras2-with-tensorflow-2-16"
    message = "`{this}` cannot be used with `{other}` ({where}): TensorFlow {keras3_tensorflow}+ requires Keras 3"
    fix_title = (
        "Pin `keras>=3`, or `tensorflow<{keras3_tensorflow}` (or `tf-keras` with TF_USE_LEGACY_KERAS=1) for Keras 2"
    )
    severity = Severity.ERROR
    valid = (Valid("tensorflow==2.16.1\nkeras>=3\n"),)
    invalid = (Invalid("keras<3\ntensorflow>=2.16\n", at=((2, 0),)),)


class Keras3WithTensorflow215(_PairRule):
    """## What it does
    Finds a `keras` pin of 3 or newer next to a `tensorflow` pin below 2.16.

    ## Why is this bad?
    TF 2.6–2.15 pin `keras` to their own 2.x minor, so pip refuses Keras 3; older TensorFlow cannot
    back Keras 3 at all.

    ## Example
    ```text
    tensorflow==2.15.0
    keras>=3
    ```

    ## Use instead
    ```text
    tensorflow>=2.16
    keras>=3
    ```

    ## Fix safety
    None: the message names a pin that works.
    """

    code = KER503
    name = "keras3-with-tensorflow-2-15"
    message = "`{this}` cannot be used with `{other}` ({where}): Keras 3 needs TensorFlow {keras3_tensorflow} or newer"
    fix_title = "Pin `tensorflow>={keras3_tensorflow}`, or `keras~={tf_minor}.0` to stay on Keras 2"
    severity = Severity.ERROR
    valid = (Valid("tensorflow>=2.16\nkeras>=3\n"),)
    invalid = (Invalid("tensorflow==2.15.0\nkeras>=3\n", at=((2, 0),)),)


class MultibackendKerasWithTf2(_PairRule):
    """## What it does
    Finds a multi-backend `keras` pin (2.3.1 or older) next to TensorFlow 2.2 or newer.

    ## Why is this bad?
    Multi-backend Keras uses TensorFlow internals that TF 2.2 removed: importing it fails with
    `AttributeError: module 'tensorflow.python.framework.ops' has no attribute '_TensorLike'`.

    ## Example
    ```text
    keras==2.2.4
    tensorflow==2.4.0
    ```

    ## Use instead
    ```text
    tensorflow==2.4.0  # and import tensorflow.keras
    ```

    ## Fix safety
    None: the message names a pin that works.
    """

    code = KER504
    name = "multibackend-keras-with-tensorflow-2"
    message = (
        "`{this}` cannot be used with `{other}` ({where}): multi-backend Keras fails to import on "
        "TensorFlow {multibackend_tensorflow}+"
    )
    fix_title = "Drop the `keras` pin and use `tensorflow.keras`"
    severity = Severity.ERROR
    valid = (Valid("keras==2.2.4\ntensorflow==1.15.0\n"),)
    invalid = (Invalid("keras==2.2.4\ntensorflow==2.4.0\n", at=((2, 0),)),)


class TfKerasMinorMismatch(Rule):
    """## What it does
    Finds a `tf-keras` pin whose minor version cannot match the `tensorflow` pin's.

    ## Why is this bad?
    `tf-keras` 2.X (2.15 and later) requires `tensorflow <2.(X+1),>=2.X`: any other pairing is refused by
    pip. (`tf-keras` 2.14.1, the first release, requires no `tensorflow`.)

    ## Example
    ```text
    tensorflow==2.17.0
    tf-keras==2.16.0
    ```

    ## Use instead
    ```text
    tensorflow==2.17.0
    tf-keras~=2.17.0
    ```

    ## Fix safety
    None: the message names a pin that works.
    """

    code = "KER505"
    name = "tf-keras-tensorflow-minor-mismatch"
    message = "`{this}` cannot be used with `{other}` ({where}): tf-keras {tf_keras_minor} requires `tensorflow{needs}`"
    fix_title = "Pin `tf-keras~={tf_minor}.0`"
    severity = Severity.ERROR
    valid = (Valid("tensorflow==2.17.0\ntf-keras~=2.17.0\n"),)
    invalid = (Invalid("tensorflow==2.17.0\ntf-keras==2.16.0\n", at=((2, 0),)),)

    def check_project(self, project: Project) -> Iterator[Tuple[str, Finding]]:
        for tf_keras, tensorflow in _pairs(project, "tf-keras", "tensorflow"):
            ours, theirs = admits(tf_keras, TF_KERAS_RELEASES), admits(tensorflow, TENSORFLOW_RELEASES)
            if not ours or not theirs or any(_tf_keras_works(k, t) for k in ours for t in theirs):
                continue
            newest = _tf_keras_requirement(str(_newest(ours)))
            if newest is None:  # a release that requires no tensorflow works with every one
                continue
            here, other = _later(tf_keras, tensorflow)
            tf_minor = _minor(_newest(theirs))
            yield (
                str(here.path),
                self.finding_at(
                    project.settings.target,
                    *_span(here.path, here.line),
                    this=str(here.requirement),
                    other=str(other.requirement),
                    where=other.where,
                    tf_keras_minor=newest.tf_keras_minor,
                    needs=newest.requirement.tensorflow,
                    tf_minor=f"{tf_minor[0]}.{tf_minor[1]}",
                ),
            )


class _TfKerasNeeds(Record):
    tf_keras_minor: str
    requirement: TensorflowRequirement


def _tf_keras_requirement(tf_keras: str) -> Optional[_TfKerasNeeds]:
    """What a tf-keras release requires of tensorflow (None: nothing)."""
    version = _version(tf_keras)
    for requirement in TF_KERAS_REQUIRES_TENSORFLOW:
        if version in _specifier(requirement.tf_keras):
            return _TfKerasNeeds(f"{version.major}.{version.minor}", requirement)
    return None


def _tf_keras_works(tf_keras: str, tensorflow: str) -> bool:
    needs = _tf_keras_requirement(tf_keras)
    return needs is None or _version(tensorflow) in _specifier(needs.requirement.tensorflow)


class PinsContradictTarget(Rule):
    """## What it does
    Finds keras / tensorflow pins that admit only the other Keras than the chosen `--keras-target`.

    ## Why is this bad?
    The findings are judged for the wrong Keras: `import keras` is reported (or not) against the
    installation the project will never have.

    ## Example
    ```text
    tensorflow>=2.16   # with --keras-target tf.keras
    ```

    ## Use instead
    ```text
    --keras-target keras3   (or auto, which reads the pins)
    ```

    ## Fix safety
    None: the message names a pin that works.
    """

    code = "KER506"
    name = "pins-contradict-keras-target"
    message = "`{pin}` admits only {pinned}, but the target is {target}"
    fix_title = "Use `--keras-target {pinned}`, or `auto` to follow the pins"
    severity = Severity.WARNING
    valid = (Valid("tensorflow==2.15.0\n"),)
    invalid = (Invalid("tensorflow==2.16.1\n", at=((1, 0),)),)

    def check_project(self, project: Project) -> Iterator[Tuple[str, Finding]]:
        if not project.target_was_chosen:
            return
        decision = decide(project.pins.pins)
        if decision is None:
            return
        deciding = next(
            (pin for pin in project.pins.pins if f"{pin.requirement} ({pin.where})" == decision.reason), None
        )
        if deciding is None or decision.target is project.settings.target:
            return
        yield (
            str(deciding.path),
            self.finding_at(
                project.settings.target,
                *_span(deciding.path, deciding.line),
                pin=str(deciding.requirement),
                pinned=decision.target.value,
            ),
        )


class UnreadableRequirement(Rule):
    """## What it does
    Finds lines of requirement files that are not valid requirements (PEP 508).

    ## Why is this bad?
    pip refuses the whole file, and kerascheck cannot judge the pins in it.

    ## Example
    ```text
    tensorflow=2.15
    ```

    ## Use instead
    ```text
    tensorflow==2.15
    ```

    ## Fix safety
    None: the message names a pin that works.
    """

    code = "KER500"
    name = "unreadable-requirement"
    message = "`{text}` is not a valid requirement: {error}"
    fix_title = "Write it as `name` plus a version specifier, such as `tensorflow==2.15.0`"
    severity = Severity.WARNING
    valid = (Valid("tensorflow==2.15.0\n# a comment\n-r other.txt\n"),)
    invalid = (Invalid("numpy\ntensorflow=2.15\n", at=((2, 0),)),)

    def check_project(self, project: Project) -> Iterator[Tuple[str, Finding]]:
        for bad in project.pins.bad:
            yield (
                str(bad.path),
                self.finding_at(project.settings.target, *_span(bad.path, bad.line), text=bad.text, error=bad.error),
            )
