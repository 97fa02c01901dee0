"""What a call is a call of: the shared first step of the argument rules."""

from __future__ import annotations

import ast
from functools import lru_cache
from typing import Iterator, NamedTuple, Optional

from kerascheck import catalog
from kerascheck.catalog.model import Target
from kerascheck.names import Reference, classify


class Callee(NamedTuple):
    owner: str  # the catalog key: "layers.Conv2D", or ".fit" for a method
    display: str  # as shown to the user: "Conv2D", ".fit()"
    reference: Optional[Reference]  # None for a method call on a model object
    spelled: str  # the name as written at the call: "Convolution2D"


def callee(ctx, node: ast.Call) -> Optional[Callee]:
    """The Keras callable a call targets, or None (worked out once per call, shared by the rules)."""
    key = id(node)
    if key not in ctx.callees:
        ctx.callees[key] = _callee(ctx, node)
    return ctx.callees[key]


def _callee(ctx, node: ast.Call) -> Optional[Callee]:
    """The Keras callable a call targets, or None.

    A method call (``model.fit(...)``) counts only in a module that imports Keras, and only when the
    receiver is not itself an imported module (``np.fit`` is never Keras's)."""
    func = node.func
    if not isinstance(func, (ast.Name, ast.Attribute)):
        return None
    spelled = func.attr if isinstance(func, ast.Attribute) else func.id
    reference = ctx.reference(func)
    if reference is not None:
        return _keras_callee(reference, spelled, ctx.target) if reference.is_keras else None
    if isinstance(func, ast.Attribute) and ctx.imports_keras and not ctx.receiver_is_imported(func):
        return _method_callee(spelled)
    return None


@lru_cache(maxsize=16384)
def _keras_callee(reference: Reference, spelled: str, target: Target) -> Callee:
    """Shared by every call of one name (a module calls the same few layers again and again)."""
    owner = catalog.modern_name(catalog.canonical_name(reference), target)
    return Callee(owner, owner.rsplit(".", 1)[-1], reference, spelled)


@lru_cache(maxsize=4096)
def _method_callee(name: str) -> Callee:
    return Callee(f".{name}", f".{name}()", None, name)


# What makes a Keras model: its classes, the functions that load or copy one, and the applications.
MODEL_MAKERS = frozenset(
    {"models.Sequential", "models.Model", "models.load_model", "saving.load_model", "models.clone_model"}
)


def model_receiver(ctx, node: ast.Call) -> Optional[bool]:
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


def _makes_model(ctx, value: ast.expr) -> bool:
    if not isinstance(value, ast.Call) or not isinstance(value.func, (ast.Name, ast.Attribute)):
        return False
    canonical = ctx.canonical(value.func)
    return canonical is not None and (canonical in MODEL_MAKERS or canonical.startswith("applications."))


def _methods_defined(ctx) -> frozenset:
    key = "methods defined"
    if key not in ctx.memo:
        ctx.memo[key] = frozenset(
            statement.name
            for cls in ctx.index.classes
            for statement in cls.body
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
        )
    return ctx.memo[key]


def _assigned_values(ctx) -> dict:
    """Name -> the values assigned to it anywhere in the module (``a = b = value`` included)."""
    key = "assigned values"
    if key not in ctx.memo:
        values: dict = {}
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


def keras_module_of(ctx, statement: ast.ImportFrom) -> Optional[str]:
    """The canonical Keras module a ``from … import`` reads from (``"layers"``; ``""`` for the package
    itself) through whichever Keras, or None when it is not a Keras module."""
    module = ctx.index.absolute_module(statement)
    reference = classify(module) if module else None
    return catalog.canonical_name(reference) if reference is not None and reference.is_keras else None


def keras_imports_from(ctx, canonical: str) -> Iterator[ast.ImportFrom]:
    """The module's ``from <a Keras>.<canonical> import …`` statements, less those in try/except ImportError."""
    for statement in ctx.index.imports:
        if (
            isinstance(statement, ast.ImportFrom)
            and id(statement) not in ctx.index.guarded_imports
            and keras_module_of(ctx, statement) == canonical
        ):
            yield statement
