"""Which bindings of a name can reach one use of it: the bindings of its scope (rules/values.py) placed
among the scope's statements, so that ``x = tf.nn.relu(x)`` after ``x = Dense(4)(inputs)`` does not stand
for the ``x`` it reads.

A sound approximation, from the statement lists alone (no control-flow graph). A statement of a block runs
only after the statements before it in that block ran to their end (Python has no jump into a block), so a
simple statement of a block that holds the use, before it, that binds the name as a whole target (``x =``,
``x +=``, ``a, x =``, ``del x``, ``import x``, ``def x``; not a walrus or a comprehension in it, which may
not run) certainly bound it: the latest such statement *dominates* the use, and every binding before it
is overwritten. What it leaves can reach: its own bindings, every binding after it and before the use's
statement (a conditional ``if c: x = f(x)`` included), the bindings of the use's own statement that take
effect before the use, and the bindings after the use that a loop brings back to it: a loop around the use
that does not hold the dominating statement. With no dominating statement, every binding of the scope may
reach the use. A binding takes effect at the end of its statement: ``x = tf.nn.relu(x)`` reads the ``x``
bound before. tests/test_reaching.py runs random functions to check that every binding a read sees is kept.

The structure is read from the tree where asked (a bisection per block), not from a walk of the module.
"""

from __future__ import annotations

import ast
from bisect import bisect_right
from typing import TYPE_CHECKING, Dict, List, Optional, Sequence, Tuple, Union

from kerascheck.record import Record
from kerascheck.rules.values import Binding, module_values

if TYPE_CHECKING:
    from kerascheck.context import Context

Position = Tuple[int, int]
Loop = Union[ast.For, ast.AsyncFor, ast.While]

_LOOPS = (ast.For, ast.AsyncFor, ast.While)
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_BEFORE_EVERYTHING: Position = (0, -1)  # a parameter: bound when the scope starts


class Step(Record):
    """One level of where a node stands: the ``at``-th statement of a statement list."""

    block: Sequence[ast.stmt]
    at: int
    statement: ast.stmt


class Placed(Record):
    binding: Binding
    position: Optional[Position]  # None: not known, so it may reach any use
    steps: List[Step]  # where it stands (none: a parameter, bound when the scope starts)

    @property
    def statement(self) -> Optional[ast.stmt]:
        return self.steps[-1].statement if self.steps else None


class Reaching:
    """Places nodes among the statements of their scope, once each."""

    def __init__(self) -> None:
        self._starts: Dict[int, List[Position]] = {}  # id(statement list) -> where each statement starts
        self._places: Dict[int, List[Step]] = {}  # id(node) -> its steps from the scope's body

    def bindings(self, use: ast.Name, scope: ast.AST, bindings: List[Binding]) -> List[Binding]:
        """The bindings of ``use``'s name in ``scope`` (all of them, in any order) that can reach it."""
        body = _body(scope)
        if body is None:
            return bindings  # a lambda: one expression
        place = self._place(body, use)
        if not place:
            return bindings
        statement = place[-1].statement
        placed = [self._placed(body, binding) for binding in bindings]
        dominator = _dominator(place, placed)
        if dominator is None:
            return bindings
        start, use_start = _start(dominator), _start(statement)
        loop = _loop_back(place, use, start)
        reaching = []
        for each in placed:
            if each.position is None or each.statement is dominator or start <= each.position < use_start:
                reaching.append(each.binding)
            elif each.position < start:
                continue  # overwritten by the dominating statement
            elif each.statement is statement and not _takes_effect_after(statement, each.position, use):
                reaching.append(each.binding)  # ``[tf.nn.relu(x) for x in xs]``, a walrus, ``with … as x``
            elif loop is not None and each.position <= _end(loop.body[-1]):
                reaching.append(each.binding)  # after the use, back to it through the loop
        return reaching

    def _placed(self, body: Sequence[ast.stmt], binding: Binding) -> Placed:
        node = binding.node
        if isinstance(node, ast.arg):
            return Placed(binding, _BEFORE_EVERYTHING, [])
        if node is None:
            return Placed(binding, None, [])
        steps = self._place(body, node)
        return Placed(binding, _position(node) if steps else None, steps)

    def _place(self, body: Sequence[ast.stmt], node: ast.AST) -> List[Step]:
        """The statements that hold ``node``, outermost first (the scope's body down to the innermost,
        never into a nested def or class)."""
        found = self._places.get(id(node))
        if found is not None:
            return found
        position = _position(node)
        steps: List[Step] = []
        block: Optional[Sequence[ast.stmt]] = body
        while block:
            starts = self._starts.get(id(block))
            if starts is None:
                starts = self._starts[id(block)] = [_start(statement) for statement in block]
            index = bisect_right(starts, position) - 1
            if index < 0 or _end(block[index]) < position:
                break
            statement = block[index]
            steps.append(Step(block, index, statement))
            block = None if isinstance(statement, _SCOPES) else _inner_block(statement, position)
        self._places[id(node)] = steps
        return steps


