"""KER3xx, custom optimizers written for the Keras 2.2 protocol (``get_updates``), which no optimizer of
tf.keras or Keras 3 calls."""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from kerascheck.catalog.model import Target
from kerascheck.catalog.training import (
    LEGACY_OPTIMIZER_METHOD,
    MODERN_OPTIMIZER_METHODS,
    OPTIMIZER_BASES,
    OPTIMIZER_REQUIRED_ARGUMENT,
    TF_KERAS_OPTIMIZER_NAME_ERRORS,
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
    `fit` finds no `update_step`. On tf.keras the same `super().__init__(**kwargs)` raises
    `TypeError: Optimizer.__init__() missing 1 required positional argument: 'name'` (TF 2.15.1, and
    `optimizers.legacy.Optimizer` needs a `name` too), and eager `fit` calls `update_step` (or the legacy
    optimizer's `_resource_apply_dense`). (tf.keras is reported only for that missing `name`: with eager
    execution disabled, its TF1 training loop still calls `get_updates`.) The finding is on the
    `super().__init__` call where that call is what raises, else on the class.

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
    message = "`{cls}` implements `get_updates`, the Keras 2.2 optimizer protocol, {problem}"
    fix_title = "{remedy}"
    severity = Severity.ERROR
    valid = (
        Valid("import keras\nclass MySGD(keras.optimizers.Optimizer):\n"
              "    def update_step(self, gradient, variable, learning_rate):\n        pass\n", target=Target.KERAS3),
        Valid("import keras\nclass Schedule:\n    def get_updates(self, loss, params):\n        return []\n",
              target=Target.KERAS3),
        # tf.keras: no `super().__init__` without a name (graph mode still calls get_updates)
        Valid("from tensorflow import keras\nclass MySGD(keras.optimizers.Optimizer):\n"
              "    def get_updates(self, loss, params):\n        return []\n"),
        Valid("from tensorflow import keras\nclass MySGD(keras.optimizers.legacy.Optimizer):\n"
              "    def __init__(self, lr=0.01, name='MySGD', **kwargs):\n        super().__init__(name, **kwargs)\n"
              "    def get_updates(self, loss, params):\n        return []\n"),
        Valid(  # the name comes through **kwargs
            "from tensorflow import keras\nclass MySGD(keras.optimizers.legacy.Optimizer):\n"
            "    def __init__(self, **kwargs):\n        super().__init__(**kwargs)\n"
            "    def get_updates(self, loss, params):\n        return []\nopt = MySGD(name='sgd')\n"
        ),
    )  # fmt: skip
    invalid = (
        Invalid(
            "import keras\nfrom keras import backend as K\n\nclass MySGD(keras.optimizers.Optimizer):\n"
            "    def __init__(self, lr=0.01, **kwargs):\n        super().__init__(**kwargs)\n        self.step = lr\n\n"
            "    def get_updates(self, loss, params):\n        grads = self.get_gradients(loss, params)\n"
            "        return [K.update_sub(p, self.step * g) for p, g in zip(params, grads)]\n",
            at=((6, 8),),
            target=Target.KERAS3,
        ),
        Invalid(
            "import keras\nclass MySGD(keras.optimizers.Optimizer):\n"
            "    def __init__(self, learning_rate=0.01, **kwargs):\n        super().__init__(learning_rate, **kwargs)\n"
            "    def get_updates(self, loss, params):\n        return []\n",
            at=((2, 6),),
            target=Target.KERAS3,
        ),
        Invalid(
            "from tensorflow import keras\n\nclass PlainSGD(keras.optimizers.Optimizer):\n"
            "    def __init__(self, lr=0.01, **kwargs):\n        super(PlainSGD, self).__init__(**kwargs)\n"
            "        self.step = lr\n\n    def get_updates(self, loss, params):\n        return []\n\n"
            "opt = PlainSGD(lr=0.1)\n",
            at=((5, 8),),
        ),
    )  # fmt: skip

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        if not ctx.imports_keras:
            return
        required = OPTIMIZER_REQUIRED_ARGUMENT[ctx.target]
        for node in ctx.index.classes:
            methods = {item.name for item in node.body if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))}
            if LEGACY_OPTIMIZER_METHOD not in methods or methods & MODERN_OPTIMIZER_METHODS:
                continue
            base = next((name for name in map(ctx.canonical, node.bases) if name in OPTIMIZER_BASES), None)
            if base is None:
                continue
            init = _super_init(ctx, node)
            raising = init is not None and not _passes(ctx, node, init, required)
            if ctx.target is Target.TF_KERAS:
                if init is None or not raising:
                    continue  # graph mode's loop still calls get_updates: only the missing name is proven
                problem = (
                    "and its `super().__init__` passes no `name`, which target tf.keras's optimizers need: "
                    f"`{TF_KERAS_OPTIMIZER_NAME_ERRORS[base]}` (TF 2.15.1); eager `fit` never calls `get_updates` "
                    "either"
                )
                remedy = (
                    "Pass `super().__init__` a `name`, and rewrite `get_updates` as `update_step(self, gradient, "
                    "variable)`, or use a built-in optimizer"
                )
            else:
                problem = f"which target {ctx.target} never calls: {UPDATE_STEP_EFFECT}"
                remedy = (
                    "Rewrite it as `update_step(self, gradient, variable, learning_rate)`, or use a built-in optimizer"
                )
            if init is not None and raising:
                span = ctx.span(init)
            else:
                line, col = node.lineno, ctx.column(node.lineno, node.col_offset)
                start = ctx.lines[line - 1].find(node.name, col)
                span = (line, start, line, start + len(node.name))
            yield self.finding(ctx, node, span=span, cls=node.name, problem=problem, remedy=remedy)


