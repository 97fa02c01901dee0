"""What the argument rules share beyond the callee (:mod:`kerascheck.context.callees`): a call's argument,
whether a method's receiver is a Keras model, and the module's imports from a Keras module."""

from __future__ import annotations

import ast
from typing import Dict, FrozenSet, Iterator, List, Optional, Tuple

from kerascheck import catalog
from kerascheck.catalog.model import Target
from kerascheck.context import Callee, Context, callee
from kerascheck.names import classify

__all__ = [
    "Callee", "argument", "callee", "model_receiver", "keras_module_of", "keras_imports_from", "keras_partials",
    "MODEL_MAKERS",
]  # fmt: skip


# What makes a Keras model: its classes, the functions that load or copy one, and the applications.
MODEL_MAKERS = frozenset(
    {"models.Sequential", "models.Model", "models.load_model", "saving.load_model", "models.clone_model"}
)


def argument(node: ast.Call, position: int, keyword: str) -> Optional[ast.expr]:
    """A call's argument by position or keyword, or None (also behind a ``*args`` before it)."""
    for item in node.keywords:
        if item.arg == keyword:
            return item.value
    if any(isinstance(arg, ast.Starred) for arg in node.args[: position + 1]):
        return None
    return node.args[position] if len(node.args) > position else None


def own_method_called(ctx: Context, node: ast.Call) -> bool:
    """Whether ``receiver.method(...)`` calls a method the module defines itself (a user's model class,
    an override of ``fit``), then what it takes is that method's business: the module defines a method
    of that name and the receiver is ``self``, ``super()``, an instance of one of the module's classes
    (``Trainer()``) or a name every assignment of which makes one. Another receiver
    (``self.network``, a parameter) is not known to be one."""
    func = node.func
    if not isinstance(func, ast.Attribute) or func.attr not in _methods_defined(ctx):
        return False
    receiver = func.value
    if isinstance(receiver, ast.Name) and receiver.id == "self":
        return True
    if _makes_own_instance(ctx, receiver) or (
        isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Name) and receiver.func.id == "super"
    ):
        return True
    values = _assigned_values(ctx).get(receiver.id) if isinstance(receiver, ast.Name) else None
    if not values:
        return False
    return all(_makes_own_instance(ctx, value) for value in values)


def may_be_own_method(ctx: Context, node: ast.Call) -> bool:
    """Whether ``receiver.method(...)`` may call a method the module defines itself: the module defines one of
    that name and the receiver is not shown to be a Keras model (every assignment of its name makes one). An object
    a call of the module's own returns (``Wrapper().fit_generator(…)``, probe 15 FP-3) may be its own."""
    func = node.func
    if not isinstance(func, ast.Attribute) or func.attr not in _methods_defined(ctx):
        return False
    receiver = func.value
    if isinstance(receiver, ast.Name) and receiver.id == "self":
        return False  # said apart: a Keras model subclass's own call (see model_receiver)
    values = _assigned_values(ctx).get(receiver.id) if isinstance(receiver, ast.Name) else None
    return not (values and all(_makes_model(ctx, value) for value in values))


def project_method_called(ctx: Context, node: ast.Call) -> bool:
    """Whether ``receiver.method(...)`` calls a method of a class another module of the project defines: every value
    the receiver's name is given (its assignments, or the items of the list a loop over it walks) is an instance of a
    class imported from a module found beside this one, whose body (or a base's there) defines the method
    (stellargraph's ``Ensemble().fit_generator``, corpus triage 14)."""
    func = node.func
    if ctx.path is None or not isinstance(func, ast.Attribute) or not isinstance(func.value, ast.Name):
        return False
    values = _receiver_values(ctx, func.value)
    return values is not None and bool(values) and all(_project_instance(ctx, value, func.attr) for value in values)


def _receiver_values(ctx: Context, receiver: ast.Name) -> Optional[List[Optional[ast.expr]]]:
    """The values a name is given: its assignments in the module; for the variable of a loop around the use that the
    module never assigns (``for model in models:``), the values of the names in the list or tuple the loop walks. None
    when that is not shown."""
    values = _assigned_values(ctx).get(receiver.id)
    if values:
        return values
    around = [
        each for each in ctx.nodes
        if isinstance(each, ast.For) and isinstance(each.target, ast.Name) and each.target.id == receiver.id
        and each.body[0].lineno <= receiver.lineno <= (each.end_lineno or each.lineno)
    ]  # fmt: skip
    if not around:
        return None
    walked: Optional[ast.expr] = max(around, key=lambda loop: loop.lineno).iter  # the innermost loop
    if isinstance(walked, ast.Name):
        lists = _assigned_values(ctx).get(walked.id) or []
        walked = lists[0] if len(lists) == 1 else None
    if not isinstance(walked, (ast.List, ast.Tuple)) or not walked.elts:
        return None
    found: List[Optional[ast.expr]] = []
    for item in walked.elts:
        given = _assigned_values(ctx).get(item.id) if isinstance(item, ast.Name) else None
        if not given:
            return None
        found += given
    return found


