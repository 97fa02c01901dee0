"""Renaming a bound name safely: every binding and use of it, or none.

``from keras.layers import Convolution2D`` binds ``Convolution2D``; renaming the import to ``Conv2D``
is right only if every other place that binds or uses the name follows: a second import in a
``try``/``except`` or ``if``/``else`` branch, a rebinding, ``global``/``del``, a class attribute, a
string in ``__all__``, another module of the project that imports the name from this one, a notebook
magic line. :func:`occurrences` lists them all; a rule renames fully only when each is one it
rewrites too (:func:`blocked_rename`), else it keeps the old name bound (``import Conv2D as
Convolution2D``). The fix guard checks the result against the same list.
"""

from __future__ import annotations

import ast
import re
from typing import Any, Dict, FrozenSet, List, Optional, Tuple

from kerascheck.record import Record
from kerascheck.walk import every_node


class Exposure(Record):
    """What runs with a module but is not in its text: the names other modules of the project import
    from it (``from pkg.mod import Name``), and a notebook's lines kerascheck cannot parse (magics,
    shell)."""

    imported: FrozenSet[str] = frozenset()
    hidden: str = ""


NO_EXPOSURE = Exposure()


class Occurrence(Record):
    line: int
    col: int  # as the ast counts: UTF-8 bytes
    node: ast.AST  # the Name, alias, def, arg, statement or string that holds the name
    kind: str  # "load", "store", "import", "other"


def occurrences(tree: ast.AST, name: str) -> List[Tuple[int, int]]:
    """(line, byte column) of every binding and use of ``name`` in the module."""
    return [(found.line, found.col) for found in find(tree, name)]


def find(tree: ast.AST, name: str) -> List[Occurrence]:
    """Every binding and use of ``name`` in the module (indexed once per tree)."""
    global _INDEXED
    if _INDEXED[0] is not tree:
        _INDEXED = (tree, _index(tree))
    return _INDEXED[1].get(name, [])


_INDEXED: Tuple[Optional[ast.AST], Dict[str, List[Occurrence]]] = (None, {})


def _index(tree: ast.AST) -> Dict[str, List[Occurrence]]:
    found: Dict[str, List[Occurrence]] = {}

    def add(name: str, line: int, col: int, node: ast.AST, kind: str) -> None:
        found.setdefault(name, []).append(Occurrence(line, col, node, kind))

    node: Any  # told apart by type() below, which mypy does not narrow on
    for node in every_node(tree):
        kind = type(node)
        if kind is ast.Name:
            add(node.id, node.lineno, node.col_offset, node, "load" if type(node.ctx) is ast.Load else "store")
        elif kind in (ast.Import, ast.ImportFrom):
            for alias in node.names:
                line, col = getattr(alias, "lineno", node.lineno), getattr(alias, "col_offset", node.col_offset)
                plain = alias.asname is None and kind is ast.ImportFrom
                add(alias.asname or alias.name.split(".")[0], line, col, alias, "import" if plain else "other")
        elif kind in (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef):
            add(node.name, node.lineno, node.col_offset, node, "other")
        elif kind is ast.ExceptHandler:
            if node.name:
                add(node.name, node.lineno, node.col_offset, node, "other")
        elif kind is ast.arg:
            add(node.arg, node.lineno, node.col_offset, node, "other")
        elif kind in (ast.Global, ast.Nonlocal):
            for name in node.names:
                add(name, node.lineno, node.col_offset, node, "other")
        elif kind not in (ast.Constant, ast.alias) and isinstance(getattr(node, "name", None), str):
            add(node.name, getattr(node, "lineno", 0), getattr(node, "col_offset", 0), node, "other")  # match
        elif kind in _EXPORTING:
            for string in _exported_strings(node):
                add(str(string.value), string.lineno, string.col_offset, string, "other")
    return found


_EXPORTING = (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Call)


def _exported_strings(node: ast.AST) -> List[ast.Constant]:
    """The strings of ``__all__ = […]``, ``__all__ += […]`` and ``__all__.extend/append(…)``."""
    strings: List[ast.Constant] = []
    values: list = []
    if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
        values = [node.value]
    elif isinstance(node, (ast.AugAssign, ast.AnnAssign)) and getattr(node.target, "id", None) == "__all__":
        values = [node.value]
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and getattr(node.func.value, "id", None) == "__all__"
    ):
        values = list(node.args)
    for value in values:
        if value is not None:
            strings += [n for n in ast.walk(value) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return strings


def blocked_rename(ctx, old: str, new: str, renamed) -> Optional[str]:
    """Why the bound name ``old`` cannot be renamed to ``new`` everywhere in the module, or None.

    ``renamed(occurrence)`` says whether the rule rewrites that occurrence (an import it reports, a
    use that resolves to the renamed Keras name). Worked out once per module and name."""
    key = ("rename", old, new)
    if key not in ctx.memo:
        ctx.memo[key] = _blocked(ctx, old, new, renamed)
    return ctx.memo[key]


def _blocked(ctx, old: str, new: str, renamed) -> Optional[str]:
    exposure: Exposure = getattr(ctx, "exposure", NO_EXPOSURE)
    if exposure.hidden and re.search(rf"(?<![\w.]){re.escape(old)}\b", exposure.hidden):
        return f"`{old}` is also used in notebook lines kerascheck cannot read (magics, shell commands)"
    if old in exposure.imported:
        return f"other modules of the project import `{old}` from this one"
    for found in find(ctx.tree, old):
        if not renamed(found):
            return f"`{old}` is also bound or used at line {found.line}, where the rename cannot follow"
    taken = find(ctx.tree, new)
    if taken:
        return f"the module already binds or uses `{new}` (line {taken[0].line})"
    return None
