"""KER3xx, the state of custom layers on Keras 3: TensorFlow variables that Keras 3 does not track."""

from __future__ import annotations

import ast
from typing import Iterator, Union

from kerascheck.catalog.model import ONLY_KERAS3, Target
from kerascheck.context import Context
from kerascheck.findings import Finding
from kerascheck.names import TENSORFLOW
from kerascheck.rules.base import Invalid, Rule, Severity, Valid, module_text
from kerascheck.walk import ByLine

# keras 3.15.1 keras/src/layers/layer.py: Layer.__setattr__ hands attributes to a Tracker that collects
# only keras Variables (backend.Variable) into the layer's weights; a tf.Variable is left out. Run on
# Keras 3.15.1 with the TensorFlow backend: after build, `layer.trainable_weights == []`. The migration
# guide says the same ("TensorFlow variables tracking").
_TF_VARIABLES = frozenset({("Variable",), ("compat", "v1", "Variable")})


class UntrackedTfVariable(Rule):
    """## What it does
    Finds `self.<name> = tf.Variable(…)` in the methods of a custom layer or model.

    ## Why is this bad?
    tf.keras tracked a `tf.Variable` set as an attribute: it was a weight, trained and saved. Keras 3
    (3.15.1) tracks only Keras variables: the `tf.Variable` is missing from `trainable_weights`, so the
    optimizer never updates it and `save`/`save_weights` leave it out. No error, no warning.

    ## Example
    ```python
    def build(self, input_shape):
        self.w = tf.Variable(tf.zeros((input_shape[-1], self.units)))
    ```

    ## Use instead
    ```python
    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer="zeros")
    ```

    ## Fix safety
    None: `add_weight` takes a shape and an initializer, not an initial value.

    A `tf.Variable(…, trainable=False)` that the class never assigns (`self.<name>.assign…`,
    `.scatter…`) is a constant the layer recomputes when it is built again: Keras leaving it out of
    training and saving changes nothing, so it is no finding.
    """

    code = "KER321"
    name = "untracked-tf-variable"
    message = "`self.{attribute} = {call}(…)` in layer `{layer}` is not tracked on target {target}: Keras 3 " \
        "({keras3_checked}) keeps only Keras variables as weights, so it is never trained nor saved"  # fmt: skip
    fix_title = "Use `self.add_weight(shape=…, initializer=…)` or `keras.Variable(…)`"
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    valid = (
        Valid("import keras\nclass L(keras.layers.Layer):\n    def build(self, shape):\n"
              "        self.w = self.add_weight(shape=(2,), initializer='zeros')\n", target=Target.KERAS3),
        Valid("import tensorflow as tf\nclass L(tf.keras.layers.Layer):\n    def build(self, shape):\n"
              "        self.w = tf.Variable(tf.zeros((2,)))\n"),
        Valid("import tensorflow as tf\nimport keras\nclass Tracker:\n    def __init__(self):\n"
              "        self.step = tf.Variable(0)\n", target=Target.KERAS3),
        Valid("import tensorflow as tf\nimport keras\nclass Attention(keras.layers.Layer):\n"
              "    def __init__(self, index):\n        super().__init__()\n"
              "        self.index = tf.Variable(initial_value=index, trainable=False)\n", target=Target.KERAS3),
    )  # fmt: skip
    invalid = (
        Invalid(
            "import tensorflow as tf\nimport keras\n\nclass Scale(keras.layers.Layer):\n"
            "    def build(self, input_shape):\n        self.scale = tf.Variable(tf.ones(input_shape[-1:]))\n\n"
            "    def call(self, inputs):\n        return inputs * self.scale\n",
            at=((6, 8),),
            target=Target.KERAS3,
        ),
        Invalid(
            "import tensorflow as tf\nimport keras\n\nclass Counter(keras.layers.Layer):\n"
            "    def build(self, input_shape):\n        self.seen = tf.Variable(0, trainable=False)\n\n"
            "    def call(self, inputs):\n        self.seen.assign_add(1)\n        return inputs\n",
            at=((6, 8),),
            target=Target.KERAS3,
        ),
        Invalid(
            "import tensorflow as tf\nimport keras\n\nclass Cache(keras.layers.Layer):\n"
            "    def build(self, input_shape):\n"
            "        self.last = tf.Variable(tf.zeros(input_shape[1:]), trainable=False)\n\n"
            "    def call(self, inputs):\n        tf.compat.v1.assign(self.last, inputs[0])\n        return inputs\n",
            at=((6, 8),),
            target=Target.KERAS3,
        ),
    )

    def check_class(self, ctx: Context, node: ast.ClassDef) -> Iterator[Finding]:
        made = _variable_assignments(ctx)
        if not made.nodes:
            return  # the module assigns no TF variable anywhere
        for statement in node.body:
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield from self._method(ctx, node, statement, made)

    def _method(
        self,
        ctx: Context,
        layer: ast.ClassDef,
        function: Union[ast.FunctionDef, ast.AsyncFunctionDef],
        made: ByLine,
    ) -> Iterator[Finding]:
        for assign in made.inside(function):
            value = assign.value
            if not isinstance(value, ast.Call):
                continue  # never: only calls are listed
            for target in assign.targets:
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "self"
                    and not _unassigned_constant(layer, target.attr, value)
                ):
                    yield self.finding(
                        ctx, target, attribute=target.attr, call=ctx.source_of(value.func), layer=layer.name
                    )


def _variable_assignments(ctx: Context) -> ByLine:
    """The module's assignments of a ``tf.Variable(…)`` (worked out once per module: most assign none)."""
    key = ("KER321", "variables")
    found = ctx.memo.get(key)
    if found is None:
        spelled = "Variable" in module_text(ctx)  # each way of naming one spells it
        made = [assign for assign in ctx.index.assigns if spelled and _makes_variable(ctx, assign.value)]
        found = ctx.memo[key] = ByLine(made, ordered=True)
    return found


def _makes_variable(ctx: Context, value: ast.expr) -> bool:
    if not isinstance(value, ast.Call) or not isinstance(value.func, (ast.Name, ast.Attribute)):
        return False
    reference = ctx.reference(value.func)
    return reference is not None and reference.implementation == TENSORFLOW and reference.path in _TF_VARIABLES


def _unassigned_constant(layer: ast.ClassDef, attribute: str, value: ast.Call) -> bool:
    """Whether ``value`` makes a non-trainable variable that no method of ``layer`` ever assigns: no
    ``self.<attribute>.assign…``/``.scatter…`` (also through a subscript) and no ``…assign…(self.<attribute>, …)``."""
    if not any(
        keyword.arg == "trainable" and isinstance(keyword.value, ast.Constant) and keyword.value.value is False
        for keyword in value.keywords
    ):
        return False
    for node in ast.walk(layer):
        if isinstance(node, ast.Attribute) and node.attr.startswith(("assign", "scatter")):
            receiver = node.value.value if isinstance(node.value, ast.Subscript) else node.value
            if _is_self_attribute(receiver, attribute):
                return False
        if isinstance(node, ast.Call) and "assign" in _callee_name(node.func):
            if any(_is_self_attribute(argument, attribute) for argument in node.args):
                return False
    return True


def _is_self_attribute(node: ast.expr, attribute: str) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == attribute
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
    )


def _callee_name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""
