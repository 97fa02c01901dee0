"""KER217: a key Keras 2.2 put in an optimizer's config, read from it where the optimizer is shown."""

from __future__ import annotations

import ast
from typing import Iterator

from kerascheck.catalog.model import Target
from kerascheck.catalog.training import OLD_OPTIMIZER_CONFIG_KEYS
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.rules.base import Invalid, Rule, Severity, Valid, module_text

_GET_CONFIG = "get_config"


class OptimizerConfigKey(Rule):
    """## What it does
    Finds `optimizer.get_config()["lr"]` on an optimizer the module shows (`model.optimizer`, a name bound to
    a Keras optimizer's constructor): the key Keras 2.2's optimizers gave their learning rate.

    ## Why is this bad?
    Since Keras 2.3 the config names it `learning_rate`, in TF 2.15's optimizers (the legacy ones too) and
    Keras 3's: reading `"lr"` raises `KeyError: 'lr'` (run on TF 2.15.1 and Keras 3.15.1).

    ## Example
    ```python
    print(model.optimizer.get_config()["lr"])
    ```

    ## Use instead
    ```python
    print(model.optimizer.get_config()["learning_rate"])
    ```

    ## Fix safety
    Safe: the same value under its current key.
    """

    code = "KER217"
    name = "optimizer-config-key"
    message = (
        "`{use}` raises `KeyError: {key!r}` on target {target}: the optimizer's config has `{new}` (since {since})"
    )
    fix_title = "Read `{new!r}`"
    severity = Severity.ERROR
    valid = (
        Valid("import keras\nopt = keras.optimizers.Adam()\nprint(opt.get_config()['learning_rate'])\n"),
        Valid("import keras\nprint(scheduler.get_config()['lr'])\n"),  # not shown to be an optimizer
    )
    invalid = (
        Invalid(
            "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.compile(optimizer='adam', loss='mse')\nrate = model.optimizer.get_config()['lr']\n",
            at=((4, 7),),
            target=Target.KERAS3,
            fixed="import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.compile(optimizer='adam', loss='mse')\nrate = model.optimizer.get_config()['learning_rate']\n",
        ),
        Invalid(
            "from tensorflow.keras.optimizers import SGD\nopt = SGD(0.01, momentum=0.9)\n"
            'print("lr:", opt.get_config()["lr"])\n',
            at=((3, 13),),
            fixed="from tensorflow.keras.optimizers import SGD\nopt = SGD(0.01, momentum=0.9)\n"
            'print("lr:", opt.get_config()["learning_rate"])\n',
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if f".{_GET_CONFIG}()" not in text or not any(
            f"{quote}{key}{quote}" in text for key in OLD_OPTIMIZER_CONFIG_KEYS for quote in "'\""
        ):
            return
        from kerascheck.rules.objects import typed_uses  # here: read only when a module may need it

        calls = {
            id(use.call)
            for use in typed_uses(ctx, frozenset({_GET_CONFIG}))
            if use.type.kind == "Optimizer" and use.call is not None and not use.call.args and not use.call.keywords
        }
        if not calls:
            return
        for node in ctx.nodes:
            if not (isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) and id(node.value) in calls):
                continue
            key = node.slice
            if isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value in OLD_OPTIMIZER_CONFIG_KEYS:
                new, since = OLD_OPTIMIZER_CONFIG_KEYS[key.value]
                quote = ctx.source_of(key)[0]
                edit = Edit(*ctx.span(key), f"{quote}{new}{quote}")
                yield self.finding(
                    ctx, node, edits=(edit,), use=ctx.source_of(node), key=key.value, new=new, since=since
                )
