"""The fix guard's checks on the statements one fix touches, so that finding the refused fixes of a
round costs each fix the size of its statements, not the module's.

A round is checked whole first (:meth:`kerascheck.guards.Guard.refuse`); only when that refuses is each
fix checked here, alone: its edits are spliced into the simple statements they fall in (a statement
with no body: an assignment, a call, an import), and each new statement must parse as one simple
statement, its renames follow every binding, its Keras calls bind as well as before, it must compile
in the context its place gives it (inside a function, an ``async def``, a class, a loop), bind or drop
no name the module still uses, and import nothing the target lacks. These are the whole-module
checks, with the same reasons, restricted to what the fix changed. A fix with an edit outside every
simple statement (a ``def`` line, a decorator, between statements) is not judged here; the fixes
that pass are checked whole once more, which also catches what one statement cannot show (a
``global`` declared after the use, fixes that clash only together).
"""

from __future__ import annotations

import ast
import bisect
import builtins
from collections import Counter
from typing import Dict, List, Optional, Sequence, Set, Tuple

from kerascheck.catalog.model import Target
from kerascheck.catalog.modules import missing_import
from kerascheck.findings import Edit
from kerascheck.fixed_calls import ModuleNames, added_problem_in
from kerascheck.record import Record
from kerascheck.text import split_lines
from kerascheck.walk import every_node

# Names a module may use without binding them: builtins and the module attributes Python sets.
ALWAYS_BOUND = frozenset(dir(builtins)) | {
    "__file__", "__name__", "__doc__", "__spec__", "__loader__", "__package__", "__path__", "__builtins__",
    "__cached__", "__annotations__", "__dict__", "__module__", "__qualname__", "__class__",
}  # fmt: skip
_COMPILE_FLAGS = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT if hasattr(ast, "PyCF_ALLOW_TOP_LEVEL_AWAIT") else 0
_COMPOUND_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")
_HEADERS = {"def": "def _():", "async": "async def _():", "class": "class _:", "loop": "while _:"}


class Simple(Record):
    """A simple statement: its position among the module's statements (source order), its place as
    character offsets into the source, and the headers that enclose it (what ``compile`` needs)."""

    position: int  # not "index": that would shadow tuple.index
    start: int
    end: int
    context: Tuple[str, ...]


class NameCounts(Record):
    loaded: Counter[str]
    bound: Counter[str]
    star: bool  # a star import binds names nobody can list


def name_counts(nodes: Sequence[ast.AST]) -> NameCounts:
    """How often each name is loaded and bound among ``nodes`` (as :func:`guards.unbound_names` counts)."""
    loaded: Counter[str] = Counter()
    bound: Counter[str] = Counter()
    star = False
    for node in nodes:
        # type() tests, not isinstance(): as exact for these leaf classes, faster, and mypy narrows on them
        if type(node) is ast.Name:
            (loaded if type(node.ctx) is ast.Load else bound)[node.id] += 1
        elif type(node) is ast.Import or type(node) is ast.ImportFrom:
            for alias in node.names:
                if alias.name == "*":
                    star = True
                else:
                    bound[alias.asname or alias.name.split(".")[0]] += 1
        elif type(node) is ast.FunctionDef or type(node) is ast.AsyncFunctionDef or type(node) is ast.ClassDef:
            bound[node.name] += 1
        elif type(node) is ast.arg:
            bound[node.arg] += 1
        elif type(node) is ast.ExceptHandler and node.name:
            bound[node.name] += 1
        elif type(node) is ast.Global or type(node) is ast.Nonlocal:
            bound.update(node.names)
        else:
            name = getattr(node, "name", None) or getattr(node, "rest", None)
            if isinstance(name, str):  # match captures, type parameters
                bound[name] += 1
    return NameCounts(loaded, bound, star)


def _contexts(tree: ast.Module) -> Dict[int, Tuple[str, ...]]:
    """id(statement) -> the headers enclosing it, for the statements inside a compound one."""
    found: Dict[int, Tuple[str, ...]] = {}
    stack: List[Tuple[ast.AST, Tuple[str, ...]]] = [(tree, ())]
    while stack:
        node, context = stack.pop()
        kind = type(node)
        inner = context
        if kind is ast.FunctionDef:
            inner = context + ("def",)
        elif kind is ast.AsyncFunctionDef:
            inner = context + ("async",)
        elif kind is ast.ClassDef:
            inner = context + ("class",)
        for field in _COMPOUND_FIELDS:
            for child in getattr(node, field, None) or ():
                own = inner + ("loop",) if field == "body" and kind in (ast.For, ast.AsyncFor, ast.While) else inner
                if isinstance(child, ast.stmt):
                    found[id(child)] = own
                stack.append((child, own))
    return found


