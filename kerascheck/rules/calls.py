"""What a call is a call of: the shared first step of the argument rules."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Optional

from kerascheck import catalog
from kerascheck.names import Reference


@dataclass(frozen=True)
class Callee:
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
        if not reference.is_keras:
            return None
        owner = catalog.modern_name(catalog.canonical_name(reference), ctx.target)
        return Callee(owner, owner.rsplit(".", 1)[-1], reference, spelled)
    if isinstance(func, ast.Attribute) and ctx.imports_keras and not ctx.receiver_is_imported(func):
        return Callee(f".{func.attr}", f".{func.attr}()", None, spelled)
    return None