def _super_init(ctx: Context, node: ast.ClassDef) -> Optional[ast.Call]:
    """The first ``super().__init__(…)`` (or ``Base.__init__(self, …)``) call in the class's ``__init__``."""
    bases = {ctx.source_of(base) for base in node.bases}
    for item in node.body:
        if not (isinstance(item, ast.FunctionDef) and item.name == "__init__"):
            continue
        for call in ast.walk(item):
            if not (
                isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "__init__"
            ):
                continue
            owner = call.func.value
            if isinstance(owner, ast.Call) and isinstance(owner.func, ast.Name) and owner.func.id == "super":
                return call
            if ctx.source_of(owner) in bases and call.args:
                return call
    return None


def _passes(ctx: Context, node: ast.ClassDef, call: ast.Call, required: str) -> bool:
    """Whether the ``__init__`` call may pass the base's first, required argument ``required``: a positional
    argument, the keyword, or ``**kwargs`` the module may fill with it (a call of the class with the keyword or
    a ``**`` mapping, or the keyword spelled as a string in ``__init__``)."""
    explicit = not isinstance(call.func, ast.Attribute) or not isinstance(call.func.value, ast.Call)
    if len(call.args) > (1 if explicit else 0) or any(isinstance(arg, ast.Starred) for arg in call.args):
        return True
    if any(keyword.arg == required for keyword in call.keywords):
        return True
    if not any(keyword.arg is None for keyword in call.keywords):
        return False
    for item in node.body:
        if isinstance(item, ast.FunctionDef) and item.name == "__init__":
            if any(isinstance(sub, ast.Constant) and sub.value == required for sub in ast.walk(item)):
                return True  # kwargs["name"] = …, kwargs.setdefault("name", …)
    for made in ctx.index.keyword_calls:
        callee = made.func
        called = callee.id if isinstance(callee, ast.Name) else getattr(callee, "attr", None)
        if called == node.name and any(keyword.arg in (None, required) for keyword in made.keywords):
            return True
    return False
