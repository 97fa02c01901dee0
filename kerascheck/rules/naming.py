"""KER2xx, names Keras 3 refuses: a layer, model, input or weight ``name=`` with a ``/`` in it."""

from __future__ import annotations

import ast
from typing import Iterator, Optional, Tuple

from kerascheck.catalog.model import ONLY_KERAS3, Target
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid
from kerascheck.rules.calls import callee

# keras 3.15.1 keras/src/ops/operation.py (Operation.__init__, so every layer and model) and
# keras/src/backend/common/variables.py (Variable.__init__, so add_weight too) raise
# "ValueError: Argument `name` must be a string and cannot contain character `/`"; tf.keras used the
# name as a name scope and accepted it. Run by tests/test_keras3_breaks.py.
_NAMED = frozenset({"models.Sequential", "models.Model", "Variable", "backend.Variable", ".add_weight"})


class _NamedOwners(frozenset):
    """The callees whose ``name=`` names a layer, model or variable: the few above, and every
    ``layers.…`` callable (classes and the functional helpers such as ``concatenate``, which pass
    ``name=`` to their layer). Iterating gives only the listed ones (the walk's method names)."""

    def __contains__(self, owner: object) -> bool:
        return frozenset.__contains__(self, owner) or (isinstance(owner, str) and owner.startswith("layers."))


def _slash_part(node: ast.expr) -> Optional[ast.Constant]:
    """The literal text with a ``/`` that certainly ends up in the string an expression makes."""
    if isinstance(node, ast.Constant):
        return node if isinstance(node.value, str) and "/" in node.value else None
    if isinstance(node, ast.JoinedStr):
        return next((part for part in map(_slash_part, node.values) if part is not None), None)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _slash_part(node.left) or _slash_part(node.right)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _slash_part(node.left)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _slash_part(node.func.value)
    return None


class SlashInName(Rule):
    """## What it does
    Finds `name=` arguments with a `/` in them given to Keras layers, models, `Input`, `add_weight`
    and `keras.Variable` (`Dense(64, name="block1/dense")`, `name=f"{scope}/kernel"`).

    ## Why is this bad?
    tf.keras used a layer's name as a TensorFlow name scope and accepted `/`. Keras 3 (3.15.1)
    raises `ValueError: Argument name must be a string and cannot contain character /` when the layer,
    model or variable is created.

    ## Example
    ```python
    x = layers.Dense(64, name="encoder/dense_1")(x)
    ```

    ## Use instead
    ```python
    x = layers.Dense(64, name="encoder_dense_1")(x)
    ```

    ## Fix safety
    Unsafe: the fix writes `_` for `/` in a literal name, which changes the names weights are saved and
    loaded by.
    """

    code = "KER223"
    name = "slash-in-keras3-name"
    message = (
        "`name={name}` of `{owner}` contains `/`, which target {target} (Keras {keras3_checked}) refuses with "
        "`ValueError: … cannot contain character /`"
    )
    fix_title = "Use another separator, such as `_`"
    severity = Severity.ERROR
    fix_safety = FixSafety.UNSAFE
    targets = ONLY_KERAS3
    valid = (
        Valid("import keras\nkeras.layers.Dense(2, name='dense_1')\nkeras.layers.Dense(2, name=scope)\n"
              "keras.utils.get_file('x', origin='https://a/b')\n", target=Target.KERAS3),
        Valid("import tensorflow as tf\ntf.keras.layers.Dense(2, name='block/dense')\n"),
        Valid("import keras\nfrom mylib import Block\nBlock(name='a/b')\n", target=Target.KERAS3),
    )  # fmt: skip
    invalid = (
        Invalid(
            "import keras\nfrom keras import layers\ndense = layers.Dense(2, name='encoder/dense')\n"
            "model = keras.Sequential(name='nets/mlp')\n",
            at=((3, 29), (4, 30)),
            target=Target.KERAS3,
            fixed="import keras\nfrom keras import layers\ndense = layers.Dense(2, name='encoder_dense')\n"
            "model = keras.Sequential(name='nets_mlp')\n",
        ),
        Invalid(
            "from keras import layers\nblock = 'b1'\n"
            "y = layers.concatenate([inputs, inputs], name=f'{block}/concat')\n",
            at=((3, 46),),
            target=Target.KERAS3,
        ),
        Invalid(
            "import keras\nw = layer.add_weight(shape=(2,), name='kernel/0')\n",
            at=((2, 38),),
            target=Target.KERAS3,
            fixed="import keras\nw = layer.add_weight(shape=(2,), name='kernel_0')\n",
        ),
    )

    owners = _NamedOwners(_NAMED)

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner not in self.owners:
            return
        keyword = next((item for item in node.keywords if item.arg == "name"), None)
        if keyword is None or _slash_part(keyword.value) is None:
            return
        value = keyword.value
        edits: Tuple[Edit, ...] = ()
        written = ctx.source_of(value)
        if isinstance(value, ast.Constant) and written[:1] in "'\"" and written[1:-1] == value.value:
            edits = (Edit(*ctx.span(value), written[0] + value.value.replace("/", "_") + written[0]),)
        shown = written if "{" not in written and "}" not in written else "f'…/…'"
        yield self.finding(ctx, value, edits=edits, safe=False, name=shown, owner=target.display)
