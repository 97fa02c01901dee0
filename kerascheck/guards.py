"""What a fix round must not do to a module, checked on the result rather than trusted to the rules.

A fixed module must parse and differ from its input only where the edits reached (every statement
keeps its kind and place, every untouched simple statement is unchanged); it must still compile when
the original did (``compile`` rejects what ``ast.parse`` accepts: a keyword passed twice); it must gain
no name that nothing binds; a rename must cover every binding and use of the old name and must not
land on a name the module already binds; every Keras call the edits touched must bind on the target's
signature unless it already failed that way (:mod:`kerascheck.fixed_calls`); and a fixed import must
name a module the target has.
Each check returns the reason a result is refused, or None.
"""

from __future__ import annotations

import ast
import re
from typing import Iterable, List, Optional, Sequence, Set, Tuple

from kerascheck.catalog.model import Target
from kerascheck.catalog.modules import missing_import
from kerascheck.findings import Edit
from kerascheck.fixed_calls import ModuleNames, added_problem
from kerascheck.renames import occurrences
from kerascheck.statement_guard import ALWAYS_BOUND, StatementIndex, compiles, refuse_locally
from kerascheck.text import split_lines
from kerascheck.walk import every_node

EditSpan = Tuple[int, int, int, int]  # where an edit lies: (line, col, end_line, end_col)


def unbound_names(tree: ast.AST, nodes: Optional[List[ast.AST]] = None) -> Optional[Set[str]]:
    """Names loaded somewhere that nothing in the module binds (scopes ignored, so a name bound in
    one function and used in another counts as bound); None after a star import, where any may be.
    ``nodes``: the tree's :func:`every_node`, when the caller has it."""
    loaded: Set[str] = set()
    bound: Set[str] = set()
    for node in every_node(tree) if nodes is None else nodes:
        # type() tests, not isinstance(): as exact for these leaf classes, faster, and mypy narrows on them
        if type(node) is ast.Name:
            (loaded if type(node.ctx) is ast.Load else bound).add(node.id)
        elif type(node) is ast.Import or type(node) is ast.ImportFrom:
            for alias in node.names:
                if alias.name == "*":
                    return None
                bound.add(alias.asname or alias.name.split(".")[0])
        elif type(node) is ast.FunctionDef or type(node) is ast.AsyncFunctionDef or type(node) is ast.ClassDef:
            bound.add(node.name)
        elif type(node) is ast.arg:
            bound.add(node.arg)
        elif type(node) is ast.ExceptHandler and node.name:
            bound.add(node.name)
        elif type(node) is ast.Global or type(node) is ast.Nonlocal:
            bound.update(node.names)
        else:
            name = getattr(node, "name", None) or getattr(node, "rest", None)
            if isinstance(name, str):  # match captures, type parameters
                bound.add(name)
    return loaded - bound - ALWAYS_BOUND


