"""KER3xx, custom optimizers written for the Keras 2.2 protocol (``get_updates``), which no optimizer of
tf.keras or Keras 3 calls, and for TF 2.0-2.10's (``_resource_apply_dense``, ``_set_hyper``), which the
optimizers of TF 2.11+ and Keras 3 do not have."""

from __future__ import annotations

import ast
from typing import Iterator, List, Optional, Tuple

from kerascheck.catalog.model import Target
from kerascheck.catalog.training import (
    LEGACY_OPTIMIZER_METHOD,
    MODERN_OPTIMIZER_METHODS,
    NEW_OPTIMIZER_METHODS,
    OPTIMIZER_BASES,
    OPTIMIZER_REQUIRED_ARGUMENT,
    OPTIMIZER_V2_FIT_EFFECT,
    OPTIMIZER_V2_METHODS,
    OPTIMIZER_V2_SELF_NAMES,
    TF_KERAS_OPTIMIZER_NAME_ERRORS,
    UPDATE_STEP_EFFECT,
)
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid, module_text

NEW_OPTIMIZER_BASE = "optimizers.Optimizer"  # TF 2.11+'s and Keras 3's; OptimizerV2 is optimizers.legacy.Optimizer


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
            init = super_init(ctx, node)
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


def super_init(ctx: Context, node: ast.ClassDef) -> Optional[ast.Call]:
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
    return _made_with(ctx, node, required)


