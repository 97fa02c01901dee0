"""KER114: Keras 1's ``image_dim_ordering()`` ('th'/'tf') where ``image_data_format()`` is meant.

Keras 2.2.4 ``keras/backend/common.py``: ``image_dim_ordering()`` returns 'th' for 'channels_first' and
'tf' otherwise; ``set_image_dim_ordering('th')`` sets 'channels_first'. Neither exists in tf.keras
(keras 2.15) or Keras 3, whose backend has ``image_data_format`` and ``set_image_data_format``.
"""

from __future__ import annotations

import ast
from typing import Dict, Iterator, Optional, Tuple

from kerascheck.catalog.keras1_calls import DIM_ORDERING_BY_NAME, DIM_ORDERING_VALUES
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.record import Record
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid
from kerascheck.rules.calls import callee


class _Ordering(Record):
    """A 'th'/'tf' literal, and which of the two it is."""

    node: ast.Constant
    value: str


def _ordering(node: ast.expr) -> Optional[_Ordering]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in DIM_ORDERING_VALUES:
        return _Ordering(node, node.value)
    return None


def _compared_literals(ctx: Context, node: ast.Call) -> Optional[Tuple[_Ordering, ...]]:
    """The 'th'/'tf' literals the call's result is compared with, when it is compared with nothing else."""
    compares: Optional[Dict[int, ast.Compare]] = ctx.memo.get("dim-ordering-compares")
    if compares is None:
        compares = {}
        for walked in ctx.nodes:
            if isinstance(walked, ast.Compare):
                for operand in [walked.left, *walked.comparators]:
                    compares[id(operand)] = walked
        ctx.memo["dim-ordering-compares"] = compares
    compare = compares.get(id(node))
    if compare is None or not all(isinstance(op, (ast.Eq, ast.NotEq)) for op in compare.ops):
        return None
    others = [operand for operand in [compare.left, *compare.comparators] if operand is not node]
    literals = tuple(filter(None, map(_ordering, others)))
    return literals if len(literals) == len(others) else None


def _requoted(ctx: Context, literal: _Ordering) -> str:
    written = ctx.source_of(literal.node)
    quote = written[0] if written[:1] in "\"'" else "'"
    return f"{quote}{DIM_ORDERING_VALUES[literal.value]}{quote}"


class Keras1ImageDimOrdering(Rule):
    """## What it does
    Finds Keras 1's `image_dim_ordering()` compared with `'th'`/`'tf'`, and `set_image_dim_ordering('th')`.

    ## Why is this bad?
    tf.keras and Keras 3 have neither function (`AttributeError`). Their backends have
    `image_data_format()`, which answers `'channels_first'`/`'channels_last'`, and
    `set_image_data_format(…)`.

    ## Example
    ```python
    K.set_image_dim_ordering("th")
    if K.image_dim_ordering() == "th":
        shape = (3, 224, 224)
    ```

    ## Use instead
    ```python
    K.set_image_data_format("channels_first")
    if K.image_data_format() == "channels_first":
        shape = (3, 224, 224)
    ```

    ## Fix safety
    Safe: Keras 2 defined `image_dim_ordering()` as `'th'` exactly when the format is `'channels_first'`.
    Only calls through the backend module (`K.…`) whose result is compared with literals (or set from
    one) are fixed; the rest is reported by KER111.
    """

    code = "KER114"
    name = "keras1-image-dim-ordering"
    catalog_tables = ("DIM_ORDERING_FUNCTIONS",)
    message = (
        "`{old}` is Keras 1's name of `{new}`: target {target} has only `{new}`, and `{old}` raises AttributeError; "
        "'th'/'tf' became {values}"
    )
    fix_title = "Use `{new}` with 'channels_first'/'channels_last'"
    severity = Severity.ERROR
    fix_safety = FixSafety.SAFE
    valid = (
        Valid("from keras import backend as K\nif K.image_data_format() == 'channels_first':\n    pass\n"),
        Valid("from keras import backend as K\nordering = K.image_dim_ordering()\n"),
        Valid(  # code for either Keras, guarded (held-out probe 20: runs on TF 2.15.1)
            "from tensorflow.keras import backend as K\ntry:\n    K.set_image_dim_ordering('tf')\n"
            "except AttributeError:\n    K.set_image_data_format('channels_last')\n"
            "if hasattr(K, 'image_dim_ordering'):\n    first = K.image_dim_ordering() == 'th'\n"
            "else:\n    first = K.image_data_format() == 'channels_first'\n"
        ),
    )
    invalid = (
        Invalid(
            "from keras import backend as K\nK.set_image_dim_ordering('th')\n"
            "axis = 1 if K.image_dim_ordering() == \"th\" else -1\n",
            at=((2, 0), (3, 12)),
            fixed="from keras import backend as K\nK.set_image_data_format('channels_first')\n"
            "axis = 1 if K.image_data_format() == \"channels_first\" else -1\n",
        ),
    )  # fmt: skip

    owners = frozenset(DIM_ORDERING_BY_NAME)
    supersedes = frozenset({"KER111"})  # `image_dim_ordering` missing: this finding says so, and carries the fix

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner not in DIM_ORDERING_BY_NAME or not isinstance(node.func, ast.Attribute):
            return
        if ctx.index.attribute_fallbacks and ctx.handles_attribute_error(node):
            return  # ``try: K.set_image_dim_ordering('tf')`` / ``except AttributeError:``: the module plans for it
        new = DIM_ORDERING_BY_NAME[target.owner]
        if target.owner.endswith(".set_image_dim_ordering"):
            if len(node.args) != 1 or node.keywords:
                return
            given = _ordering(node.args[0])
            if given is None:
                return
            literals: Tuple[_Ordering, ...] = (given,)
        else:
            compared = _compared_literals(ctx, node)
            if compared is None or node.args or node.keywords:
                return
            literals = compared
        line, col, end_line, end_col = ctx.span(node.func)
        name_span = (end_line, end_col - len(node.func.attr), end_line, end_col)
        edits: Tuple[Edit, ...] = (Edit(*name_span, new.rsplit(".", 1)[-1]),)
        edits += tuple(Edit(*ctx.span(literal.node), _requoted(ctx, literal)) for literal in literals)
        yield self.finding(
            ctx,
            node,
            span=ctx.span(node.func),
            edits=edits,
            old=node.func.attr,
            new=new.rsplit(".", 1)[-1],
            values="'channels_first'/'channels_last'",
        )
