"""The fix of KER206 (``decay=`` of an optimizer): keep Keras 2's decay on the target.

On tf.keras the legacy optimizer (``optimizers.legacy.Adam``, TF >= 2.9) still takes ``decay=``;
on Keras 3 an ``InverseTimeDecay(lr, decay_steps=1, decay_rate=decay)`` learning rate computes
``lr / (1 + decay * iterations)``, Keras 2's formula. Both are unsafe: the first needs TF >= 2.9,
the second makes ``optimizer.learning_rate`` a schedule, which ``ReduceLROnPlateau`` and code that
sets the learning rate cannot change. ``decay=0`` is simply dropped (safe).
"""

from __future__ import annotations

import ast
import re
from typing import Optional, Tuple

from kerascheck.catalog import keras1_calls
from kerascheck.catalog.keras1_calls import DECAY_SCHEDULE, LEGACY_OPTIMIZERS
from kerascheck.catalog.model import Target
from kerascheck.context import Context
from kerascheck.findings import Edit
from kerascheck.names import KERAS, TF_KERAS, classify
from kerascheck.record import Record
from kerascheck.rules.call_edits import drop_arguments
from kerascheck.rules.calls import keras_imports_from
from kerascheck.rules.versions import standalone_is_another_keras

_OPTIMIZERS = "optimizers"
_LEARNING_RATE = ("learning_rate", "lr")
_SCHEDULES = "schedules"


class DecayFix(Record):
    edits: Tuple[Edit, ...]
    safe: bool
    title: str


def decay_fix(ctx: Context, node: ast.Call, owner: str, keyword: ast.keyword) -> Optional[DecayFix]:
    if isinstance(keyword.value, ast.Constant) and keyword.value.value == 0:
        edits = drop_arguments(ctx, node, [keyword])
        return DecayFix(edits, True, "Remove `decay=0`: it never decayed anything") if edits else None
    if ctx.target is Target.TF_KERAS:
        return _legacy(ctx, node, owner)
    return _schedule(ctx, node, keyword)


def _optimizers_import(ctx: Context, name: str) -> Optional[ast.ImportFrom]:
    """The ``from <keras>.optimizers import …`` that binds ``name``, when it is the only binding."""
    found = None
    for statement in keras_imports_from(ctx, _OPTIMIZERS):
        if any((alias.asname or alias.name) == name for alias in statement.names):
            if found is not None:
                return None
            found = statement
    return found


def _legacy(ctx: Context, node: ast.Call, owner: str) -> Optional[DecayFix]:
    if owner not in LEGACY_OPTIMIZERS:
        return None
    name = owner.rsplit(".", 1)[-1]
    title = f"Use `optimizers.legacy.{name}`, which keeps `decay=` (since {keras1_calls.LEGACY_OPTIMIZERS_SINCE})"
    func = node.func
    if isinstance(func, ast.Attribute):
        line, _, end_line, end_col = ctx.span(func)
        return DecayFix(
            (Edit(end_line, end_col - len(func.attr), end_line, end_col, f"legacy.{func.attr}"),), False, title
        )
    if not isinstance(func, ast.Name):
        return None
    statement = _optimizers_import(ctx, func.id)
    if statement is None or statement.level or statement.module is None:
        return None
    reference = classify(statement.module)
    if reference is None or reference.implementation not in (TF_KERAS, KERAS):
        return None
    if reference.implementation == KERAS and standalone_is_another_keras(ctx):
        return None  # standalone keras is made tf.keras first (KER101), then this applies
    # standalone keras beside TF 2.6–2.15 is tf.keras's own package: `from keras.optimizers.legacy import Adam`
    # gives tf.keras.optimizers.legacy.Adam (run on TF 2.15.1)
    if not all(f"optimizers.{alias.name}" in LEGACY_OPTIMIZERS for alias in statement.names):
        return None  # the import brings something legacy does not have
    if _used_without_decay(ctx, statement) is not None:
        return None  # the import's other uses would change too (see legacy_refusal)
    text = ctx.lines[statement.lineno - 1]
    at = text.find(f" {statement.module} ", ctx.column(statement.lineno, statement.col_offset))
    if at < 0:
        return None
    end = at + 1 + len(statement.module)
    return DecayFix((Edit(statement.lineno, end, statement.lineno, end, ".legacy"),), False, title)


