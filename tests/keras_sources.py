"""The real Keras packages the catalog is verified against: fetched once, cached, read statically.

``wheel_tree("keras", "2.2.4")`` downloads the wheel with pip (``pip download --no-deps``), unpacks it
and returns the directory that holds its ``keras/`` package. Both live in the cache directory
``$KERASCHECK_TEST_CACHE`` (default ``~/.cache/kerascheck-tests``) and are reused on later runs, so
only the first run needs the network. A download that fails raises ``SourceUnavailable`` with the
reason; tests turn it into ``pytest.skip``.

``StaticPackage`` reads such a tree with ``ast`` only -- nothing is imported, so neither TensorFlow nor
Keras's dependencies are needed: it resolves a dotted name through the modules' imports and
assignments to the class or function that defines it, walks class bases, and finds methods.

Used by ``tests/test_catalog_keras2.py`` and ``scripts/verify_catalog_tf_keras.py``.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Set, Tuple, Union

CACHE_ENV = "KERASCHECK_TEST_CACHE"
_COMPLETE = ".kerascheck-complete"
# Failed downloads, remembered for the rest of the process: one pip run (and timeout) per package.
_FAILED: Dict[Tuple[str, str], str] = {}


class SourceUnavailable(RuntimeError):
    """The package could not be obtained (no network, no pip, ...); the message says why."""


def cache_root() -> Path:
    configured = os.environ.get(CACHE_ENV)
    return Path(configured) if configured else Path.home() / ".cache" / "kerascheck-tests"


def _find_wheel(directory: Path, project: str, version: str) -> Optional[Path]:
    # Wheel file names normalise the project name ("Keras-2.2.4-py2.py3-none-any.whl").
    prefix = f"{project}-{version}-".lower().replace("_", "-")
    if not directory.is_dir():
        return None
    for candidate in sorted(directory.glob("*.whl")):
        if candidate.name.lower().replace("_", "-").startswith(prefix):
            return candidate
    return None


def _download(downloads: Path, project: str, version: str, kind: str, find) -> Path:
    """``pip download --no-deps KIND project==version`` into ``downloads``; the archive ``find`` locates."""
    try:
        downloads.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "pip", "download", "--no-deps", kind, "--disable-pip-version-check",
                   "--quiet", "--dest", str(downloads), f"{project}=={version}"]  # fmt: skip
        completed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.SubprocessError) as error:
        raise SourceUnavailable(f"cannot run pip to download {project}=={version}: {error}") from error
    archive = find(downloads, project, version)
    if completed.returncode != 0 or archive is None:
        detail = (completed.stderr or completed.stdout).strip().splitlines()[-3:]
        raise SourceUnavailable(
            f"`pip download --no-deps {kind} {project}=={version}` failed (exit {completed.returncode}): "
            + " | ".join(detail)
        )
    return archive


def wheel_tree(project: str, version: str) -> Path:
    """The unpacked wheel of ``project==version``: a directory holding its top-level packages."""
    if (project, version) in _FAILED:
        raise SourceUnavailable(_FAILED[(project, version)])
    try:
        return _wheel_tree(project, version)
    except SourceUnavailable as error:
        _FAILED[(project, version)] = str(error)
        raise


def _wheel_tree(project: str, version: str) -> Path:
    root = cache_root()
    target = root / f"{project}-{version}"
    if (target / _COMPLETE).is_file():
        return target
    downloads = root / "wheels"
    wheel = _find_wheel(downloads, project, version) or _download(
        downloads, project, version, "--only-binary=:all:", _find_wheel
    )
    # Unpack next to the target and rename, so an interrupted run never leaves half a tree behind.
    staging = Path(tempfile.mkdtemp(prefix=f".{project}-{version}-", dir=str(root)))
    try:
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(staging)
        (staging / _COMPLETE).write_text(wheel.name + "\n")
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    except (OSError, zipfile.BadZipFile) as error:
        raise SourceUnavailable(f"cannot unpack {wheel}: {error}") from error
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return target


_SDIST_FAILED: Dict[Tuple[str, str], str] = {}


def sdist_tree(project: str, version: str) -> Path:
    """The unpacked sdist of ``project==version``: the directory holding its top-level packages.

    Cached next to ``wheel_tree``'s wheels (``$KERASCHECK_TEST_CACHE``); only the first run downloads."""
    if (project, version) in _SDIST_FAILED:
        raise SourceUnavailable(_SDIST_FAILED[(project, version)])
    try:
        return _sdist_tree(project, version)
    except SourceUnavailable as error:
        _SDIST_FAILED[(project, version)] = str(error)
        raise