class OptimizerV2Protocol(Rule):
    """## What it does
    Finds custom optimizers written for TensorFlow 2.0–2.10: a subclass of `tf.keras.optimizers.Optimizer` (or
    `keras.optimizers.Optimizer`) that implements `_resource_apply_dense` or `_create_slots`, or calls
    `self._set_hyper`, `self._get_hyper`, `self.add_slot`, `self.get_slot` or `self._decayed_lr`, and implements
    neither `update_step` nor `build`.

    ## Why is this bad?
    That was the protocol of `OptimizerV2`, what `tf.keras.optimizers.Optimizer` was up to TF 2.10. Since TF 2.11
    the name is a new optimizer without any of it (keras 2.15.0 keeps the old one as
    `tf.keras.optimizers.legacy.Optimizer`), and Keras 3's optimizer has none of it either. Run on TF 2.15.1 and
    Keras 3.15.1: `self._set_hyper(…)` raises `AttributeError` as the optimizer is made; Keras 3 raises first at a
    `super().__init__(name, …)`, whose first argument is now `learning_rate` (`ValueError`); a class that only
    implements `_resource_apply_dense` fails in `fit` (`AttributeError: _learning_rate` on TF,
    `NotImplementedError` from `update_step` on Keras 3). The finding is on the first line that raises when the
    optimizer is made, else on the class.

    ## Example
    ```python
    class AdamWarmup(tf.keras.optimizers.Optimizer):
        def __init__(self, learning_rate=0.001, name="AdamWarmup", **kwargs):
            super().__init__(name, **kwargs)
            self._set_hyper("learning_rate", learning_rate)

        def _resource_apply_dense(self, grad, var):
            ...
    ```

    ## Use instead
    ```python
    class AdamWarmup(tf.keras.optimizers.legacy.Optimizer):  # tf.keras up to TF 2.15
        ...
    # Keras 3: build(var_list) makes the slots (add_variable_from_reference),
    # update_step(gradient, variable, learning_rate) applies one gradient
    ```

    ## Fix safety
    Safe on tf.keras where the base is written as a dotted name (`tf.keras.optimizers.Optimizer`): the legacy
    class is the one the code was written for. None on Keras 3, which has no such class.
    """

    code = "KER329"
    name = "optimizer-v2-protocol"
    fix_safety = FixSafety.SOMETIMES
    message = (
        "`{cls}` subclasses `{base}` with the TF 2.0-2.10 optimizer protocol ({protocol}), which target {target}'s "
        "optimizer no longer has: {effect}"
    )
    fix_title = "{remedy}"
    severity = Severity.ERROR
    valid = (
        Valid("from tensorflow import keras\nclass Warm(keras.optimizers.legacy.Optimizer):\n"
              "    def __init__(self, name='Warm', **kwargs):\n        super().__init__(name, **kwargs)\n"
              "        self._set_hyper('learning_rate', 0.1)\n"
              "    def _resource_apply_dense(self, grad, var):\n        return var.assign_sub(grad)\n"),
        Valid("import keras\nclass Step(keras.optimizers.Optimizer):\n"
              "    def update_step(self, gradient, variable, learning_rate):\n"
              "        variable.assign_sub(learning_rate * gradient)\n", target=Target.KERAS3),
        Valid("import keras\nclass Slots:\n    def _create_slots(self, var_list):\n"
              "        self.add_slot(var_list[0], 'm')\n", target=Target.KERAS3),
    )  # fmt: skip
    invalid = (
        Invalid(
            "import tensorflow as tf\n\nclass Warm(tf.keras.optimizers.Optimizer):\n"
            "    def __init__(self, learning_rate=0.01, name='Warm', **kwargs):\n"
            "        super().__init__(name, **kwargs)\n        self._set_hyper('learning_rate', learning_rate)\n\n"
            "    def _resource_apply_dense(self, grad, var):\n"
            "        return var.assign_sub(self._get_hyper('learning_rate') * grad)\n",
            at=((6, 8),),
            fixed=(
                "import tensorflow as tf\n\nclass Warm(tf.keras.optimizers.legacy.Optimizer):\n"
                "    def __init__(self, learning_rate=0.01, name='Warm', **kwargs):\n"
                "        super().__init__(name, **kwargs)\n        self._set_hyper('learning_rate', learning_rate)\n\n"
                "    def _resource_apply_dense(self, grad, var):\n"
                "        return var.assign_sub(self._get_hyper('learning_rate') * grad)\n"
            ),
        ),
        Invalid(
            "import keras\n\nclass Warm(keras.optimizers.Optimizer):\n"
            "    def __init__(self, learning_rate=0.01, name='Warm', **kwargs):\n"
            "        super().__init__(name, **kwargs)\n        self._set_hyper('learning_rate', learning_rate)\n",
            at=((5, 8),),
            target=Target.KERAS3,
        ),
        Invalid(
            "import keras\n\nclass Plain(keras.optimizers.Optimizer):\n"
            "    def _resource_apply_dense(self, grad, var):\n        return var.assign_sub(0.1 * grad)\n",
            at=((3, 6),),
            target=Target.KERAS3,
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        if not ctx.imports_keras:
            return
        written: Optional[bool] = None  # whether the text writes a name of the old protocol: asked once, if needed
        for node in ctx.index.classes:
            base = next((base for base in node.bases if ctx.canonical(base) == NEW_OPTIMIZER_BASE), None)
            if base is None:
                continue  # most classes, so asked first
            methods = {item.name for item in node.body if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))}
            if LEGACY_OPTIMIZER_METHOD in methods or methods & NEW_OPTIMIZER_METHODS:
                continue  # KER323's Keras 2.2 protocol, or the new one
            if written is None:
                text = module_text(ctx)
                written = any(name in text for name in _PROTOCOL_WORDS)
            if not written:
                return
            uses = _protocol_uses(node)
            names = sorted(methods & OPTIMIZER_V2_METHODS) + list(dict.fromkeys(use.attr for _, use in uses))
            if not names:
                continue
            span, effect = _first_failure(ctx, node, uses)
            if ctx.target is Target.TF_KERAS:
                dotted = isinstance(base, ast.Attribute) and base.attr == "Optimizer"
                legacy = f"{ctx.source_of(base.value)}.legacy.Optimizer" if isinstance(base, ast.Attribute) else ""
                remedy = (
                    f"Subclass `{legacy or 'tf.keras.optimizers.legacy.Optimizer'}`, which keeps this protocol "
                    "up to TF 2.15"
                )
                edits = (Edit(*ctx.span(base), legacy),) if dotted else ()
            else:
                remedy = (
                    "Rewrite it for Keras 3: make the slots in `build(var_list)` (`self.add_variable_from_reference`) "
                    "and apply a gradient in `update_step(gradient, variable, learning_rate)`"
                )
                edits = ()
            finding = self.finding(
                ctx, node, span=span, edits=edits, cls=node.name, base=ctx.source_of(base),
                protocol=", ".join(f"`{name}`" for name in names[:3]), effect=effect, remedy=remedy,
            )  # fmt: skip
            if ctx.target is Target.TF_KERAS and not edits:
                finding = finding.unfixed(f"the base is the imported name `{ctx.source_of(base)}`: import it from "
                                          "`tensorflow.keras.optimizers.legacy` instead")  # fmt: skip
            yield finding


_PROTOCOL_WORDS = ("_resource_apply_dense", "_resource_apply_sparse", "_create_slots", "_set_hyper", "_get_hyper")


