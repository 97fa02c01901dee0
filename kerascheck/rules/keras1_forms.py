"""Fixes for Keras 1 keywords with no one-to-one Keras 2 keyword (KER202): the ones Keras 2 merged
into one keyword (``nb_row``/``nb_col`` → ``kernel_size``) or dropped with no effect
(``BatchNormalization(mode=0)``, ``Deconvolution2D(output_shape=…)``)."""

from __future__ import annotations

import ast
from typing import Tuple

from kerascheck.catalog.keras1_calls import DROPPED_BY_OWNER, MERGED_BY_OWNER
from kerascheck.context import Context
from kerascheck.findings import Edit
from kerascheck.rules.call_edits import drop_arguments, replace


def removed_keyword_edits(
    ctx: Context, node: ast.Call, owner: str, keyword: ast.keyword
) -> Tuple[Tuple[Edit, ...], bool]:
    """The edits that fix one removed Keras 1 keyword of a call (none when it needs a look), and
    whether the fix keeps what the code does."""
    if keyword.arg is None:  # ``**kwargs``
        return (), True
    dropped = DROPPED_BY_OWNER.get((owner, keyword.arg))
    if dropped is not None:
        written = keyword.value
        if dropped.values is None or (isinstance(written, ast.Constant) and written.value in dropped.values):
            return drop_arguments(ctx, node, [keyword]) or (), dropped.safe
        return (), True
    merged = MERGED_BY_OWNER.get((owner, keyword.arg))
    if merged is None:
        return (), True
    given = {k.arg: k for k in node.keywords}
    if not all(name in given for name in merged.old) or merged.new in given or len(node.args) > 1:
        return (), True  # a part is missing, or kernel_size is given another way: Keras 2 would refuse it too
    parts = [given[name] for name in merged.old]
    first = min(parts, key=lambda k: (k.lineno, k.col_offset))
    value = ", ".join(ctx.source_of(k.value) for k in parts)
    edits = drop_arguments(ctx, node, [k for k in parts if k is not first])
    if edits is None:
        return (), True
    return (replace(ctx, first, f"{merged.new}=({value})"),) + edits, True