def _find_sdist(directory: Path, project: str, version: str) -> Optional[Path]:
    name = f"{project}-{version}.tar.gz".lower().replace("_", "-")
    if not directory.is_dir():
        return None
    for candidate in sorted(directory.glob("*.tar.gz")):
        if candidate.name.lower().replace("_", "-") == name:
            return candidate
    return None


def _safe_members(archive: tarfile.TarFile) -> Iterator[tarfile.TarInfo]:
    for member in archive.getmembers():
        parts = Path(member.name).parts
        if member.isfile() or member.isdir():
            if not Path(member.name).is_absolute() and ".." not in parts:
                yield member


def _sdist_tree(project: str, version: str) -> Path:
    root = cache_root()
    target = root / f"{project}-{version}-sdist"
    marker = target / _COMPLETE
    if marker.is_file():
        return target / marker.read_text().strip()
    downloads = root / "sdists"
    sdist = _find_sdist(downloads, project, version) or _download(
        downloads, project, version, "--no-binary=:all:", _find_sdist
    )
    staging = Path(tempfile.mkdtemp(prefix=f".{project}-{version}-sdist-", dir=str(root)))
    try:
        with tarfile.open(sdist, "r:gz") as archive:
            members = list(_safe_members(archive))
            if hasattr(tarfile, "data_filter"):
                archive.extractall(staging, members=members, filter="data")
            else:
                archive.extractall(staging, members=members)
        tops = [path.name for path in staging.iterdir() if path.is_dir()]
        if len(tops) != 1:
            raise SourceUnavailable(f"{sdist.name}: expected one top-level directory, found {tops}")
        (staging / _COMPLETE).write_text(tops[0] + "\n")
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    except (OSError, tarfile.TarError) as error:
        raise SourceUnavailable(f"cannot unpack {sdist}: {error}") from error
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return target / tops[0]


# -------------------------------------------------------------------------------------------------
# Static reading of a package tree
# -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModuleRef:
    """A name that is a module (``keras.layers``)."""

    module: str


@dataclass(frozen=True)
class Definition:
    """A name defined by a statement: a ``class``, a ``def`` or an assignment, in ``module``."""

    module: str
    node: ast.AST

    @property
    def qualname(self) -> str:
        return f"{self.module}.{getattr(self.node, 'name', '<assignment>')}"


Resolved = Union[ModuleRef, Definition, None]


@dataclass(frozen=True)
class Parameters:
    """The parameters of a ``def``: names (positional and keyword-only), and whether it has ``*``/``**``."""

    names: Tuple[str, ...]
    positional: Tuple[str, ...]
    varargs: bool
    varkw: bool

    def __contains__(self, name: str) -> bool:
        return name in self.names


def parameters(function: ast.AST) -> Parameters:
    arguments = function.args  # type: ignore[attr-defined]
    positional = tuple(a.arg for a in list(getattr(arguments, "posonlyargs", [])) + list(arguments.args))
    return Parameters(
        names=positional + tuple(a.arg for a in arguments.kwonlyargs),
        positional=positional,
        varargs=arguments.vararg is not None,
        varkw=arguments.kwarg is not None,
    )


def decorator_names(function: ast.AST) -> List[str]:
    """``@interfaces.legacy_dense_support`` -> ``legacy_dense_support`` (calls are unwrapped)."""
    names = []
    for decorator in getattr(function, "decorator_list", []):
        if isinstance(decorator, ast.Call):
            decorator = decorator.func
        if isinstance(decorator, ast.Attribute):
            names.append(decorator.attr)
        elif isinstance(decorator, ast.Name):
            names.append(decorator.id)
    return names


def _top_level(statements) -> Iterator[ast.stmt]:
    """Module-level statements, including those inside top-level ``try``/``if`` blocks."""
    for statement in statements:
        yield statement
        if isinstance(statement, ast.Try):
            yield from _top_level(statement.body)
            for handler in statement.handlers:
                yield from _top_level(handler.body)
            yield from _top_level(statement.orelse)
            yield from _top_level(statement.finalbody)
        elif isinstance(statement, ast.If):
            yield from _top_level(statement.body)
            yield from _top_level(statement.orelse)