def _is_simple(statement: ast.stmt) -> bool:
    return not any(hasattr(statement, field) for field in _COMPOUND_FIELDS)


def _in_context(segment: str, context: Tuple[str, ...]) -> str:
    """``segment`` (a statement starting at column 0) under stand-in headers of its enclosing blocks."""
    if not context:
        return segment
    headers = "".join(" " * depth + _HEADERS[kind] + "\n" for depth, kind in enumerate(context))
    indent = " " * len(context)
    return headers + "".join(indent + line for line in split_lines(segment))


class StatementIndex:
    """One source's simple statements and names, built once when a round's whole check refused."""

    def __init__(self, source: str, tree: ast.Module, statements: Sequence[ast.stmt], names: ModuleNames) -> None:
        self.source = source
        self.tree = tree
        self.statements = statements
        self.names = names
        self.lines = split_lines(source)
        self.line_starts = [0]
        for line in self.lines:
            self.line_starts.append(self.line_starts[-1] + len(line))
        contexts = _contexts(tree)
        self.simple: List[Simple] = []
        for index, statement in enumerate(statements):
            if _is_simple(statement) and statement.end_lineno is not None and statement.end_col_offset is not None:
                start = self.offset(statement.lineno, statement.col_offset)
                end = self.offset(statement.end_lineno, statement.end_col_offset)
                self.simple.append(Simple(index, start, end, contexts.get(id(statement), ())))
        self.simple_starts = [each.start for each in self.simple]
        self.counts = name_counts(every_node(tree))
        self._compiles: Dict[int, bool] = {}  # statement position -> whether it compiles in its context
        self._counts: Dict[int, Optional[int]] = {}  # statement position -> statements_in()

    def offset(self, line: int, byte_col: int) -> int:
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        col = byte_col if text.isascii() else len(text.encode("utf-8")[:byte_col].decode("utf-8", "replace"))
        return self.line_starts[line - 1] + col

    def edit_span(self, edit: Edit) -> Tuple[int, int]:
        return self.line_starts[edit.line - 1] + edit.col, self.line_starts[edit.end_line - 1] + edit.end_col

    def holding(self, start: int, end: int) -> Optional[Simple]:
        """The simple statement whose text holds ``[start, end)``, or None."""
        position = bisect.bisect_right(self.simple_starts, start) - 1
        if position < 0:
            return None
        found = self.simple[position]
        return found if found.start <= start and end <= found.end else None

    def line_tail(self, simple: Simple) -> str:
        """The source after ``simple`` on its last line, its line end excluded."""
        end = self.source.find("\n", simple.end)
        tail = self.source[simple.end : len(self.source) if end < 0 else end]
        return tail.split("\r", 1)[0]

    def statements_in(self, simple: Simple) -> Optional[int]:
        """How many statements ``simple`` and the rest of its last line parse to, alone (None: they
        do not parse alone, so the statement is not judged here)."""
        if simple.position not in self._counts:
            try:
                count: Optional[int] = len(
                    ast.parse(self.source[simple.start : simple.end] + self.line_tail(simple)).body
                )
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                count = None
            self._counts[simple.position] = count
        return self._counts[simple.position]

    def old_compiles(self, simple: Simple) -> bool:
        if simple.position not in self._compiles:
            segment = self.source[simple.start : simple.end]
            self._compiles[simple.position] = compiles(_in_context(segment, simple.context)) is None
        return self._compiles[simple.position]


def compiles(source: str) -> Optional[str]:
    """None when the source compiles, else the error."""
    try:
        compile(source, "<fixed>", "exec", flags=_COMPILE_FLAGS, dont_inherit=True)
    except (SyntaxError, ValueError) as error:
        return getattr(error, "msg", None) or str(error)
    except (RecursionError, MemoryError):
        return "the code is nested too deeply"
    return None


class Spliced(Record):
    simple: Simple
    statement: ast.stmt  # the fixed statement, parsed alone (positions relative to it)
    segment: str


