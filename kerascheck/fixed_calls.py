"""Whether the Keras calls a fix touched still bind on the target (the fix guard's API check).

The calls are those of the statements the edits reach; each resolves through the module's imports to a
public Keras callable, as KER230 resolves it, and is bound against the target's generated signature
(:mod:`kerascheck.binding`). A fix is refused only for a problem it adds: a call that did not bind before
(``Conv2D(8, 3, 3, border_mode='same')`` on Keras 3) may still have its class renamed; a call that bound
and would not (``padding`` given twice, a keyword the target refuses) may not be made.

Resolution is the imports' alone: a name the module binds by anything else (a ``def``, an assignment, a
parameter) is the module's own and never resolves, and a method call is left to the rules (its receiver
needs typing).
"""

from __future__ import annotations

import ast
from functools import cache
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

from kerascheck import binding, catalog
from kerascheck.catalog import api
from kerascheck.catalog.api import Signature
from kerascheck.catalog.model import Target
from kerascheck.names import classify, dotted_chain
from kerascheck.walk import own_nodes

_OWN = ""  # a binding by anything but an import
Bindings = Dict[str, List[str]]  # name -> the dotted name each import binds it to, or _OWN


def statement_bindings(statement: ast.stmt, into: Bindings) -> None:
    """Add what ``statement`` itself binds (not its nested statements) to ``into``."""
    if type(statement) is ast.Import:
        for alias in statement.names:
            local = alias.asname or alias.name.split(".")[0]
            into.setdefault(local, []).append(alias.name if alias.asname else local)
        return
    if type(statement) is ast.ImportFrom:
        for alias in statement.names:
            dotted = f"{statement.module}.{alias.name}" if statement.module and not statement.level else _OWN
            if alias.name == "*":
                into.setdefault("*", []).append(dotted)
            else:
                into.setdefault(alias.asname or alias.name, []).append(dotted)
        return
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        into.setdefault(statement.name, []).append(_OWN)
    for node in _own_nodes(statement):
        name = None
        if type(node) is ast.Name and type(node.ctx) is not ast.Load:
            name = node.id
        elif type(node) is ast.arg:
            name = node.arg
        elif type(node) is ast.ExceptHandler:
            name = node.name
        elif type(node) is ast.Global or type(node) is ast.Nonlocal:
            for each in node.names:
                into.setdefault(each, []).append(_OWN)
        if name:
            into.setdefault(name, []).append(_OWN)


def _own_nodes(statement: ast.stmt) -> List[ast.AST]:
    """The nodes of ``statement`` outside its nested statements (their own turn comes)."""
    return own_nodes(statement)


def module_bindings(statements: Iterable[ast.stmt]) -> Bindings:
    found: Bindings = {}
    for statement in statements:
        statement_bindings(statement, found)
    return found


class ModuleNames:
    """What each statement of a module binds, so that the bindings after a fix are those before with
    the touched statements' replaced (nothing else changed: see ``fix.check_confined``)."""

    def __init__(self, statements: Sequence[ast.stmt]) -> None:
        self.by_name: Dict[str, List[Tuple[int, str]]] = {}
        for index, statement in enumerate(statements):
            own: Bindings = {}
            statement_bindings(statement, own)
            for name, dotted in own.items():
                self.by_name.setdefault(name, []).extend((index, each) for each in dotted)

    def before(self, names: Iterable[str]) -> Bindings:
        return {name: [dotted for _, dotted in self.by_name.get(name, ())] for name in names}

    def after(self, names: Iterable[str], touched: Set[int], fixed: Iterable[ast.stmt]) -> Bindings:
        """The bindings of ``names`` once the statements at ``touched`` are replaced by ``fixed``."""
        new = module_bindings(fixed)
        return {
            name: [dotted for index, dotted in self.by_name.get(name, ()) if index not in touched] + new.get(name, [])
            for name in names
        }


def _resolve(func: ast.expr, bindings: Bindings) -> Optional[str]:
    """The dotted name a called chain stands for through imports only, or None."""
    chain = dotted_chain(func)
    if chain is None:
        return None
    root, attrs = chain
    bound = bindings.get(root)
    base: Optional[str]
    if bound:
        if _OWN in bound:
            return None  # the first import, when imports differ (as names.Resolver does)
        base = bound[0]
    else:
        base = _from_star_imports(root, bindings.get("*", ()))
    return None if base is None else ".".join([base, *attrs])


def _from_star_imports(name: str, modules: Sequence[str]) -> Optional[str]:
    for module in reversed(modules):
        reference = classify(f"{module}.{name}") if module else None
        if reference is not None and catalog.is_known_star_name(reference):
            return reference.dotted
    return None


def keras_callee(func: ast.expr, bindings: Bindings, target: Target) -> Optional[str]:
    """The public Keras callable (``layers.Conv2D``, its modern name on ``target``) a call targets."""
    dotted = _resolve(func, bindings)
    reference = None if dotted is None else classify(dotted)
    if reference is None or not reference.is_keras:
        return None
    return catalog.modern_name(catalog.canonical_name(reference), target)


_KEYWORD_TWICE = "keyword given twice"
Key = Tuple[str, str, str]  # (callable, problem kind, argument)


