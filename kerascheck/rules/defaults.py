"""KER3xx, defaults that changed under saved weights: ``GRU(reset_after=…)``."""

from __future__ import annotations

import ast
from typing import Iterator, Tuple

from kerascheck.catalog import training
from kerascheck.catalog.model import Target
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid
from kerascheck.rules.calls import callee

# What the default was and is: GRU_RESET_AFTER_FALSE_UNTIL in kerascheck/catalog/training.py.
_LOADERS = frozenset({".load_weights", "models.load_model", "saving.load_model"})


class GruResetAfterDefault(Rule):
    """## What it does
    Finds `GRU(…)` layers built without `reset_after=` in a module that loads weights
    (`load_weights`, `load_model`).

    ## Why is this bad?
    Multi-backend Keras (up to 2.3.1) built GRUs with `reset_after=False`; tf.keras and Keras 3 default to
    `reset_after=True`, whose bias has another shape. Weights saved by Keras <= 2.3.1 no longer load:
    `ValueError: Shape mismatch` (checked on Keras 3.15.1). Weights saved by the same code on tf.keras or
    Keras 3 load fine, hence a warning, off by default.

    ## Example
    ```python
    model = Sequential([GRU(128, input_shape=(None, 40)), Dense(10)])
    model.load_weights("keras22_gru.h5")
    ```

    ## Use instead
    ```python
    model = Sequential([GRU(128, reset_after=False, input_shape=(None, 40)), Dense(10)])
    ```

    ## Fix safety
    Unsafe: right only for weights saved by Keras <= 2.3.1.
    """

    code = "KER324"
    name = "gru-reset-after-default"
    message = (
        "`GRU` without `reset_after=` in a module that loads weights: Keras <= {old_default_until} saved "
        "`reset_after=False` GRUs, target {target} builds `reset_after=True` ones, and their weights raise "
        "`ValueError: Shape mismatch`"
    )
    fix_title = "Pass `reset_after=False` if the weights come from Keras <= {old_default_until}"
    severity = Severity.WARNING
    fix_safety = FixSafety.UNSAFE
    default_enabled = False
    valid = (
        Valid("from keras.layers import GRU\nGRU(4)\n"),
        Valid("from keras.layers import GRU\nlayer = GRU(4, reset_after=False)\nmodel.load_weights('w.h5')\n"),
    )
    invalid = (
        Invalid(
            "import keras\nmodel = keras.Sequential([keras.Input((4, 3)), keras.layers.GRU(2)])\n"
            "model.load_weights('gru.weights.h5')\n",
            at=((2, 47),),
            target=Target.KERAS3,
            fixed="import keras\n"
            "model = keras.Sequential([keras.Input((4, 3)), keras.layers.GRU(2, reset_after=False)])\n"
            "model.load_weights('gru.weights.h5')\n",
        ),
    )

    owners = frozenset({"layers.GRU", ".load_weights"})  # the walk keeps load_weights calls for _loads_weights

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner != "layers.GRU" or not _loads_weights(ctx):
            return
        if any(keyword.arg in ("reset_after", None) for keyword in node.keywords):
            return  # given, or perhaps given through **kwargs
        end = ctx.span(node)[2:]
        edits: Tuple[Edit, ...] = ()
        if not any(isinstance(arg, ast.Starred) for arg in node.args) and (node.args or node.keywords):
            comma = ctx.source_of(node)[:-1].rstrip().endswith(",")
            text = " reset_after=False" if comma else ", reset_after=False"
            edits = (Edit(end[0], end[1] - 1, end[0], end[1] - 1, text),)
        until = training.GRU_RESET_AFTER_FALSE_UNTIL.split()[-1]
        yield self.finding(ctx, node, span=ctx.span(node.func), edits=edits, safe=False, old_default_until=until)


def _loads_weights(ctx: Context) -> bool:
    key = (GruResetAfterDefault.code, "loads")
    if key not in ctx.memo:
        ctx.memo[key] = any(
            (found := callee(ctx, call)) is not None and found.owner in _LOADERS for call in ctx.index.calls
        )
    return ctx.memo[key]