def _protocol_uses(node: ast.ClassDef) -> List[Tuple[ast.FunctionDef, ast.Attribute]]:
    """``self.<name>`` of the old protocol (``self._set_hyper``) in the class's methods, each with its method, in
    source order."""
    uses = []
    for item in node.body:
        if not isinstance(item, ast.FunctionDef):
            continue
        for each in ast.walk(item):
            if (
                isinstance(each, ast.Attribute)
                and each.attr in OPTIMIZER_V2_SELF_NAMES
                and isinstance(each.value, ast.Name)
                and each.value.id == "self"
            ):
                uses.append((item, each))
    return sorted(uses, key=lambda pair: (pair[1].lineno, pair[1].col_offset))


def _first_failure(
    ctx: Context, node: ast.ClassDef, uses: List[Tuple[ast.FunctionDef, ast.Attribute]]
) -> Tuple[Tuple[int, int, int, int], str]:
    """Where making the optimizer first raises on the target, and what: the ``super().__init__`` call, the first
    old-protocol name ``__init__`` reads after it, or else (``fit`` fails) the class's name."""
    init = super_init(ctx, node)
    if init is not None:
        explicit = not (isinstance(init.func, ast.Attribute) and isinstance(init.func.value, ast.Call))
        first = init.args[1 if explicit else 0] if len(init.args) > (1 if explicit else 0) else None
        if ctx.target is Target.KERAS3 and (
            (isinstance(first, ast.Name) and first.id == "name")
            or (isinstance(first, ast.Constant) and isinstance(first.value, str))
        ):
            return ctx.span(init), (
                "its `super().__init__` gives the name as the first argument, Keras 3's `learning_rate`: ValueError"
            )
        required = OPTIMIZER_REQUIRED_ARGUMENT[ctx.target]
        starred = any(isinstance(argument, ast.Starred) for argument in init.args)
        if first is None and not starred and not _may_pass(ctx, node, init, required):
            return ctx.span(init), f"its `super().__init__` passes no `{required}`: TypeError"
    after = init.lineno if init is not None else 0
    for method, use in uses:
        if method.name == "__init__" and use.lineno >= after:
            return ctx.span(use), f"`self.{use.attr}` in `__init__` raises AttributeError"
    line, col = node.lineno, ctx.column(node.lineno, node.col_offset)
    start = ctx.lines[line - 1].find(node.name, col)
    return (line, start, line, start + len(node.name)), OPTIMIZER_V2_FIT_EFFECT[ctx.target]


def _may_pass(ctx: Context, node: ast.ClassDef, call: ast.Call, required: str) -> bool:
    """Whether the ``super().__init__`` call may pass the base's required keyword: given by name, or in the
    ``**kwargs`` of ``__init__`` when ``__init__`` fills the key itself, or when ``__init__`` has no parameter of
    that name (which would take the keyword) and the module makes the class with it or with a ``**`` mapping.
    A ``**`` of anything but ``__init__``'s own ``**kwargs`` may hold it."""
    if any(keyword.arg == required for keyword in call.keywords):
        return True
    spread = [keyword.value for keyword in call.keywords if keyword.arg is None]
    if not spread:
        return False
    init = next(item for item in node.body if isinstance(item, ast.FunctionDef) and item.name == "__init__")
    kwargs = init.args.kwarg.arg if init.args.kwarg is not None else None
    if any(not (isinstance(value, ast.Name) and value.id == kwargs) for value in spread):
        return True
    for each in ast.walk(init):
        if isinstance(each, ast.Subscript) and isinstance(each.value, ast.Name) and each.value.id == kwargs:
            if isinstance(each.ctx, ast.Store) and not (
                isinstance(each.slice, ast.Constant) and each.slice.value != required
            ):
                return True  # kwargs["learning_rate"] = …
        if (
            isinstance(each, ast.Call)
            and isinstance(each.func, ast.Attribute)
            and isinstance(each.func.value, ast.Name)
            and each.func.value.id == kwargs
            and each.func.attr in ("setdefault", "update", "__setitem__")
        ):
            return True
    parameters = {argument.arg for argument in init.args.posonlyargs + init.args.args + init.args.kwonlyargs}
    if required in parameters:
        return False  # the parameter takes the keyword: the **kwargs never hold it
    return _made_with(ctx, node, required)


def _made_with(ctx: Context, node: ast.ClassDef, keyword: str) -> bool:
    """Whether the module makes the class with ``keyword=`` or a ``**`` mapping (which may hold it)."""
    for made in ctx.index.keyword_calls:
        callee = made.func
        called = callee.id if isinstance(callee, ast.Name) else getattr(callee, "attr", None)
        if called == node.name and any(given.arg in (None, keyword) for given in made.keywords):
            return True
    return False
