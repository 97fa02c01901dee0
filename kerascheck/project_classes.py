"""The methods of the classes that the project's other modules define, read from their files.

A call such as ``ensemble.fit_generator(…)`` is a Keras model's removed method only if ``ensemble`` is a Keras model;
when every assignment of the name makes an instance of a class another module of the project defines with its own
``fit_generator`` (stellargraph's ``Ensemble``, corpus triage 14), the call is that method. Those modules are found as
the checked module imports them (:func:`kerascheck.files.module_file`) and read once per process; a module that
cannot be found or read says nothing, and the finding stays.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, FrozenSet, Optional, Set, Tuple

from kerascheck.files import SourceError, module_file, read
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


def _contents(found: str, module: str) -> Optional[_Contents]:
    key = (found, module)
    if key not in _read:
        _read[key] = None  # unreadable, or being read
        try:
            tree = ast.parse(read(Path(found)).text)
        except (SourceError, OSError, SyntaxError, ValueError, RecursionError, MemoryError):
            return None
        # the module's dotted name as the walk knows it (a package's own: ``pkg.__init__``), for its relative imports
        index = ModuleIndex(f"{module}.__init__" if found.endswith("__init__.py") else module)
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