class Guard:
    """The checks of one module's fix rounds. ``hidden`` is text the checked module does not show but
    that runs with it (a notebook's magic lines and non-Python cells): a rename must not miss a use
    there either."""

    def __init__(self, target: Optional[Target] = None, hidden: str = "") -> None:
        self.target = target
        self.hidden = hidden
        self._before: Optional[Tuple[str, ast.Module, Optional[str], Optional[Set[str]]]] = None
        self._statements: Optional[Tuple[str, List[ast.stmt], ModuleNames]] = None  # of the source, for the API check
        self._after: Optional[Tuple[str, ast.Module]] = None  # the last result parsed: fix.check_confined reuses it
        self._index: Optional[StatementIndex] = None  # of the source, for the checks of one fix alone

    def _original(self, source: str) -> Tuple[ast.Module, Optional[str], Optional[Set[str]]]:
        if self._before is None or self._before[0] is not source:
            tree = ast.parse(source)
            self._before = (source, tree, compiles(source), unbound_names(tree))
        return self._before[1:]

    def trees(self, before: str, after: str) -> Optional[Tuple[ast.Module, ast.Module]]:
        """The trees :meth:`refuse` parsed of ``before`` and ``after`` (the same text objects), or None."""
        if self._before is None or self._after is None or (self._before[0], self._after[0]) != (before, after):
            return None
        return self._before[1], self._after[1]

    def refuse(
        self, before: str, after: str, renames: Iterable[Tuple[str, str]], spans: Sequence[EditSpan]
    ) -> Optional[str]:
        """Why ``after`` (``before`` with edits at ``spans``) may not be kept, or None."""
        old_tree, old_error, old_unbound = self._original(before)
        try:
            new_tree = ast.parse(after)
        except (SyntaxError, ValueError) as error:
            return f"the fixed code would not parse ({getattr(error, 'msg', error)})"
        except (RecursionError, MemoryError):
            return "the fixed code would be nested too deeply"
        self._after = (after, new_tree)
        nodes = every_node(new_tree)  # one walk for the checks below
        reason = self._renames(before, old_tree, renames, spans)
        if reason is None:
            reason = self._binding(before, old_tree, nodes, spans)
        if reason:
            return reason
        if old_error is None:
            new_error = compiles(after)
            if new_error is not None:
                return f"the fixed code would not compile ({new_error})"
        if old_unbound is not None:
            new_unbound = unbound_names(new_tree, nodes)
            gained = sorted((new_unbound or set()) - old_unbound)
            if gained:
                return f"`{gained[0]}` would be used but never defined"
        return None if self.target is None else _missing_imports(nodes, spans, self.target)

    def refuse_alone(self, source: str, edits: Sequence[Edit], renames: Iterable[Tuple[str, str]]) -> Optional[str]:
        """Why one fix (its ``edits`` to ``source``) would be refused, judged on the statements it
        touches (:mod:`kerascheck.statement_guard`); None when it passes there or is not judged there.
        For the rounds :meth:`refuse` refused: the cost is the fix's, not the module's."""
        tree, error, unbound = self._original(source)
        if self._index is None or self._index.source is not source:
            statements, names = self._module_statements(source, tree)
            self._index = StatementIndex(source, tree, statements, names)
        spans = [(edit.line, edit.col, edit.end_line, edit.end_col) for edit in edits]
        renames_reason = self._renames(source, tree, renames, spans, self._index.lines)
        return refuse_locally(self._index, edits, renames_reason, unbound, error is None, self.target)

    def _module_statements(self, source: str, tree: ast.Module) -> Tuple[List[ast.stmt], ModuleNames]:
        if self._statements is None or self._statements[0] is not source:
            statements = in_source_order(every_node(tree))
            self._statements = (source, statements, ModuleNames(statements))
        return self._statements[1], self._statements[2]

    def _binding(
        self, source: str, tree: ast.Module, nodes: Sequence[ast.AST], spans: Sequence[EditSpan]
    ) -> Optional[str]:
        """Why a Keras call the edits touched would not bind on the target where it did (see
        :mod:`kerascheck.fixed_calls`), or None."""
        old_statements, names = self._module_statements(source, tree)
        new_statements = in_source_order(nodes)
        if len(new_statements) != len(old_statements):
            return None  # fix.check_confined refuses it
        lines = {line for span in spans for line in range(span[0], span[2] + 1)}
        return added_problem(names, old_statements, new_statements, lines, self.target)

    def _renames(
        self,
        source: str,
        tree: ast.Module,
        renames: Iterable[Tuple[str, str]],
        spans: Sequence[EditSpan],
        lines: Optional[Sequence[str]] = None,
    ) -> Optional[str]:
        if lines is None:
            lines = split_lines(source) if renames else []
        starts = {(span[0], span[1]) for span in spans}  # a rename edits each name from its first character
        for old, new in renames:
            if _word_in(old, self.hidden):
                return f"`{old}` is also used in notebook lines kerascheck cannot read (magics, shell, other cells)"
            for line, col in occurrences(tree, old):
                if (line, _characters(lines, line, col)) not in starts:
                    return f"`{old}` is also bound or used at line {line}, where the rename cannot follow"
            taken = occurrences(tree, new)
            if taken:
                return f"the module already binds or uses `{new}` (line {taken[0][0]})"
        return None


def in_source_order(nodes: Iterable[ast.AST]) -> List[ast.stmt]:
    """The statements among ``nodes``, in source order."""
    found = [node for node in nodes if isinstance(node, ast.stmt)]
    return sorted(found, key=lambda node: (node.lineno, node.col_offset))


def _characters(lines: Sequence[str], line: int, byte_col: int) -> int:
    """The ast's UTF-8 byte column as a character column (what edits count)."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return byte_col if text.isascii() else len(text.encode("utf-8")[:byte_col].decode("utf-8", "replace"))


def _word_in(word: str, text: str) -> bool:
    if not text or word not in text:
        return False
    return re.search(rf"(?<![\w.]){re.escape(word)}\b", text) is not None


def _missing_imports(nodes: Sequence[ast.AST], spans: Sequence[EditSpan], target: Target) -> Optional[str]:
    lines = {line for span in spans for line in range(span[0], span[2] + 1)}
    for node in nodes:
        if (type(node) is ast.Import or type(node) is ast.ImportFrom) and not lines.isdisjoint(
            range(node.lineno, (node.end_lineno or node.lineno) + 1)
        ):
            reason = missing_import(node, target)
            if reason:
                return reason
    return None
