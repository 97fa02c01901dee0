"""The project's keras / tensorflow pins: read from its dependency files, for the ``auto`` Keras target
and the dependency checks (KER5xx).

Read, nearest folder first: ``pyproject.toml`` (``[project]`` dependencies and optional dependencies,
``[tool.poetry]`` dependencies), ``setup.cfg`` (``install_requires``), ``requirements*.txt`` and
``constraints*.txt``. Requirement strings are parsed with ``packaging``; a line it cannot read is kept
as a :class:`BadLine` for the checks to report, never raised.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterator, List, Optional, Set, Tuple, Union

from kerascheck.catalog.model import Target
from kerascheck.catalog.releases import (
    KERAS_3,
    KERAS_3_NEEDS_TENSORFLOW,
    KERAS_RELEASES,
    TENSORFLOW_DISTRIBUTIONS,
    TENSORFLOW_RELEASES,
)
from kerascheck.errors import TomlError
from kerascheck.files import read_toml
from kerascheck.isolation import trusted_import
from kerascheck.lazy import LazyPattern
from kerascheck.record import Record

if TYPE_CHECKING:
    from packaging.requirements import Requirement

    # (requirement text, line number, file, extra: "" when always installed), or what is none
    Entry = Union[Tuple[str, int, Path, str], "BadLine"]


@functools.cache
def _split(versions: Tuple[str, ...], keras3: str) -> Tuple[Tuple[str, ...], Tuple[str, ...]]:
    """(the releases of the Keras 2 world, those of the Keras 3 world)."""
    specifier = trusted_import("packaging.specifiers").SpecifierSet(keras3)  # only when pins are read
    return tuple(v for v in versions if v not in specifier), tuple(v for v in versions if v in specifier)


class Pin(Record):
    requirement: Requirement
    path: Path
    line: int
    extra: str = ""  # the pyproject extra that asks for it; "": installed with the project itself

    def installed_with(self, other: Pin) -> bool:
        """Whether both can be in one installation: two extras are chosen one by one (``pip install
        .[tf2]`` or ``.[keras3]``), so only the same extra, or either one with the project itself."""
        return not self.extra or not other.extra or self.extra == other.extra

    @property
    def name(self) -> str:
        name = trusted_import("packaging.utils").canonicalize_name(self.requirement.name)
        return "tensorflow" if name in TENSORFLOW_DISTRIBUTIONS else name

    @property
    def where(self) -> str:
        return f"{self.path.name}:{self.line}"


class BadLine(Record):
    path: Path
    line: int
    text: str
    error: str


class FileError(Record):
    path: Path
    error: str  # one line: "cannot read: Permission denied", "[project] is a number, not a table"


class Pins:
    """The requirements read from a project's dependency files, the lines that are none, the files
    that cannot be read."""

    def __init__(self) -> None:
        self.pins: List[Pin] = []
        self.bad: List[BadLine] = []
        self.errors: List[FileError] = []
        self.files: List[Path] = []

    def extend(self, other: Pins, path: Optional[Path] = None) -> None:
        """Add ``other``'s pins, bad lines and file errors (only those of ``path``, if given)."""
        self.pins += [pin for pin in other.pins if path in (None, pin.path)]
        self.bad += [bad for bad in other.bad if path in (None, bad.path)]
        self.errors += [error for error in other.errors if path in (None, error.path)]

    def problems(self) -> Tuple[str, ...]:
        """What could not be read, one line each."""
        return tuple(f"{_shown(error.path)}: {error.error}" for error in self.errors) + tuple(
            f"{_shown(bad.path)}:{bad.line}: `{bad.text}` is not a valid requirement: {bad.error}" for bad in self.bad
        )


class Decision(Record):
    target: Target
    reason: str  # said to the user: "tensorflow==2.16.1 (requirements.txt:3)"
    problems: Tuple[str, ...] = ()  # what the decision could not read, one line each


class UnreadableFile(Exception):
    """A dependency file that cannot be read as a whole: the message says why, in one line."""


