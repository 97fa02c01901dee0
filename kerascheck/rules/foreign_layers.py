"""KER4xx, another Keras inside a Keras 3 model: ``tensorflow_hub.KerasLayer`` and tf_keras layers added to
a Keras 3 ``Sequential``."""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from kerascheck.catalog.model import ONLY_KERAS3, Target
from kerascheck.context import Context
from kerascheck.findings import Finding
from kerascheck.names import TF_KERAS_PACKAGE
from kerascheck.rules.base import Invalid, Rule, Severity, Valid, module_text
from kerascheck.rules.calls import callee
from kerascheck.rules.values import is_keras_model, module_values, value_of

# tensorflow_hub >= 0.16 builds KerasLayer on tf_keras (tensorflow_hub/keras_layer.py imports tf_keras
# when TF >= 2.16), so it is a Keras 2 layer; keras 3.15.1 keras/src/models/sequential.py (add) raises
# "Only instances of `keras.Layer` can be added to a Sequential model" for anything else.
_HUB_LAYERS = frozenset({"tensorflow_hub.KerasLayer", "tensorflow_hub.keras_layer.KerasLayer"})


def _foreign(ctx: Context, node: ast.expr) -> Optional[str]:
    """What Keras 2 layer an expression makes, if it certainly makes one: ``hub.KerasLayer(…)``, a
    ``tf_keras.layers`` class, or a name bound once to either."""
    node = value_of(ctx, node)
    if not isinstance(node, ast.Call) or not isinstance(node.func, (ast.Name, ast.Attribute)):
        return None
    dotted = module_values(ctx).dotted(node.func)
    if dotted in _HUB_LAYERS:
        return "tensorflow_hub.KerasLayer"
    reference = ctx.reference(node.func)
    if reference is not None and reference.implementation == TF_KERAS_PACKAGE and reference.path[:1] == ("layers",):
        return f"tf_keras.{'.'.join(reference.path)}"
    return None


class ForeignLayerInKeras3Model(Rule):
    """## What it does
    Finds Keras 2 layers added to a Keras 3 `Sequential` model: `tensorflow_hub.KerasLayer(…)` and
    `tf_keras.layers.…`, in the list given to `Sequential([…])` or in `model.add(…)`.

    ## Why is this bad?
    TensorFlow Hub's `KerasLayer` (and every `tf_keras` layer) is a Keras 2 layer. Keras 3 (3.15.1,
    and `tf.keras` in TensorFlow >= 2.16) raises `ValueError: Only instances of keras.Layer can be added
    to a Sequential model`.

    ## Example
    ```python
    model = keras.Sequential([hub.KerasLayer(url, trainable=False), keras.layers.Dense(10)])
    ```

    ## Use instead
    ```python
    import tf_keras  # with TF_USE_LEGACY_KERAS=1: one Keras 2 model throughout
    model = tf_keras.Sequential([hub.KerasLayer(url, trainable=False), tf_keras.layers.Dense(10)])
    ```

    ## Fix safety
    None: the whole model has to move to one Keras.
    """

    code = "KER405"
    name = "keras2-layer-in-keras3-model"
    message = (
        "`{layer}` is a Keras 2 layer, added to a Keras 3 `Sequential`; target {target} (Keras {keras3_checked}) "
        "raises `ValueError: Only instances of keras.Layer can be added to a Sequential model`"
    )
    fix_title = "Build the model with tf_keras (and TF_USE_LEGACY_KERAS=1), or use a Keras 3 layer"
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    valid = (
        Valid("import tf_keras\nimport tensorflow_hub as hub\ntf_keras.Sequential([hub.KerasLayer('u')])\n",
              target=Target.KERAS3),
        Valid("import keras\nimport tensorflow_hub as hub\nkeras.Sequential([hub.KerasLayer('u')])\n"),
    )  # fmt: skip
    invalid = (
        Invalid(
            "import keras\nimport tensorflow_hub as hub\n"
            "model = keras.Sequential([hub.KerasLayer('https://tfhub.dev/m/1'), keras.layers.Dense(2)])\n"
            "embed = hub.KerasLayer('https://tfhub.dev/e/1')\nmodel.add(embed)\n",
            at=((3, 26), (5, 10)),
            target=Target.KERAS3,
        ),
    )

    owners = frozenset({"models.Sequential", ".add"})

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        if not _mentions_keras2_layers(ctx):
            return
        target = callee(ctx, node)
        if target is None:
            return
        if (
            target.owner == "models.Sequential"
            and target.reference is not None
            and target.reference.implementation != TF_KERAS_PACKAGE
        ):
            layers = _argument(node)
            items = layers.elts if isinstance(layers, (ast.List, ast.Tuple)) else []
        elif target.owner == ".add" and isinstance(node.func, ast.Attribute) and len(node.args) == 1:
            if not _is_keras3_sequential(ctx, node.func.value):
                return
            items = node.args
        else:
            return
        for item in items:
            layer = _foreign(ctx, item)
            if layer is not None:
                yield self.finding(ctx, item, layer=layer)


def _mentions_keras2_layers(ctx: Context) -> bool:
    """The cheap gate: a module that never names tensorflow_hub or tf_keras adds no Keras 2 layer."""
    key = (ForeignLayerInKeras3Model.code, "gate")
    if key not in ctx.memo:
        ctx.memo[key] = "tensorflow_hub" in module_text(ctx) or "tf_keras" in module_text(ctx)
    return ctx.memo[key]


def _argument(node: ast.Call) -> Optional[ast.expr]:
    if node.args:
        return node.args[0]
    return next((keyword.value for keyword in node.keywords if keyword.arg == "layers"), None)


def _is_keras3_sequential(ctx: Context, node: ast.expr) -> bool:
    made = value_of(ctx, node)
    if not isinstance(made, ast.Call) or not is_keras_model(ctx, made):
        return False
    reference = ctx.reference(made.func) if isinstance(made.func, (ast.Name, ast.Attribute)) else None
    return (
        reference is not None
        and reference.implementation != TF_KERAS_PACKAGE
        and ctx.canonical(made.func) == "models.Sequential"
    )