class StaticPackage:
    """The modules below ``root`` (a directory holding top-level packages), read with ``ast``."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._trees: Dict[str, Optional[ast.Module]] = {}

    # --- modules -------------------------------------------------------------------------------

    def module_file(self, module: str) -> Optional[Path]:
        base = self.root.joinpath(*module.split("."))
        for candidate in (base / "__init__.py", base.with_suffix(".py")):
            if candidate.is_file():
                return candidate
        return None

    def is_module(self, module: str) -> bool:
        return self.module_file(module) is not None

    def tree(self, module: str) -> Optional[ast.Module]:
        if module not in self._trees:
            path = self.module_file(module)
            self._trees[module] = None if path is None else ast.parse(path.read_text(encoding="utf-8"), str(path))
        return self._trees[module]

    def modules(self, package: str) -> Iterator[str]:
        """Every module of ``package``, the package itself first."""
        base = self.root.joinpath(*package.split("."))
        for path in sorted(base.rglob("*.py")):
            parts = list(path.relative_to(self.root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            yield ".".join(parts)

    def _absolute(self, module: str, node: ast.ImportFrom) -> str:
        if not node.level:
            return node.module or ""
        package = module if self.module_file(module).name == "__init__.py" else module.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        return f"{package}.{node.module}" if node.module else package

    # --- names ---------------------------------------------------------------------------------

    def resolve(self, module: str, name: str, _seen: Optional[Set[Tuple[str, str]]] = None) -> Resolved:
        """What ``name`` is bound to at the top level of ``module`` (the last binding wins)."""
        seen = set() if _seen is None else _seen
        if (module, name) in seen:
            return None
        seen.add((module, name))
        tree = self.tree(module)
        if tree is None:
            return None
        for statement in reversed(list(_top_level(tree.body))):
            if isinstance(statement, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                if statement.name == name:
                    return Definition(module, statement)
            elif isinstance(statement, (ast.Assign, ast.AnnAssign)):
                targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                    if isinstance(statement.value, (ast.Name, ast.Attribute)):
                        found = self.resolve_expression(module, statement.value, seen)
                        if found is not None:
                            return found
                    return Definition(module, statement)
            elif isinstance(statement, ast.ImportFrom):
                source = self._absolute(module, statement)
                for alias in statement.names:
                    if alias.name == "*":
                        if not name.startswith("_") and source != module:
                            found = self.resolve(source, name, seen)
                            if found is not None:
                                return found
                    elif (alias.asname or alias.name) == name:
                        if self.is_module(f"{source}.{alias.name}"):
                            return ModuleRef(f"{source}.{alias.name}")
                        return self.resolve(source, alias.name, seen)
            elif isinstance(statement, ast.Import):
                for alias in statement.names:
                    if alias.asname == name:
                        return ModuleRef(alias.name)
                    if alias.asname is None and alias.name.split(".")[0] == name:
                        return ModuleRef(name)
        # A submodule that nothing in the package's __init__ binds is still reachable once imported.
        if self.is_module(f"{module}.{name}"):
            return ModuleRef(f"{module}.{name}")
        return None

    def resolve_expression(self, module: str, expression: ast.AST, _seen=None) -> Resolved:
        if isinstance(expression, ast.Name):
            return self.resolve(module, expression.id, _seen)
        if isinstance(expression, ast.Attribute):
            base = self.resolve_expression(module, expression.value, _seen)
            if isinstance(base, ModuleRef):
                return self.resolve(base.module, expression.attr, _seen)
        return None

    def resolve_dotted(self, dotted: str) -> Resolved:
        """``keras.layers.Conv2D`` -> the class; ``keras.layers`` -> the module."""
        parts = dotted.split(".")
        for split in range(len(parts), 0, -1):
            module = ".".join(parts[:split])
            if self.is_module(module):
                found: Resolved = ModuleRef(module)
                for part in parts[split:]:
                    if not isinstance(found, ModuleRef):
                        return None
                    found = self.resolve(found.module, part)
                return found
        return None

    # --- classes -------------------------------------------------------------------------------

    def mro(self, cls: Definition) -> List[Definition]:
        """The class and its resolvable bases, depth first, left to right, each once."""
        order: List[Definition] = []
        stack = [cls]
        while stack:
            current = stack.pop(0)
            if not isinstance(current.node, ast.ClassDef) or any(d.node is current.node for d in order):
                continue
            order.append(current)
            bases = [self.resolve_expression(current.module, base) for base in current.node.bases]
            stack = [b for b in bases if isinstance(b, Definition)] + stack
        return order

    def method(self, cls: Definition, name: str) -> Optional[Tuple[Definition, ast.FunctionDef]]:
        """The first definition of method ``name`` along the class's bases, with its class."""
        for owner in self.mro(cls):
            for statement in owner.node.body:  # type: ignore[attr-defined]
                if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and statement.name == name:
                    return owner, statement
        return None


def classes(tree: ast.Module) -> Iterator[ast.ClassDef]:
    for statement in tree.body:
        if isinstance(statement, ast.ClassDef):
            yield statement