def _shown(path: Path) -> str:
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def _line_of(lines: List[str], text: str, default: int = 1) -> int:
    for number, line in enumerate(lines, start=1):
        if text in line:
            return number
    return default


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise UnreadableFile(f"cannot read: {error.strerror or error}") from None


_INCLUDE = ("-r", "--requirement", "-c", "--constraint")
# pip's requirements-file format (pip/_internal/req/req_file.py): a comment starts at `#` at the start
# or after white space; a line ending in `\` continues on the next; options (`--hash=…`) follow the
# requirement; a URL or a local path installs from there and names no version to read.
_COMMENT = LazyPattern(r"(^|\s+)#.*$")
_LINK = LazyPattern(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*://|[.~/\\]|[a-zA-Z]:[/\\])|[/\\]|\.(?:whl|zip|tar\.gz|tgz|tar)$")


def _logical_lines(text: str) -> Iterator[Tuple[int, str]]:
    """(number of its first line, text without comment) of each logical line, as pip joins them."""
    first, parts = 0, []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.endswith("\\") and not _COMMENT.match(line):
            first = first or number
            parts.append(line[:-1])
            continue
        if _COMMENT.match(line):
            line = " " + line
        yield first or number, _COMMENT.sub("", "".join(parts) + line).strip()
        first, parts = 0, []
    if parts:
        yield first, _COMMENT.sub("", "".join(parts)).strip()


def _requirement_part(text: str) -> str:
    """The requirement of a line, without the options that follow it (``--hash=…``), as pip splits it."""
    words = text.split(" ")
    end = next((index for index, word in enumerate(words) if word.startswith("-")), len(words))
    return " ".join(words[:end]).strip()


def _requirements_file(path: Path, seen: Optional[Set[Path]] = None) -> Iterator[Entry]:
    """A requirements file's requirements, and those of the files it includes (``-r other.txt``,
    ``-c constraints.txt``, relative to the including file), each with its own file and line. A URL or
    a local path (``git+https://…``, ``./vendor/lib``) is installed from there: no pin, and no bad line."""
    seen = set() if seen is None else seen
    seen.add(path.resolve())
    for number, text in _logical_lines(_read_text(path)):
        if text.startswith(_INCLUDE):
            included = _included(path, text)
            if included is not None and included.resolve() not in seen and included.is_file():
                try:
                    yield from list(_requirements_file(included, seen))
                except UnreadableFile as error:
                    yield BadLine(path, number, text, f"{included.name}: {error}")
        elif text and not text.startswith("-"):
            requirement = _requirement_part(text)
            if not _LINK.search(requirement.split(";", 1)[0].strip()) or " @ " in requirement:
                yield requirement, number, path, ""


def _included(path: Path, text: str) -> Optional[Path]:
    """The file an include line names (``-r x.txt``, ``-rx.txt``, ``--requirement=x.txt``)."""
    for flag in sorted(_INCLUDE, key=len, reverse=True):
        if text.startswith(flag):
            name = text[len(flag) :].lstrip(" =").strip()
            return path.parent / name if name and "://" not in name else None
    return None


_TYPES = {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "an array", dict: "a table"}


def _kind(value: object) -> str:
    return _TYPES.get(type(value), "a date or time")


def _expect(parent: dict, key: str, kind: type, where: str) -> Any:
    """``parent[key]`` (empty if missing), which must be a ``kind``: else the file cannot be read."""
    value = parent.get(key, kind())
    if not isinstance(value, kind):
        raise UnreadableFile(f"{where} is {_kind(value)}, not {_TYPES[kind]}")
    return value


def _strings(values: list, path: Path, lines: List[str], where: str, extra: str = "") -> Iterator[Entry]:
    for value in values:
        if isinstance(value, str):
            yield value, _line_of(lines, value), path, extra
        else:
            line = _line_of(lines, where.rpartition(".")[2])
            yield BadLine(path, line, str(value), f"{where} holds {_kind(value)}, not a requirement string")


def _pyproject(path: Path) -> Iterator[Entry]:
    try:
        data = read_toml(path)
    except TomlError as error:
        raise UnreadableFile(error.reason) from None
    lines = _read_text(path).splitlines()
    project = _expect(data, "project", dict, "[project]")
    yield from _strings(_expect(project, "dependencies", list, "project.dependencies"), path, lines, "dependencies")
    extras = _expect(project, "optional-dependencies", dict, "project.optional-dependencies")
    for extra in extras:
        where = f"project.optional-dependencies.{extra}"
        yield from _strings(_expect(extras, extra, list, where), path, lines, where, extra)
    poetry = _expect(_expect(data, "tool", dict, "[tool]"), "poetry", dict, "[tool.poetry]")
    for name, spec in _expect(poetry, "dependencies", dict, "tool.poetry.dependencies").items():
        line = _poetry_line(lines, name)
        version = spec.get("version", "") if isinstance(spec, dict) else spec
        if isinstance(spec, list):
            continue  # several constraints, one per Python or platform: not judged
        try:
            yield f"{name}{_poetry_specifier(version)}", line, path, ""
        except ValueError as error:
            yield BadLine(path, line, f"{name} = {version!r}", f"not a Poetry version constraint ({error})")


def _poetry_line(lines: List[str], name: str) -> int:
    """The line of a Poetry dependency: ``tensorflow = "^2.16"``, ``tensorflow="^2.16"``, ``"tf-keras" = …``."""
    key = re.compile(rf"""^\s*["']?{re.escape(name)}["']?\s*=""")
    return next((number for number, line in enumerate(lines, start=1) if key.match(line)), 1)


def _poetry_specifier(version: object) -> str:
    """Poetry's ``^2.15`` / ``~2.15`` / ``2.15.*`` / ``*`` in PEP 440 terms (enough to judge a major line).
    Raises ValueError for what is none."""
    if not isinstance(version, str):
        raise ValueError(f"{_kind(version)}, not a string")
    version = version.strip()
    if version in ("", "*"):
        return ""
    if version.startswith("^"):
        major = _numbers(version[1:], 1)[0]
        upper = f"{major + 1}" if major or "." not in version else f"0.{_numbers(version[1:], 2)[1] + 1}"
        return f">={version[1:]},<{upper}"
    if version.startswith("~") and not version.startswith("~="):
        parts = version[1:].split(".")
        if len(parts) == 1:
            return f"=={_numbers(parts[0], 1)[0]}.*"
        return f">={version[1:]},<{_numbers(version[1:], 2)[0]}.{_numbers(version[1:], 2)[1] + 1}"
    if version[0].isdigit():
        return f"=={version}"
    return version


def _numbers(version: str, count: int) -> List[int]:
    """The first ``count`` release numbers of ``version``; ValueError if it has fewer."""
    parts = version.split(".")[:count]
    if len(parts) < count or not all(part.isdigit() for part in parts):
        raise ValueError(f"{version!r} does not start with {count} release number{'s' * (count > 1)}")
    return [int(part) for part in parts]


def _setup_cfg(path: Path) -> Iterator[Entry]:
    text = _read_text(path)
    configparser = trusted_import("configparser")  # here: kerascheck starts without it
    parser = configparser.RawConfigParser()
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error as error:
        line = getattr(error, "lineno", None) or next((number for number, _ in getattr(error, "errors", ())), None)
        where = f"line {line}: " if line else ""
        raise UnreadableFile(f"cannot parse: {where}{str(error).splitlines()[0]}") from None
    requirements = parser.get("options", "install_requires", fallback="")
    lines = text.splitlines()
    for text in (line.strip() for line in requirements.splitlines()):
        if text and not text.startswith("#"):
            yield text, _line_of(lines, text), path, ""


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
    found = Pins()
    files = _dependency_files(directory)
    if not files:
        return found  # no requirement to parse: packaging (40 ms to import) is not needed
    requirements = trusted_import("packaging.requirements")
    Requirement, InvalidRequirement = requirements.Requirement, requirements.InvalidRequirement
    for path, reader in files:
        found.files.append(path)
        try:
            entries = list(reader(path))
        except UnreadableFile as error:
            found.errors.append(FileError(path, str(error)))
            continue
        for entry in entries:
            if isinstance(entry, BadLine):
                found.bad.append(entry)
                continue
            text, line, where, extra = entry
            try:
                found.pins.append(Pin(Requirement(text), where, line, extra))
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
    versions = trusted_import("packaging.version")
    try:
        return versions.Version(version).release[:2]
    except versions.InvalidVersion:
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


def auto_target(start: Path, memo: Optional[Dict[Path, Tuple[Optional[Decision], Tuple[str, ...]]]] = None) -> Decision:
    """The target the pins of the nearest folder at or above ``start`` whose pins decide one mean (so
    that ``sub/requirements.txt`` decides for ``sub/`` in a monorepo); ``memo`` keeps each folder's.
    The decision names what it could not read on the way (:meth:`Pins.problems`)."""
    memo = {} if memo is None else memo
    problems: Tuple[str, ...] = ()
    for directory in [start, *start.parents]:
        if directory not in memo:
            memo[directory] = _folder_decision(directory)
        decision, unread = memo[directory]
        problems += unread
        if decision is not None:
            return decision._replace(problems=problems)
    return DEFAULT._replace(problems=problems)


def _folder_decision(directory: Path) -> Tuple[Optional[Decision], Tuple[str, ...]]:
    if not has_dependency_files(directory):
        return None, ()
    pins = read_pins(directory)
    return decide(pins.pins), pins.problems()


def pinned_versions(start: Path) -> Tuple[str, ...]:
    """The project's keras and tensorflow requirements, as written (``keras==2.2.4``)."""
    return tuple(
        str(pin.requirement)
        for pin in project_pins(start).pins
        if pin.name in ("keras", "tensorflow") and str(pin.requirement.specifier)
    )


def implementations_differ(private_copy: bool, requirements: Tuple[str, ...]) -> Optional[bool]:
    """Whether, with these pins, ``import keras`` (or, with ``private_copy``, ``tensorflow.python.keras``)
    is another Keras than tf.keras: True, False, or None when the pins do not decide it (see
    ``catalog.implementations.STANDALONE_KERAS_VERSIONS``)."""
    parser = trusted_import("packaging.requirements")
    admitted: Dict[str, Tuple[str, ...]] = {}
    for text in requirements:
        try:
            pin = Pin(parser.Requirement(text), Path(), 0)
        except parser.InvalidRequirement:
            continue
        releases = KERAS_RELEASES if pin.name == "keras" else TENSORFLOW_RELEASES
        admitted[pin.name] = admits(pin, releases)
    tensorflow = admitted.get("tensorflow") or (None,)
    if private_copy:
        verdicts = {None if version is None else _release_line(version) >= (2, 6) for version in tensorflow}
    else:
        keras = admitted.get("keras") or (None,)
        verdicts = {_standalone_differs(k, t) for k in keras for t in tensorflow}
    return verdicts.pop() if len(verdicts) == 1 else None


def _standalone_differs(keras: Optional[str], tensorflow: Optional[str]) -> Optional[bool]:
    k = _release_line(keras) if keras else None
    t = _release_line(tensorflow) if tensorflow else None
    if k is not None and (k <= (2, 3) or k >= (3,) or k == (2, 5)):
        return True  # multi-backend Keras, keras-nightly 2.5, Keras 3
    if k == (2, 4):
        return False  # a wrapper of tf.keras
    if t is None:
        return None if k is None else False  # keras 2.6–2.15 brings its own TensorFlow line
    if (2, 6) <= t < (2, 16):
        return False  # tf.keras is loaded from the keras package
    if t == (2, 5) and k is None:
        return True  # tensorflow 2.5 installs keras-nightly beside its own tf.keras
    return None
