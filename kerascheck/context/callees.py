"""Name resolution the engine and the rules share: what a call is a call of, and whether a class is a
custom layer. Not rules: the engine offers a call to the call rules by its callee, and a class to the
class rules when it is a layer."""

from __future__ import annotations

import ast
from functools import lru_cache
from typing import Optional

from kerascheck import catalog
from kerascheck.catalog.model import Target
from kerascheck.context.module import Context
from kerascheck.names import Reference
from kerascheck.record import Record


class Callee(Record):
    owner: str  # the catalog key: "layers.Conv2D", or ".fit" for a method
    display: str  # as shown to the user: "Conv2D", ".fit()"
    reference: Optional[Reference]  # None for a method call on a model object
    spelled: str  # the name as written at the call: "Convolution2D"


def callee(ctx: Context, node: ast.Call) -> Optional[Callee]:
    """The Keras callable a call targets, or None (worked out once per call, shared by the rules)."""
    key = id(node)
    if key not in ctx.callees:
        ctx.callees[key] = _callee(ctx, node)
    return ctx.callees[key]  # type: ignore[return-value]


def _callee(ctx: Context, node: ast.Call) -> Optional[Callee]:
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


def is_layer_class(ctx: Context, node: ast.ClassDef) -> bool:
    """A class deriving from a Keras Layer/Model, directly or through a custom layer of this module."""
    for base in node.bases:
        if isinstance(base, ast.Name) and base.id in ctx.layer_classes:
            return True
        if ctx.project_layers and ctx.dotted(base) in ctx.project_layers:
            return True  # a custom layer of another module of the project
        if is_keras_layer_class(ctx.canonical(base)):
            return True
    return False


def is_keras_layer_class(canonical: Optional[str]) -> bool:
    """Whether a canonical name is one of Keras's layer or model classes."""
    if canonical is None or canonical in catalog.NOT_LAYER_CLASSES:
        return False
    module, _, name = canonical.rpartition(".")
    return canonical in catalog.LAYER_BASES or (f"{module}." in catalog.LAYER_MODULES and name[:1].isupper())