def called_names(statements: Iterable[ast.stmt]) -> Set[str]:
    """The first name of each call's chain in ``statements`` (what resolution looks up), and ``*``."""
    names = {"*"}
    for statement in statements:
        for node in _own_nodes(statement):
            if type(node) is ast.Call:
                chain = dotted_chain(node.func)
                if chain is not None:
                    names.add(chain[0])
    return names


def problems(statements: Iterable[ast.stmt], bindings: Bindings, target: Optional[Target]) -> Dict[Key, str]:
    """What keeps the calls in ``statements`` (not their nested statements) from binding on ``target``,
    each problem's key with its description. A call of a tabled Keras callable is bound against its
    signature; another (a method, a name nothing imports) by the parameters its spelled name takes
    first, when the catalog knows them (``.fit``)."""
    found: Dict[Key, str] = {}
    for statement in statements:
        for node in _own_nodes(statement):
            if type(node) is not ast.Call:
                continue
            tabled = None if target is None else _tabled_callee(node.func, bindings, target)
            if tabled is None:
                _twice_by_name(node, bindings, found)
                continue
            owner, signature = tabled
            for problem in binding.problems(signature, node, nearest=False):  # describe() does not say it
                if problem.kind == binding.IGNORED:
                    continue
                argument = "" if problem.kind == binding.TOO_MANY else problem.argument
                if problem.kind == binding.TWICE and sum(k.arg == argument for k in node.keywords) > 1:
                    problem = problem._replace(kind=_KEYWORD_TWICE)
                key = (owner, problem.kind, argument)
                if key not in found:
                    found[key] = f"the fixed call would not bind on {target}: {describe(owner, problem)}"
    return found


def _tabled_callee(func: ast.expr, bindings: Bindings, target: Target) -> Optional[Tuple[str, Signature]]:
    """The public Keras callable a call targets and its signature on ``target``, when it is tabled."""
    owner = keras_callee(func, bindings, target)
    signature = None if owner is None else api.callable_signature(target, owner)
    return None if owner is None or signature is None else (owner, signature)


def _twice_by_name(call: ast.Call, bindings: Bindings, found: Dict[Key, str]) -> None:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if name is None or _OWN in bindings.get(name, ()) or any(isinstance(a, ast.Starred) for a in call.args):
        return
    keywords = {keyword.arg for keyword in call.keywords}
    for parameter in _leading_parameters().get(name, ())[: len(call.args)]:
        if parameter in keywords:
            found.setdefault(
                (name, binding.TWICE, parameter), f"`{name}(…)` would get `{parameter}` by position and by keyword"
            )


@cache
def _leading_parameters() -> Dict[str, Tuple[str, ...]]:
    """Callee name as written (``Conv2D``, ``fit``) -> the parameters it takes by position first."""
    from kerascheck.catalog.arguments import LEADING_PARAMETERS

    return {owner.rsplit(".", 1)[-1]: parameters for owner, parameters in LEADING_PARAMETERS.items()}


def added_problem(
    names: ModuleNames,
    old_statements: Sequence[ast.stmt],
    new_statements: Sequence[ast.stmt],
    lines: Set[int],
    target: Optional[Target],
) -> Optional[str]:
    """Why a call of the statements on the edited ``lines`` would not bind on ``target`` after the fix
    where it did before (or failed otherwise), or None. Both statement lists are in source order and
    of one length."""
    indexes = touched(old_statements, lines)
    before = [old_statements[index] for index in indexes]
    after = [new_statements[index] for index in indexes]
    return added_problem_in(names, indexes, before, after, target)


def added_problem_in(
    names: ModuleNames,
    indexes: Sequence[int],
    before: Sequence[ast.stmt],
    after: Sequence[ast.stmt],
    target: Optional[Target],
) -> Optional[str]:
    """:func:`added_problem` of the statements at ``indexes`` (of the module's, in source order),
    ``before`` and ``after`` the fix."""
    new = problems(after, names.after(called_names(after), set(indexes), after), target)
    if not new:
        return None
    old = problems(before, names.before(called_names(before)), target)
    return next((reason for key, reason in new.items() if key not in old), None)


def describe(owner: str, problem: binding.Problem) -> str:
    shown = owner.rsplit(".", 1)[-1]
    name = problem.argument
    if problem.kind == binding.TWICE:
        return f"`{shown}(…)` would get `{name}` by position and by keyword ({problem.effect})"
    if problem.kind == _KEYWORD_TWICE:
        return f"`{shown}(…)` would get `{name}=` twice (SyntaxError)"
    if problem.kind == binding.TOO_MANY:
        return f"`{shown}(…)` would get {name} positional arguments ({problem.effect})"
    if problem.kind == binding.MISSING:
        return f"`{shown}(…)` would lack its required argument `{name}` ({problem.effect})"
    if problem.kind == binding.REFUSED:
        return f"`{shown}(…)` refuses `{name}=` ({problem.effect})"
    return f"`{name}=` is no parameter of `{shown}` ({problem.effect})"


def touched(statements: Sequence[ast.stmt], lines: Set[int]) -> List[int]:
    """The indexes of the statements whose lines include an edited line."""
    return [
        index
        for index, statement in enumerate(statements)
        if not lines.isdisjoint(range(statement.lineno, (statement.end_lineno or statement.lineno) + 1))
    ]