def reaching_bindings(ctx: Context, use: ast.Name) -> Optional[List[Binding]]:
    """The bindings of a name that can reach one use of it: those of the use's own scope placed among its
    statements (:class:`Reaching`), or, for a name the use's function reads from an enclosing scope, every
    binding there (a function runs whenever it is called). None where the module does not show them all: a
    name no scope binds, and a name some function declares ``global`` or ``nonlocal`` (a call may rebind it
    anywhere). A ``from m import *`` of the scope is one more binding (with no value)."""
    values = module_values(ctx)
    if any(use.id in names for names in values.globals.values()):
        return None
    scope = values.scope_of(use)
    own = values.bindings.get((id(scope), use.id))
    if own:
        reaching = ctx.memo.get(Reaching)
        if reaching is None:
            reaching = ctx.memo[Reaching] = Reaching()
        return reaching.bindings(use, scope, own + values.bindings.get((id(scope), "*"), []))
    while scope is not values.module:
        scope = values.scope_of(scope)
        if not isinstance(scope, ast.ClassDef):  # a class body's names are not seen from its methods
            found = values.bindings.get((id(scope), use.id))
            if found:
                return found + values.bindings.get((id(scope), "*"), [])
    return None


def _dominator(place: List[Step], placed: List[Placed]) -> Optional[ast.stmt]:
    """The latest statement that certainly binds the name and dominates the use ``place`` leads to: a
    simple statement of a block on the use's way, before the statement the use stands in there, that binds
    the name as a whole target (not by a walrus or a comprehension in it, which may not run)."""
    found: Optional[ast.stmt] = None
    for each in placed:
        depth = len(each.steps) - 1
        if depth < 0 or depth >= len(place):
            continue
        last = each.steps[depth]
        if last.block is not place[depth].block or last.at >= place[depth].at:
            continue
        if (found is None or _start(found) < _start(last.statement)) and _binds(last.statement, each.binding.node):
            found = last.statement
    return found


def _binds(statement: ast.stmt, node: Optional[ast.AST]) -> bool:
    """Whether ``statement`` certainly binds (or deletes) the name at ``node`` when it runs to its end."""
    if node is statement or isinstance(statement, (ast.Import, ast.ImportFrom)):
        return True  # a def, a class, an import
    if isinstance(statement, (ast.Assign, ast.Delete)):
        targets = list(statement.targets)
    elif isinstance(statement, ast.AugAssign) or (isinstance(statement, ast.AnnAssign) and statement.value):
        targets = [statement.target]
    else:
        return False
    while targets:
        target = targets.pop()
        if target is node:
            return True
        if isinstance(target, (ast.Tuple, ast.List)):
            targets += target.elts
        elif isinstance(target, ast.Starred):
            targets.append(target.value)
    return False


def _loop_back(place: List[Step], use: ast.Name, dominator_start: Position) -> Optional[Loop]:
    """The outermost loop that repeats the use (its body, or the test of a ``while``) and not the
    dominating statement: what its body binds after the use comes back to the use."""
    for depth, step in enumerate(place):
        loop = step.statement
        if not isinstance(loop, _LOOPS):
            continue
        inside = place[depth + 1].block is loop.body if depth + 1 < len(place) else _within(use, loop, "test")
        if inside and not _start(loop.body[0]) <= dominator_start <= _end(loop.body[-1]):
            return loop
    return None


def _takes_effect_after(statement: ast.stmt, position: Position, use: ast.Name) -> bool:
    """Whether a binding at ``position`` of ``statement`` binds after the ``use`` in it is read: a target of
    ``x = f(x)`` (``x += f(x)``, ``x: T = f(x)``) and the target of ``for x in f(x):``."""
    if isinstance(statement, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
        value = statement.value
        return value is not None and position < _position(value) and _within(use, statement, "value")
    if isinstance(statement, (ast.For, ast.AsyncFor)):
        return _position(statement.target) <= position <= _end(statement.target) and _within(use, statement, "iter")
    return False


def _within(node: ast.AST, statement: ast.stmt, field: str) -> bool:
    part = getattr(statement, field, None)
    return isinstance(part, ast.AST) and _position(part) <= _position(node) <= _end(part)


def _inner_block(statement: ast.stmt, position: Position) -> Optional[Sequence[ast.stmt]]:
    """The statement list of a compound statement that holds ``position`` (None: its header holds it)."""
    blocks = [getattr(statement, name, None) for name in ("body", "orelse", "finalbody")]
    blocks += [part.body for name in ("handlers", "cases") for part in getattr(statement, name, ())]
    for block in blocks:
        if block and _start(block[0]) <= position <= _end(block[-1]):
            return block
    return None


def _body(scope: ast.AST) -> Optional[Sequence[ast.stmt]]:
    return scope.body if isinstance(scope, (ast.Module, *_SCOPES)) else None


def _start(statement: ast.stmt) -> Position:
    """Where a statement starts: a decorated def or class at its first decorator."""
    decorators = getattr(statement, "decorator_list", None)
    return _position(decorators[0]) if decorators else _position(statement)


def _position(node: ast.AST) -> Position:
    return node.lineno, node.col_offset  # type: ignore[attr-defined]  # statements and expressions have both


def _end(node: ast.AST) -> Position:
    return node.end_lineno, node.end_col_offset  # type: ignore[attr-defined]