def _project_instance(ctx: Context, value: Optional[ast.expr], method: str) -> bool:
    """Whether ``value`` makes an instance of a class of another module of the project that defines ``method``."""
    from kerascheck.project_classes import class_defines  # here: only such a call reads other modules

    if not isinstance(value, ast.Call) or not isinstance(value.func, (ast.Name, ast.Attribute)) or ctx.path is None:
        return False
    dotted = ctx.imported_dotted(value.func)
    if dotted is None or classify(dotted) is not None:
        return False  # not imported, or Keras's or TensorFlow's own class
    module, _, name = dotted.rpartition(".")
    return bool(module) and class_defines(module, name, method, ctx.path, ctx.index.module_name)


def _makes_own_instance(ctx: Context, value: Optional[ast.expr]) -> bool:
    """Whether ``value`` is ``C(…)`` for a class ``C`` the module defines."""
    own = {cls.name for cls in ctx.index.classes}
    return isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in own


def model_receiver(ctx: Context, node: ast.Call) -> Optional[bool]:
    """Whether ``receiver.method(...)`` calls a Keras model's method: True when every assignment of
    the receiver's name in the module makes a Keras model (``model = Sequential()``); False when the
    module defines its own method of that name (a user's model class, an override of ``fit``) or the
    receiver is ``self``; None when nothing says (a parameter, an attribute, another module's object)."""
    func = node.func
    if not isinstance(func, ast.Attribute):
        return None
    if func.attr in _methods_defined(ctx):
        return False
    receiver = func.value
    if not isinstance(receiver, ast.Name):
        return None
    if receiver.id == "self":
        return False
    values = _assigned_values(ctx).get(receiver.id)
    if not values:
        return None
    return all(_makes_model(ctx, value) for value in values) or None


def keras2_model_receiver(ctx: Context, node: ast.Call) -> bool:
    """Whether ``receiver.method(...)`` is called on the keras3 target on a model every assignment of which the
    tf_keras package makes (Keras 2.15's models, with Keras 2's methods)."""
    func = node.func
    if ctx.target is not Target.KERAS3 or not isinstance(func, ast.Attribute) or not isinstance(func.value, ast.Name):
        return False
    values = _assigned_values(ctx).get(func.value.id)
    return (
        values is not None
        and bool(values)
        and all(
            isinstance(value, ast.Call)
            and isinstance(value.func, (ast.Name, ast.Attribute))
            and _makes_model(ctx, value)
            and ctx.keras2_on_keras3(value.func)
            for value in values
        )
    )


def _makes_model(ctx: Context, value: Optional[ast.expr]) -> bool:
    if not isinstance(value, ast.Call) or not isinstance(value.func, (ast.Name, ast.Attribute)):
        return False
    canonical = ctx.canonical(value.func)
    return canonical is not None and (canonical in MODEL_MAKERS or canonical.startswith("applications."))


def _methods_defined(ctx: Context) -> FrozenSet[str]:
    key = "methods defined"
    if key not in ctx.memo:
        ctx.memo[key] = frozenset(
            statement.name
            for cls in ctx.index.classes
            for statement in cls.body
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
        )
    return ctx.memo[key]


def _assigned_values(ctx: Context) -> Dict[str, List[Optional[ast.expr]]]:
    """Name -> the values assigned to it anywhere in the module (``a = b = value`` included)."""
    key = "assigned values"
    if key not in ctx.memo:
        values: Dict[str, List[Optional[ast.expr]]] = {}
        for assign in ctx.index.assigns:
            for target in assign.targets:
                if isinstance(target, ast.Name):
                    values.setdefault(target.id, []).append(assign.value)
                else:  # `a, b = …`: whatever it binds is not known
                    for name in ast.walk(target):
                        if isinstance(name, ast.Name):
                            values.setdefault(name.id, []).append(None)
        ctx.memo[key] = values
    return ctx.memo[key]


