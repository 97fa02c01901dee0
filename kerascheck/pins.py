"""The project's keras / tensorflow pins: read from its dependency files, for the ``auto`` Keras target
and the dependency checks (KER5xx).

Read, nearest folder first: ``pyproject.toml`` (``[project]`` dependencies and optional dependencies,
``[tool.poetry]`` dependencies), ``setup.cfg`` (``install_requires``), ``requirements*.txt`` and
``constraints*.txt``. Requirement strings are parsed with ``packaging``; a line it cannot read is kept
as a :class:`BadLine` for the checks to report, never raised.
"""

from __future__ import annotations

import configparser
import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Dict, Iterator, List, NamedTuple, Optional, Set, Tuple

from kerascheck.catalog.model import Target
from kerascheck.catalog.releases import (
    KERAS_3,
    KERAS_3_NEEDS_TENSORFLOW,
    KERAS_RELEASES,
    TENSORFLOW_DISTRIBUTIONS,
    TENSORFLOW_RELEASES,
)

if TYPE_CHECKING:
    from packaging.requirements import Requirement


@functools.cache
def _split(versions: Tuple[str, ...], keras3: str) -> Tuple[Tuple[str, ...], Tuple[str, ...]]:
    """(the releases of the Keras 2 world, those of the Keras 3 world)."""
    from packaging.specifiers import SpecifierSet  # packaging is imported only when pins are read

    specifier = SpecifierSet(keras3)
    return tuple(v for v in versions if v not in specifier), tuple(v for v in versions if v in specifier)


class Pin(NamedTuple):
    requirement: Requirement
    path: Path
    line: int

    @property
    def name(self) -> str:
        from packaging.utils import canonicalize_name

        name = canonicalize_name(self.requirement.name)
        return "tensorflow" if name in TENSORFLOW_DISTRIBUTIONS else name

    @property
    def where(self) -> str:
        return f"{self.path.name}:{self.line}"


class BadLine(NamedTuple):
    path: Path
    line: int
    text: str
    error: str


class Pins:
    """The requirements read from a project's dependency files, the lines that are none, the files."""

    def __init__(self) -> None:
        self.pins: List[Pin] = []
        self.bad: List[BadLine] = []
        self.files: List[Path] = []


class Decision(NamedTuple):
    target: Target
    reason: str  # said to the user: "tensorflow==2.16.1 (requirements.txt:3)"


Entry = Tuple[str, int, Path]  # (requirement text, line number, file)


def _line_of(lines: List[str], text: str, default: int = 1) -> int:
    for number, line in enumerate(lines, start=1):
        if text in line:
            return number
    return default


_INCLUDE = ("-r", "--requirement", "-c", "--constraint")


def _requirements_file(path: Path, seen: Optional[Set[Path]] = None) -> Iterator[Entry]:
    """A requirements file's requirements, and those of the files it includes (``-r other.txt``,
    ``-c constraints.txt``, relative to the including file), each with its own file and line."""
    seen = set() if seen is None else seen
    seen.add(path.resolve())
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        text = line.split(" #", 1)[0].strip()
        if text.startswith(_INCLUDE):
            included = _included(path, text)
            if included is not None and included.resolve() not in seen and included.is_file():
                yield from _requirements_file(included, seen)
        elif text and not text.startswith(("#", "-")):
            yield text, number, path


def _included(path: Path, text: str) -> Optional[Path]:
    """The file an include line names (``-r x.txt``, ``-rx.txt``, ``--requirement=x.txt``)."""
    for flag in sorted(_INCLUDE, key=len, reverse=True):
        if text.startswith(flag):
            name = text[len(flag) :].lstrip(" =").strip()
            return path.parent / name if name and "://" not in name else None
    return None


def _pyproject(path: Path) -> Iterator[Entry]:
    from kerascheck.config import OptionError, read_toml  # one TOML reader for the project

    try:
        data = read_toml(path)
    except OptionError:
        return
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    project = data.get("project", {})
    texts = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        texts += list(extra)
    for text in texts:
        yield text, _line_of(lines, text), path
    for name, spec in data.get("tool", {}).get("poetry", {}).get("dependencies", {}).items():
        version = spec.get("version", "") if isinstance(spec, dict) else str(spec)
        yield f"{name}{_poetry_specifier(version)}", _poetry_line(lines, name), path


def _poetry_line(lines: List[str], name: str) -> int:
    """The line of a Poetry dependency: ``tensorflow = "^2.16"``, ``tensorflow="^2.16"``, ``"tf-keras" = …``."""
    key = re.compile(rf"""^\s*["']?{re.escape(name)}["']?\s*=""")
    return next((number for number, line in enumerate(lines, start=1) if key.match(line)), 1)


def _poetry_specifier(version: str) -> str:
    """Poetry's ``^2.15`` / ``~2.15`` / ``2.15.*`` / ``*`` in PEP 440 terms (enough to judge a major line)."""
    version = version.strip()
    if version in ("", "*"):
        return ""
    if version.startswith("^"):
        parts = version[1:].split(".")
        upper = f"{int(parts[0]) + 1}" if parts[0] != "0" else f"0.{int(parts[1]) + 1}"
        return f">={version[1:]},<{upper}"
    if version.startswith("~") and not version.startswith("~="):
        parts = version[1:].split(".")
        return f">={version[1:]},<{parts[0]}.{int(parts[1]) + 1}" if len(parts) > 1 else f"=={parts[0]}.*"
    if version[0].isdigit():
        return f"=={version}"
    return version


