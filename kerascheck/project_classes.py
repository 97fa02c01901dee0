"""What the project's other modules define, read from their files: the methods of their classes, and the names a
star import of one binds.

A call such as ``ensemble.fit_generator(…)`` is a Keras model's removed method only if ``ensemble`` is a Keras model;
when every assignment of the name makes an instance of a class another module of the project defines with its own
``fit_generator`` (stellargraph's ``Ensemble``, corpus triage 14), the call is that method. Those modules are found as
the checked module imports them (:func:`kerascheck.files.module_file`) and read once per process; a module that
cannot be found or read says nothing, and the finding stays.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional, Set, Tuple

from kerascheck.files import SourceError, module_file, read
from kerascheck.names import classify
from kerascheck.record import Record
from kerascheck.walk import ModuleIndex

_MAX_HOPS = 3  # re-exports followed (``from .ensemble import Ensemble`` in a package's ``__init__``)

# class name -> (the methods its body defines, the names of its bases written as plain names)
_Classes = Dict[str, Tuple[FrozenSet[str], Tuple[str, ...]]]
# a file's classes, and the module each name it imports from another module comes from
_Contents = Tuple[_Classes, Dict[str, str]]
_read: Dict[Tuple[str, str], Optional[_Contents]] = {}


def class_defines(module: str, name: str, method: str, path: str, module_name: Optional[str]) -> bool:
    """Whether the class ``name`` of the project's module ``module`` (as the module at ``path``, named
    ``module_name``, imports it) defines ``method`` in its body, or in the body of a base that module defines."""
    for _ in range(_MAX_HOPS + 1):
        found = module_file(module, path, module_name)
        contents = _contents(found, module) if found is not None else None
        if contents is None:
            return False
        classes, imported = contents
        if name in classes:
            return _defines(classes, name, method, set())
        if name not in imported:
            return False
        module = imported[name]  # re-exported: read where it comes from
    return False


def _defines(classes: _Classes, name: str, method: str, seen: Set[str]) -> bool:
    if name in seen or name not in classes:
        return False
    seen.add(name)
    methods, bases = classes[name]
    return method in methods or any(_defines(classes, base, method, seen) for base in bases)


def parsed_module(found: str) -> Optional[Tuple[str, ast.Module]]:
    """The text and tree of a file of the project, or None when it cannot be read or parsed."""
    try:
        text = read(Path(found)).text
        return text, ast.parse(text)
    except (SourceError, OSError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def file_module_name(module: str, found: str) -> str:
    """The module's dotted name as the walk knows it (a package's own: ``pkg.__init__``), for its relative imports."""
    return f"{module}.__init__" if found.endswith("__init__.py") else module


def _contents(found: str, module: str) -> Optional[_Contents]:
    key = (found, module)
    if key not in _read:
        _read[key] = None  # unreadable, or being read
        parsed = parsed_module(found)
        if parsed is None:
            return None
        tree = parsed[1]
        index = ModuleIndex(file_module_name(module, found))
        classes: _Classes = {}
        imported: Dict[str, str] = {}
        for statement in tree.body:
            if isinstance(statement, ast.ClassDef):
                methods = frozenset(
                    item.name for item in statement.body if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
                )
                classes[statement.name] = (methods, tuple(b.id for b in statement.bases if isinstance(b, ast.Name)))
            elif isinstance(statement, ast.ImportFrom):
                source = index.absolute_module(statement)
                if source:
                    for alias in statement.names:
                        imported[alias.asname or alias.name] = source
        _read[key] = (classes, imported)
    return _read[key]


# -- star imports of the project's modules ----------------------------------------------------------------------------
class StarExports(Record):
    """The names ``from module import *`` binds, for a module of the project (unet's ``from model import *``, whose
    ``model.py`` imports Keras): each name the module imports, with what it stands for; the Keras and TensorFlow
    modules it star-imports in turn, in order; and the names it binds otherwise (its functions, classes, variables:
    its own, never Keras's)."""

    imported: Dict[str, str]
    keras_stars: Tuple[str, ...]
    defined: FrozenSet[str]


_stars: Dict[Tuple[str, str], Optional[StarExports]] = {}
_STAR_IMPORT = re.compile(r"^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+\*", re.MULTILINE)


def star_exports(module: str, path: str, module_name: Optional[str]) -> Optional[StarExports]:
    """What ``from module import *`` binds in the module at ``path`` (named ``module_name``), when ``module`` is a
    file of the project that can be read (None otherwise: then the names it binds are not known)."""
    return _star_exports(module, path, module_name, _MAX_HOPS)


def _star_exports(module: str, path: str, module_name: Optional[str], hops: int) -> Optional[StarExports]:
    found = module_file(module, path, module_name)
    if found is None or hops < 0:
        return None
    key = (found, module)
    if key in _stars:
        return _stars[key]
    _stars[key] = None  # unreadable, or being read (a cycle of star imports)
    parsed = parsed_module(found)
    if parsed is None:
        return None
    tree, own_name = parsed[1], file_module_name(module, found)
    index = ModuleIndex(own_name)
    imported: Dict[str, str] = {}
    stars: List[str] = []
    defined: Set[str] = set()
    exported: Optional[Set[str]] = None
    for statement in _top_level(tree.body):
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                name = alias.asname or alias.name.split(".")[0]
                imported.setdefault(name, alias.name if alias.asname else name)
        elif isinstance(statement, ast.ImportFrom):
            source = index.absolute_module(statement)
            for alias in statement.names:
                if alias.name != "*":
                    if source:
                        imported.setdefault(alias.asname or alias.name, f"{source}.{alias.name}")
                elif source and classify(source) is not None:
                    stars.append(source)  # Keras's or TensorFlow's: the resolver knows what it binds
                elif source:
                    inner = _star_exports(source, found, own_name, hops - 1)
                    if inner is None:
                        return None  # a star import of what cannot be read: any name may come from it
                    for name, dotted in inner.imported.items():
                        imported.setdefault(name, dotted)
                    stars += inner.keras_stars
                    defined |= inner.defined
        else:
            defined |= _bound_names(statement)
            if _assigns_all(statement):
                exported = _all_names(statement)
    names = set(imported) | defined
    shown = exported if exported is not None else {name for name in names if not name.startswith("_")}
    exports = StarExports(
        {name: dotted for name, dotted in imported.items() if name in shown and name not in defined},
        tuple(dict.fromkeys(stars)) if exported is None else (),
        frozenset(name for name in defined if name in shown),
    )
    _stars[key] = exports
    return exports


def _top_level(body: List[ast.stmt]) -> List[ast.stmt]:
    """The module's statements, with those inside its top-level ``if``, ``try`` and ``with`` blocks (what runs when
    it is imported), not those of its functions and classes."""
    found: List[ast.stmt] = []
    pending = list(reversed(body))
    while pending:
        statement = pending.pop()
        found.append(statement)
        if isinstance(statement, (ast.If, ast.Try, ast.With)) or type(statement).__name__ == "TryStar":
            blocks = [getattr(statement, name, []) for name in ("body", "orelse", "finalbody")]
            blocks += [handler.body for handler in getattr(statement, "handlers", [])]
            for block in reversed(blocks):
                pending += reversed(block)
    return found


def _bound_names(statement: ast.stmt) -> Set[str]:
    """The names a statement other than an import binds at the module's top level."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {statement.name}
    if isinstance(statement, (ast.If, ast.Try, ast.With)) or type(statement).__name__ == "TryStar":
        names = {handler.name for handler in getattr(statement, "handlers", []) if handler.name}
        for item in getattr(statement, "items", []):
            if item.optional_vars is not None:
                names |= _stored(item.optional_vars)
        return names
    names = set()
    for node in ast.walk(statement):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            names.add(node.id)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            names |= set(node.names)
    return names


def _stored(target: ast.expr) -> Set[str]:
    return {node.id for node in ast.walk(target) if isinstance(node, ast.Name)}


def _assigns_all(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Assign)
        and len(statement.targets) == 1
        and isinstance(statement.targets[0], ast.Name)
        and statement.targets[0].id == "__all__"
    )


def _all_names(statement: ast.stmt) -> Optional[Set[str]]:
    """``__all__ = ['a', 'b']``: the names a star import of the module binds (None when not a literal list)."""
    value = statement.value if isinstance(statement, ast.Assign) else None
    if not isinstance(value, (ast.List, ast.Tuple)):
        return None
    names = {item.value for item in value.elts if isinstance(item, ast.Constant) and isinstance(item.value, str)}
    return names if len(names) == len(value.elts) else None


def reaches_keras(text: str, path: str, module_name: Optional[str]) -> bool:
    """Whether a star import of the module's text brings in Keras: the project's module it reads names Keras (or
    one it star-imports in turn does), for a module whose own text never does (unet's ``main.py``)."""
    return any(_names_keras(match.group(1), path, module_name, _MAX_HOPS) for match in _STAR_IMPORT.finditer(text))


_named: Dict[str, bool] = {}  # file -> whether it, or a module it star-imports, names Keras (read once per process)


def _names_keras(module: str, path: str, module_name: Optional[str], hops: int) -> bool:
    if hops < 0 or classify(module) is not None:
        return classify(module) is not None
    found = module_file(module, path, module_name)
    if found is None:
        return False
    if found not in _named:
        _named[found] = False  # being read: a cycle of star imports adds nothing
        try:
            text = read(Path(found)).text
        except (SourceError, OSError):
            return False
        _named[found] = "keras" in text or any(
            _names_keras(match.group(1), found, file_module_name(module, found), hops - 1)
            for match in _STAR_IMPORT.finditer(text)
        )
    return _named[found]
