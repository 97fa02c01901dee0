"""Finding, reading and writing the files the command line checks.

Source is read as bytes and decoded as Python does (BOM and coding cookie), without newline
translation, so that a fix can be written back byte for byte: same encoding, same BOM, same line
endings. Writes are atomic: a temporary file in the same folder, permissions copied, then renamed.
"""

from __future__ import annotations

import fnmatch
import io
import os
import stat
import sys
import tokenize
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from kerascheck.errors import TomlError
from kerascheck.gitignore import GitIgnore, repository_root
from kerascheck.isolation import trusted_import
from kerascheck.record import Record

# Folders the search skips, by name, anywhere: ruff's default ``exclude`` (its folders; ruff skips
# ``dist`` and ``_build`` but not ``build``, which may be a package of the project: the .gitignore says
# whether it is output), plus the caches that hold no source. Virtual environments (a pyvenv.cfg) and
# what .gitignore ignores are skipped too.
SKIPPED_DIRECTORIES = frozenset(
    {
        ".bzr",
        ".direnv",
        ".eggs",
        ".git",
        ".git-rewrite",
        ".hg",
        ".ipynb_checkpoints",
        ".mypy_cache",
        ".nox",
        ".pants.d",
        ".pyenv",
        ".pytest_cache",
        ".pytype",
        ".ruff_cache",
        ".svn",
        ".tox",
        ".venv",
        ".vscode",
        "__pycache__",
        "__pypackages__",
        "_build",
        "buck-out",
        "dist",
        "node_modules",
        "site-packages",
        "venv",
    }
)
SOURCE_SUFFIXES = (".py", ".pyi", ".ipynb")
NOTEBOOK_SUFFIX = ".ipynb"


class SourceError(Exception):
    """A file that cannot be checked; the message says why, in one line."""


class NotebookError(ValueError):
    """A notebook that cannot be read: the message says why, in one line (kerascheck.notebooks raises
    it; defined here, so that the command line starts without that module)."""


class Source(Record):
    text: str
    encoding: str  # as tokenize names it: "utf-8", "utf-8-sig" (a BOM), "latin-1", …


def is_dependency_file(path: Path) -> bool:
    """A file of pins (requirements, constraints, pyproject.toml, setup.cfg): checked by KER5xx."""
    name = path.name
    return name in ("pyproject.toml", "setup.cfg") or (
        name.endswith(".txt") and name.startswith(("requirements", "constraints"))
    )


def _is_virtualenv(directory: str) -> bool:
    return os.path.isfile(os.path.join(directory, "pyvenv.cfg"))


def _excluded(path: Path, patterns: Sequence[str]) -> bool:
    text = path.as_posix()
    return any(fnmatch.fnmatch(text, pattern) or fnmatch.fnmatch(path.name, pattern) for pattern in patterns)


class Skipped(Record):
    path: Path
    reason: str  # "a default exclusion", ".gitignore:3", …


