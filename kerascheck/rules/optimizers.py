"""KER3xx, custom optimizers written for the Keras 2.2 protocol (``get_updates``), which no optimizer of
tf.keras or Keras 3 calls."""

from __future__ import annotations

import ast
from typing import Iterator

from kerascheck.catalog.model import ONLY_KERAS3, Target
from kerascheck.catalog.training import (
    LEGACY_OPTIMIZER_METHOD,
    MODERN_OPTIMIZER_METHODS,
    OPTIMIZER_BASES,
    UPDATE_STEP_EFFECT,
)
from kerascheck.context import Context
from kerascheck.findings import Finding
from kerascheck.rules.base import Invalid, Rule, Severity, Valid


class LegacyCustomOptimizer(Rule):
    """## What it does
    Finds custom optimizers written for Keras 2.2: a subclass of Keras's `Optimizer` that implements
    `get_updates(loss, params)` and none of the methods today's optimizers call.

    ## Why is this bad?
    Keras 3 optimizers never call `get_updates`: the Keras 2.2 style `super().__init__(**kwargs)` raises
    `TypeError: …missing 1 required positional argument: 'learning_rate'` (Keras 3.15.1), and with one,
    `fit` finds no `update_step`. (tf.keras is not reported: with eager execution disabled, its TF1
    training loop still calls `get_updates`.)

    ## Example
    ```python
    class MySGD(keras.optimizers.Optimizer):
        def get_updates(self, loss, params):
            ...
    ```

    ## Use instead
    ```python
    class MySGD(keras.optimizers.Optimizer):
        def update_step(self, gradient, variable, learning_rate):
            variable.assign_sub(learning_rate * gradient)
    ```

    ## Fix safety
    None: the update has to be rewritten per variable.
    """

    code = "KER323"
    name = "legacy-custom-optimizer"
    message = "`{cls}` implements `get_updates`, the Keras 2.2 optimizer protocol, which target {target} never " \
        "calls: {effect}"  # fmt: skip
    fix_title = "Rewrite it as `update_step(self, gradient, variable, learning_rate)`, or use a built-in optimizer"
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    valid = (
        Valid("import keras\nclass MySGD(keras.optimizers.Optimizer):\n"
              "    def update_step(self, gradient, variable, learning_rate):\n        pass\n", target=Target.KERAS3),
        Valid("import keras\nclass Schedule:\n    def get_updates(self, loss, params):\n        return []\n",
              target=Target.KERAS3),
        Valid("from tensorflow import keras\nclass MySGD(keras.optimizers.Optimizer):\n"
              "    def get_updates(self, loss, params):\n        return []\n"),
    )  # fmt: skip
    invalid = (
        Invalid(
            "import keras\nfrom keras import backend as K\n\nclass MySGD(keras.optimizers.Optimizer):\n"
            "    def __init__(self, lr=0.01, **kwargs):\n        super().__init__(**kwargs)\n        self.step = lr\n\n"
            "    def get_updates(self, loss, params):\n        grads = self.get_gradients(loss, params)\n"
            "        return [K.update_sub(p, self.step * g) for p, g in zip(params, grads)]\n",
            at=((4, 6),),
            target=Target.KERAS3,
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        if not ctx.imports_keras:
            return
        for node in ctx.index.classes:
            methods = {item.name for item in node.body if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))}
            if LEGACY_OPTIMIZER_METHOD not in methods or methods & MODERN_OPTIMIZER_METHODS:
                continue
            if any(ctx.canonical(base) in OPTIMIZER_BASES for base in node.bases):
                line, col = node.lineno, ctx.column(node.lineno, node.col_offset)
                start = ctx.lines[line - 1].find(node.name, col)
                span = (line, start, line, start + len(node.name))
                yield self.finding(ctx, node, span=span, cls=node.name, effect=UPDATE_STEP_EFFECT)