def keras_module_of(ctx: Context, statement: ast.ImportFrom) -> Optional[str]:
    """The canonical Keras module a ``from … import`` reads from (``"layers"``; ``""`` for the package
    itself) through whichever Keras, or None when it is not a Keras module."""
    module = ctx.index.absolute_module(statement)
    reference = classify(module) if module else None
    return catalog.canonical_name(reference) if reference is not None and reference.is_keras else None


def keras_imports_from(ctx: Context, canonical: str) -> Iterator[ast.ImportFrom]:
    """The module's ``from <a Keras>.<canonical> import …`` statements, less those in try/except ImportError."""
    for statement in ctx.index.imports:
        if (
            isinstance(statement, ast.ImportFrom)
            and id(statement) not in ctx.index.guarded_imports
            and keras_module_of(ctx, statement) == canonical
        ):
            yield statement


def keras_partials(ctx: Context) -> List[Tuple[ast.Call, ast.Call]]:
    """``functools.partial(<a Keras callable>, …, k=v)`` calls in the module, each with the call of that callable
    it prepares (``Adam(lr=3e-4)``): the same argument and keyword nodes, at the ``partial`` call's place. Only
    keywords can be judged on it: the positionals and keywords still to come are the later call's."""
    key = "keras partials"
    if key not in ctx.memo:
        # no keyword: nothing to check; every prepared call stays alive with the module (``callee`` keeps by id);
        # a module that never names functools prepares none (most modules: the text says so at once)
        calls = ctx.index.keyword_calls if "functools" in ctx.text and any(_functools_names(ctx)) else []
        pairs = [(node, _prepared_call(ctx, node)) for node in calls]
        ctx.memo[key, "every"] = pairs
        ctx.memo[key] = sorted(
            ((node, call) for node, call in pairs if call is not None and _keras_callable(ctx, call)),
            key=lambda pair: (pair[0].lineno, pair[0].col_offset),
        )
    return ctx.memo[key]


def _prepared_call(ctx: Context, node: ast.Call) -> Optional[ast.Call]:
    if not node.args or not isinstance(node.func, (ast.Name, ast.Attribute)):
        return None
    function = node.args[0]
    if not isinstance(function, (ast.Name, ast.Attribute)) or not _is_partial(ctx, node.func):
        return None
    return ast.copy_location(ast.Call(func=function, args=node.args[1:], keywords=node.keywords), node)


def _is_partial(ctx: Context, func: ast.expr) -> bool:
    """``partial`` bound by ``from functools import partial`` or ``functools.partial`` (``import functools``),
    the name bound by nothing else in the module (the walk resolves Keras and TF names only)."""
    names, modules = _functools_names(ctx)
    if isinstance(func, ast.Name):
        name = func.id
    elif isinstance(func, ast.Attribute) and func.attr == "partial" and isinstance(func.value, ast.Name):
        name = func.value.id
        names = modules
    else:
        return False
    return name in names and name not in _assigned_values(ctx) and not _defines(ctx, name)


def _functools_names(ctx: Context) -> Tuple[FrozenSet[str], FrozenSet[str]]:
    """The names the module's imports bind to ``functools.partial`` and to ``functools`` (worked out once)."""
    key = ("calls", "functools names")
    if key not in ctx.memo:
        ctx.memo[key] = _functools_imports(ctx)
    return ctx.memo[key]


def _functools_imports(ctx: Context) -> Tuple[FrozenSet[str], FrozenSet[str]]:
    partials, modules = set(), set()
    for statement in ctx.index.imports:
        if isinstance(statement, ast.ImportFrom) and statement.module == "functools" and not statement.level:
            partials |= {alias.asname or alias.name for alias in statement.names if alias.name == "partial"}
        elif isinstance(statement, ast.Import):
            modules |= {alias.asname or alias.name for alias in statement.names if alias.name == "functools"}
    return frozenset(partials), frozenset(modules)


def _defines(ctx: Context, name: str) -> bool:
    """Whether the module may define a function or class of that name (its text says ``def name``/``class name``:
    one in a string too, which only keeps a call from being judged)."""
    import re  # here: cached by re itself, for the few modules that prepare calls with functools

    # no ``\b`` in front: ``re`` then looks for a ``d`` or a ``c`` first, not at every position of the text
    return re.search(rf"(?:def|class)\s+{re.escape(name)}\b", ctx.text) is not None


def _keras_callable(ctx: Context, prepared: ast.Call) -> bool:
    target = callee(ctx, prepared)
    return target is not None and target.reference is not None