def splice(index: StatementIndex, edits: Sequence[Edit]) -> Tuple[Optional[List[Spliced]], Optional[str]]:
    """The statements ``edits`` change, each parsed with its edits applied; (None, None) when an edit
    lies outside every simple statement or a result is not judged here, (None, reason) when refused."""
    by_statement: Dict[int, Tuple[Simple, List[Tuple[int, int, str]]]] = {}
    for edit in edits:
        start, end = index.edit_span(edit)
        simple = index.holding(start, end)
        if simple is None:
            return None, None
        by_statement.setdefault(simple.position, (simple, []))[1].append((start, end, edit.text))
    found = []
    for simple, spans in by_statement.values():
        spans.sort()
        if any(spans[i][1] > spans[i + 1][0] for i in range(len(spans) - 1)):
            return None, "it overlaps another fix"
        pieces, position = [], simple.start
        for start, end, text in spans:
            pieces += [index.source[position:start], text]
            position = end
        pieces.append(index.source[position : simple.end])
        segment = "".join(pieces)
        tail = index.line_tail(simple)  # what follows on its last line: an edit must not swallow it
        old_count = index.statements_in(simple)
        if old_count is None:
            return None, None
        try:
            body = ast.parse(segment + tail).body
        except (SyntaxError, ValueError) as error:
            return None, f"the fixed code would not parse ({getattr(error, 'msg', error)})"
        except (RecursionError, MemoryError):
            return None, "the fixed code would be nested too deeply"
        if len(body) != old_count or not _is_simple(body[0]):
            return None, "the fixes would add or remove statements"
        if not _ends_at(segment, body[0]):
            return None, None  # the fixed statement reaches into what followed it
        found.append(Spliced(simple, body[0], segment))
    return found, None


def _ends_at(segment: str, statement: ast.stmt) -> bool:
    """Whether ``statement`` (parsed from ``segment`` and what follows it) ends where ``segment`` does."""
    lines = split_lines(segment)
    if statement.end_lineno != len(lines) or statement.end_col_offset is None:
        return False
    return lines[-1].encode("utf-8")[statement.end_col_offset :].strip() == b""


def refuse_locally(
    index: StatementIndex,
    edits: Sequence[Edit],
    renames_reason: Optional[str],
    old_unbound: Optional[Set[str]],
    module_compiles: bool,
    target: Optional[Target],
) -> Optional[str]:
    """Why the fix of ``edits`` alone would be refused, as the whole-module check would say; None when
    it passes here or is not judged here (the whole check follows)."""
    spliced, reason = splice(index, edits)
    if spliced is None:
        return reason
    if renames_reason:
        return renames_reason
    indexes = [each.simple.position for each in spliced]
    before = [index.statements[i] for i in indexes]
    after = [each.statement for each in spliced]
    reason = added_problem_in(index.names, indexes, before, after, target)
    if reason:
        return reason
    if module_compiles:
        for each in spliced:
            if index.old_compiles(each.simple):
                error = compiles(_in_context(each.segment, each.simple.context))
                if error is not None:
                    return f"the fixed code would not compile ({error})"
    if old_unbound is not None:
        gained = _gained_unbound(index, before, after, old_unbound)
        if gained:
            return f"`{gained}` would be used but never defined"
    if target is not None:
        for statement in after:
            if isinstance(statement, (ast.Import, ast.ImportFrom)):
                reason = missing_import(statement, target)
                if reason:
                    return reason
    return None


def _gained_unbound(
    index: StatementIndex, before: Sequence[ast.stmt], after: Sequence[ast.stmt], old_unbound: Set[str]
) -> Optional[str]:
    """The first name (sorted) the module would load without binding it once ``before`` became
    ``after``, that it did not lack before."""
    old = name_counts([node for statement in before for node in every_node(statement)])
    new = name_counts([node for statement in after for node in every_node(statement)])
    if new.star:
        return None
    counts = index.counts
    gained = []
    for name in set(old.bound) | set(new.loaded):
        if name in ALWAYS_BOUND or name in old_unbound:
            continue
        loaded = counts.loaded[name] - old.loaded[name] + new.loaded[name]
        bound = counts.bound[name] - old.bound[name] + new.bound[name]
        if loaded > 0 and bound <= 0:
            gained.append(name)
    return min(gained) if gained else None