def discover(
    paths: Iterable[str],
    exclude: Sequence[str] = (),
    *,
    respect_gitignore: bool = True,
    skipped: Optional[List[Skipped]] = None,
) -> Iterator[Tuple[Path, bool]]:
    """Files to check, in a stable order: (path, named explicitly). Explicit files are always
    checked, whatever their suffix; directories are searched for .py, .pyi and .ipynb files.
    ``skipped`` (if given) receives the folders and files the search left out, and why."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from ((found, False) for found in _walk(path, exclude, respect_gitignore, skipped))
        else:
            yield path, True


def _skip_reason(path: Path, exclude: Sequence[str], ignore: Optional[GitIgnore], is_folder: bool) -> Optional[str]:
    name = path.name
    if is_folder and (name in SKIPPED_DIRECTORIES or name.endswith(".egg-info")):
        return "a default exclusion"
    if is_folder and _is_virtualenv(str(path)):
        return "a virtual environment"
    if exclude and _excluded(path, exclude):
        return "--exclude"
    source = ignore.ignored(path, is_folder) if ignore is not None else None
    return source and f"ignored by {source}"


def _walk(
    root: Path, exclude: Sequence[str], respect_gitignore: bool, skipped: Optional[List[Skipped]]
) -> Iterator[Path]:
    """The source files below ``root``, folder by folder, in name order. Links to folders are not
    followed, so no folder is reached twice and a link loop ends nothing."""
    repository = repository_root(root) if respect_gitignore else None
    ignore = GitIgnore(repository) if repository is not None else None
    unreadable: List[Path] = []  # folders that cannot be listed: reading one says why

    def note(error: OSError) -> None:
        unreadable.append(Path(error.filename))

    for directory, subdirectories, files in os.walk(root, onerror=note, followlinks=False):
        yield from unreadable
        unreadable.clear()
        current = Path(directory)
        kept = []
        for name in sorted(subdirectories):
            reason = _skip_reason(current / name, exclude, ignore, is_folder=True)
            if reason is None:
                kept.append(name)
            elif skipped is not None:
                skipped.append(Skipped(current / name, reason))
        subdirectories[:] = kept
        for name in sorted(files):  # never a folder: os.walk lists those (and links to them) apart
            if name.endswith(SOURCE_SUFFIXES):
                path = current / name
                reason = _skip_reason(path, exclude, ignore, is_folder=False)
                if reason is None:
                    yield path
                elif skipped is not None:
                    skipped.append(Skipped(path, reason))
    yield from unreadable


def decode(data: bytes) -> Source:
    """Decode module bytes as the interpreter would, or raise SourceError."""
    head = data[:3] == b"\xef\xbb\xbf" or b"coding" in data[: data.find(b"\n", data.find(b"\n") + 1) + 1 or None]
    try:
        # no BOM and no cookie in the first two lines (most modules): UTF-8, as detect_encoding says, without its cost
        encoding = tokenize.detect_encoding(io.BytesIO(data).readline)[0] if head else "utf-8"
    except SyntaxError as error:  # an unknown encoding, or a cookie that contradicts a BOM
        raise SourceError(f"cannot decode: {error}") from None
    try:
        return Source(data.decode(encoding), encoding)
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise SourceError(f"not valid {error.encoding}: byte 0x{byte:02x} at offset {error.start}") from None


def read(path: Path) -> Source:
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a named pipe must not block
    except OSError as error:
        raise SourceError(_unreadable(path, error)) from None
    try:
        kind = stat.S_IFMT(os.fstat(descriptor).st_mode)
        if kind != stat.S_IFREG:
            raise SourceError(f"skipped: {_KINDS.get(kind, 'not a regular file')}, not a source file")
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read()
    except OSError as error:
        raise SourceError(f"cannot read: {error.strerror or error}") from None
    finally:
        os.close(descriptor)
    return decode(data)


_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
}


def _unreadable(path: Path, error: OSError) -> str:
    if path.is_dir():
        return f"cannot read folder: {error.strerror or error}"
    return f"cannot read: {error.strerror or error}"


def encode(source: Source, text: str) -> bytes:
    return text.encode(source.encoding)


def write_fixed(path: Path, read_text: str, data: bytes) -> None:
    """Write a fixed module over the file it was read from: through a symbolic link to its target,
    in place when other hard links share the file, else atomically; owner and mode kept. Refuses
    (SourceError) a read-only file and a file whose text changed since it was read."""
    real = Path(os.path.realpath(path))
    if not os.access(real, os.W_OK) or not real.stat().st_mode & 0o222:  # root may write a 0444 file
        raise SourceError("is read-only: fixes not written")
    try:
        now = decode(real.read_bytes()).text
    except (OSError, SourceError):
        now = None
    if now != read_text:
        raise SourceError("changed while kerascheck was fixing it: fixes not written (run again)")
    if real.stat().st_nlink > 1:  # a hard link: replacing the file would split it from the others
        with open(real, "r+b") as stream:
            stream.write(data)
            stream.truncate()
        return
    write_atomic(real, data)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never half of one."""
    import tempfile  # here: it brings shutil and compression modules that only fixing needs

    status = path.stat()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".kerascheck", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, stat.S_IMODE(status.st_mode))
        if hasattr(os, "chown") and (status.st_uid, status.st_gid) != (os.getuid(), os.getgid()):
            try:
                os.chown(temporary, status.st_uid, status.st_gid)
            except PermissionError:
                pass  # only root may give a file away; the content is still written
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def read_toml(path: Path) -> Dict[str, Any]:
    """A TOML file's tables; a :class:`TomlError` says why it cannot be read (the one TOML reader of
    the project: settings and dependency pins)."""
    # imported here: most runs read no TOML
    tomllib = trusted_import("tomllib" if sys.version_info >= (3, 11) else "tomli")
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except OSError as error:
        raise TomlError(path, f"cannot read: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as error:
        raise TomlError(
            path, f"cannot read TOML: {str(error).splitlines()[0] if str(error) else 'nested too deeply'}"
        ) from None


def module_name_for(path: str) -> Optional[str]:
    """``pkg/sub/mod.py`` → ``pkg.sub.mod`` when ``pkg`` and ``sub`` hold ``__init__.py`` (a package's
    own ``__init__.py`` gives ``pkg.sub.__init__``); None when the file is in no package."""
    directory, filename = os.path.split(os.path.abspath(path))
    stem = filename.rsplit(".", 1)[0]
    if not stem.isidentifier():
        return None
    package = _package(directory)
    return f"{package}.{stem}" if package else None


@lru_cache(maxsize=4096)
def _package(directory: str) -> str:
    """The dotted package a folder is (``pkg.sub``), or "" when it holds no ``__init__.py``. Cached:
    the files of one folder share it, and each level costs a ``stat``."""
    if not os.path.isfile(os.path.join(directory, "__init__.py")):
        return ""
    parent, name = os.path.split(directory)
    if not name.isidentifier():
        return ""
    outer = _package(parent) if parent != directory else ""
    return f"{outer}.{name}" if outer else name


def module_file(module: str, path: str, module_name: Optional[str]) -> Optional[str]:
    """The file of the module named ``module`` as the checked module at ``path`` imports it: from the
    folder its top-level package is in (its own folder outside a package), else the working folder."""
    folder = os.path.dirname(os.path.abspath(path))
    for _ in range(module_name.count(".") if module_name else 0):
        folder = os.path.dirname(folder)
    return _module_file_under(module, folder, os.getcwd())


@lru_cache(maxsize=4096)
def _module_file_under(module: str, folder: str, cwd: str) -> Optional[str]:
    """Cached, as :func:`_package` is: the rules ask of every name a module imports whether it comes from the
    project (most come from other packages, whose files are nowhere near), and the modules of one folder ask alike."""
    relative = os.path.join(*module.split("."))
    for root in dict.fromkeys((folder, cwd)):
        for candidate in (os.path.join(root, relative + ".py"), os.path.join(root, relative, "__init__.py")):
            if os.path.isfile(candidate):
                return candidate
    return None