def _setup_cfg(path: Path) -> Iterator[Entry]:
    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")
        requirements = parser.get("options", "install_requires", fallback="")
    except configparser.Error:
        return
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for text in (line.strip() for line in requirements.splitlines()):
        if text and not text.startswith("#"):
            yield text, _line_of(lines, text), path


def _dependency_files(directory: Path) -> List[Tuple[Path, Callable]]:
    """The dependency files in ``directory``, each with its reader."""
    readers = [(directory / "pyproject.toml", _pyproject), (directory / "setup.cfg", _setup_cfg)]
    for pattern in ("requirements*.txt", "constraints*.txt"):
        readers += [(path, _requirements_file) for path in sorted(directory.glob(pattern))]
    return [(path, reader) for path, reader in readers if path.is_file()]


def has_dependency_files(directory: Path) -> bool:
    return bool(_dependency_files(directory))


def read_pins(directory: Path) -> Pins:
    """Every requirement of the dependency files in ``directory``."""
    from packaging.requirements import InvalidRequirement, Requirement

    found = Pins()
    for path, reader in _dependency_files(directory):
        found.files.append(path)
        for text, line, where in reader(path):
            try:
                found.pins.append(Pin(Requirement(text), where, line))
            except InvalidRequirement as error:
                found.bad.append(BadLine(where, line, text, str(error).splitlines()[0]))
    return found


def project_pins(start: Path) -> Pins:
    """The pins of the nearest folder at or above ``start`` that has dependency files."""
    for directory in [start, *start.parents]:
        if has_dependency_files(directory):
            return read_pins(directory)
    return Pins()


def admits(pin: Pin, versions: Tuple[str, ...]) -> Tuple[str, ...]:
    """The known releases a pin admits. An exact pin (``keras==2.2.4``, ``tensorflow==2.5.0rc0``) is
    judged by its release line: the known releases lists each line by one or two versions, and the
    facts hold per line (FIELD-NOTES B.4)."""
    specifier = pin.requirement.specifier
    exact = [spec for spec in specifier if spec.operator in ("==", "===") and not spec.version.endswith("*")]
    if not exact:
        return tuple(version for version in versions if specifier.contains(version, prereleases=True))
    lines = {_release_line(spec.version) for spec in exact}
    rest = [spec for spec in specifier if spec not in exact]
    return tuple(
        version
        for version in versions
        if lines == {_release_line(version)} and all(spec.contains(version, prereleases=True) for spec in rest)
    )


def _release_line(version: str) -> Tuple[int, ...]:
    """``(2, 5)`` for 2.5.0rc0, 2.5.3 and 2.5; None-like ``()`` for what is no version."""
    from packaging.version import InvalidVersion, Version

    try:
        return Version(version).release[:2]
    except InvalidVersion:
        return ()


def decide(pins: List[Pin]) -> Optional[Decision]:
    """The target the pins mean, or None if none decides: a keras pin, then a tf-keras pin (tf.keras
    is then Keras 2 whatever the tensorflow pin, as README's targets say), then a tensorflow pin."""
    keras = [pin for pin in pins if pin.name == "keras"]
    tensorflow = [pin for pin in pins if pin.name == "tensorflow"]
    for pin in keras:
        decision = _decision(pin, *_split(KERAS_RELEASES, KERAS_3))
        if decision is not None:
            return decision
    tf_keras = next((pin for pin in pins if pin.name == "tf-keras"), None)
    if tf_keras is not None:
        return Decision(Target.TF_KERAS, f"{tf_keras.requirement} ({tf_keras.where})")
    for pin in tensorflow:
        decision = _decision(pin, *_split(TENSORFLOW_RELEASES, KERAS_3_NEEDS_TENSORFLOW))
        if decision is not None:
            return decision
    return None


def _decision(pin: Pin, two: Tuple[str, ...], three: Tuple[str, ...]) -> Optional[Decision]:
    if not str(pin.requirement.specifier):
        return None
    reason = f"{pin.requirement} ({pin.where})"
    if admits(pin, three) and not admits(pin, two):
        return Decision(Target.KERAS3, reason)
    if admits(pin, two) and not admits(pin, three):
        return Decision(Target.TF_KERAS, reason)
    return None


DEFAULT = Decision(Target.TF_KERAS, "no keras or tensorflow pin decides it; the default")


def auto_target(start: Path, memo: Optional[Dict[Path, Optional[Decision]]] = None) -> Decision:
    """The target the pins of the nearest folder at or above ``start`` whose pins decide one mean (so
    that ``sub/requirements.txt`` decides for ``sub/`` in a monorepo); ``memo`` keeps each folder's."""
    memo = {} if memo is None else memo
    for directory in [start, *start.parents]:
        if directory not in memo:
            memo[directory] = decide(read_pins(directory).pins) if has_dependency_files(directory) else None
        if memo[directory] is not None:
            return memo[directory]
    return DEFAULT
