"""What a call is a call of: the shared first step of the argument rules."""

from __future__ import annotations

import ast
from functools import lru_cache
from typing import NamedTuple, Optional

from kerascheck import catalog
from kerascheck.catalog.model import Target
from kerascheck.names import Reference


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