def legacy_refusal(ctx: Context, node: ast.Call) -> Optional[str]:
    """Why the tf.keras fix (the import moved to ``optimizers.legacy``) is not offered for this call, when the reason
    is the import's other uses: ``from keras.optimizers import Adam, SGD`` with ``SGD(0.01)`` elsewhere, which the
    move would silently make a legacy optimizer too (triage 16: wavenet)."""
    if ctx.target is not Target.TF_KERAS or not isinstance(node.func, ast.Name):
        return None
    statement = _optimizers_import(ctx, node.func.id)
    name = None if statement is None else _used_without_decay(ctx, statement)
    if name is None:
        return None
    return f"`optimizers.legacy` would also change `{name}`, which the module uses without `decay=`"


def _used_without_decay(ctx: Context, statement: ast.ImportFrom) -> Optional[str]:
    """The first name the import binds that the module uses other than as the callee of a call with a ``decay=``
    other than 0 (the only calls the move to ``optimizers.legacy`` is meant for)."""
    decayed = {
        id(call.func)
        for call in ctx.index.calls
        if any(keyword.arg == "decay" and not _is_zero(keyword.value) for keyword in call.keywords)
    }
    bound = {alias.asname or alias.name for alias in statement.names}
    for chain in ctx.index.chains:
        root = chain
        while isinstance(root, ast.Attribute):
            root = root.value
        if isinstance(root, ast.Name) and root.id in bound and id(chain) not in decayed:
            return root.id
    return None


def _is_zero(value: ast.expr) -> bool:
    return isinstance(value, ast.Constant) and value.value == 0


def _schedule(ctx: Context, node: ast.Call, keyword: ast.keyword) -> Optional[DecayFix]:
    rate = next((k.value for k in node.keywords if k.arg in _LEARNING_RATE), None)
    if rate is None and node.args and not isinstance(node.args[0], ast.Starred):
        rate = node.args[0]  # every Keras 3 optimizer takes learning_rate first
    if rate is None:
        return None  # the default rate differs between Keras 2 and Keras 3 (Adadelta: 1.0 vs 0.001)
    func = node.func
    if isinstance(func, ast.Attribute):
        prefix = ctx.source_of(func.value) + "."
    elif isinstance(func, ast.Name) and schedules_import(ctx, func.id) is not None:
        prefix = ""  # `schedules` is imported beside the optimizer by a finding of its own
    else:
        return None
    decay = ctx.source_of(keyword.value)
    schedule = prefix + DECAY_SCHEDULE.format(rate=ctx.source_of(rate), decay=decay)
    dropped = drop_arguments(ctx, node, [keyword])
    if dropped is None:
        return None
    title = f"Pass `learning_rate={schedule}`: Keras 2's `lr / (1 + decay * iterations)`"
    return DecayFix((Edit(*ctx.span(rate), schedule),) + dropped, False, title)


def schedules_import(ctx: Context, name: str) -> Optional[ast.ImportFrom]:
    """The ``from keras.optimizers import …`` binding ``name`` where ``schedules`` is or can be imported."""
    statement = _optimizers_import(ctx, name)
    if statement is None:
        return None
    if _SCHEDULES in {alias.asname or alias.name for alias in statement.names}:
        return statement
    text = "".join(ctx.lines[: statement.lineno - 1]) + "".join(ctx.lines[statement.end_lineno :])
    return None if re.search(rf"\b{_SCHEDULES}\b", text) else statement


def schedules_import_edit(ctx: Context, node: ast.Call) -> Optional[Tuple[ast.ImportFrom, Edit]]:
    """The edit adding ``schedules`` to the import of a bare-named optimizer whose decay is fixed."""
    if ctx.target is not Target.KERAS3 or not isinstance(node.func, ast.Name):
        return None
    statement = schedules_import(ctx, node.func.id)
    if statement is None or _SCHEDULES in {alias.asname or alias.name for alias in statement.names}:
        return None
    line, col = ctx.imported_name_spans(statement)[0][:2]
    return statement, Edit(line, col, line, col, f"{_SCHEDULES}, ")
