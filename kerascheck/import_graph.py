"""Which modules of a project run in one program, read from their imports.

Objects of two Keras implementations meet only inside one program: an entry module and everything it
imports, transitively. Two scripts of a repository that never import each other (nor are imported by a
common module) are two programs, whatever Keras each uses (KER404).
"""

from __future__ import annotations

import ast
import os
import re
from typing import Dict, Iterable, List, Optional, Set, Tuple, Union

from kerascheck.lazy import LazyPattern
from kerascheck.names import classify

# ``import a.b, c`` / ``from .a import b, c`` at the start of a line (the engine's text gate skipped
# the module, so it was not parsed); a parenthesised name list only gives its first line's names
_IMPORT_LINE = LazyPattern(r"^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+([^#\n;]+)|import[ \t]+([^#\n;]+))", re.M)


def imported_modules(nodes: Iterable[Union[ast.Import, ast.ImportFrom]], absolute_module) -> Tuple[str, ...]:
    """The modules (and, for ``from m import x``, the possible submodules ``m.x``) the import statements
    read, Keras and TensorFlow left out. ``absolute_module`` resolves a relative ``from`` import."""
    found: List[str] = []
    for node in nodes:
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        else:
            module = absolute_module(node)
            if module:
                found += [module] + [f"{module}.{alias.name}" for alias in node.names if alias.name != "*"]
    return _project_candidates(found)


def imported_modules_in_text(text: str, module_name: Optional[str]) -> Tuple[str, ...]:
    """:func:`imported_modules` for a module the text gate skipped, read from its lines."""
    found: List[str] = []
    for source, names, plain in _IMPORT_LINE.findall(text):
        listed = [part.strip().strip("()").split(" as ")[0].strip() for part in (names or plain).split(",")]
        listed = [name for name in listed if name and name != "*"]
        if plain:
            found += listed
            continue
        module = _absolute(source, module_name)
        if module:
            found += [module] + [f"{module}.{name}" for name in listed]
    return _project_candidates(found)


def _absolute(source: str, module_name: Optional[str]) -> Optional[str]:
    level = len(source) - len(source.lstrip("."))
    if not level:
        return source
    if not module_name:
        return None
    package = module_name.split(".")[:-level]
    rest = source[level:]
    return ".".join(package + ([rest] if rest else [])) or None


def _project_candidates(names: List[str]) -> Tuple[str, ...]:
    return tuple(dict.fromkeys(name for name in names if classify(name) is None))


def graph_name(path: str, module_name: Optional[str]) -> str:
    """The name other modules import a module by: its dotted name in its package (a package's
    ``__init__`` by the package's name), or its file's stem for a script outside any package."""
    if module_name:
        return module_name[: -len(".__init__")] if module_name.endswith(".__init__") else module_name
    return os.path.splitext(os.path.basename(path))[0]


class ImportGraph:
    """Modules by path, each with the names it is imported by and the names it imports."""

    def __init__(self, modules: Iterable[Tuple[str, str, Tuple[str, ...]]]) -> None:
        """``modules``: (path, graph name, imported names) of each module of the project."""
        self._by_name: Dict[str, List[str]] = {}
        self._imports: Dict[str, Tuple[str, ...]] = {}
        for path, name, imports in modules:
            self._by_name.setdefault(name, []).append(path)
            self._imports[path] = imports
        self._edges: Dict[str, Set[str]] = {path: self._targets(path) for path in self._imports}

    def _targets(self, path: str) -> Set[str]:
        targets: Set[str] = set()
        for name in self._imports[path]:
            parts = name.split(".")
            for end in range(1, len(parts) + 1):  # importing a.b.c runs a and a.b too
                found = self._resolve(".".join(parts[:end]), path)
                if found is not None and found != path:
                    targets.add(found)
        return targets

    def _resolve(self, name: str, importer: str) -> Optional[str]:
        paths = self._by_name.get(name, ())
        if len(paths) == 1:
            return paths[0]
        near = [path for path in paths if os.path.dirname(path) == os.path.dirname(importer)]
        return near[0] if len(near) == 1 else None  # two modules of one name elsewhere: no guess

    def program(self, entry: str) -> Set[str]:
        """The modules that run when ``entry`` runs: itself and what it imports, transitively."""
        seen, stack = {entry}, [entry]
        while stack:
            for target in self._edges.get(stack.pop(), ()):
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
        return seen
