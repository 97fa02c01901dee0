"""KER328: ``input_shape[-1].value``, a TensorFlow 1 ``Dimension``'s value read off an item of a shape."""

from __future__ import annotations

import ast
import re
from typing import Dict, Iterator, Optional

from kerascheck.catalog.model import Target
from kerascheck.catalog.training import DIMENSION_RESTORING_CALLS, DIMENSION_VALUE_ERROR
from kerascheck.context import Context
from kerascheck.context.callees import is_layer_class
from kerascheck.findings import Edit, Finding
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid, module_text

# What ``.value`` follows: an item of a shape (``…]`` then ``.value``), in the text before any node is looked at.
_ITEM_VALUE = re.compile(r"\][ \t]*\.[ \t]*value\b")
# The methods Keras hands a layer's input shape (a ``TensorShape`` on TF 2.15.1, a tuple on Keras 3.15.1)
_SHAPE_METHODS = frozenset({"build", "compute_output_shape"})


class ShapeDimensionValue(Rule):
    """## What it does
    Finds `.value` read off one item of a shape: `input_shape[-1].value` where `input_shape` is what Keras
    hands a custom layer's `build` or `compute_output_shape`, and `x.shape[1].value` or
    `x.get_shape()[1].value` anywhere. A module that brings TensorFlow 1 shapes back
    (`tf.compat.v1.disable_v2_tensorshape()`, `disable_v2_behavior()`) is left alone.

    ## Why is this bad?
    On TensorFlow 1, an item of a `TensorShape` was a `Dimension`, whose `.value` was the int (or None). On
    TensorFlow 2 (2.15.1) the item is the int itself, and on Keras 3 (3.15.1) a layer's shapes are tuples of
    ints: `AttributeError: 'int' object has no attribute 'value'`, when the layer is built.

    ## Example
    ```python
    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1].value, self.units))
    ```

    ## Use instead
    ```python
    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units))
    ```

    ## Fix safety
    Safe: the item is what `.value` gave on TensorFlow 1, an int or None.
    """

    code = "KER328"
    name = "shape-dimension-value"
    message = (
        "`{old}`: on target {target} an item of a shape is an int (or None), not TensorFlow 1's `Dimension`: "
        f"`{DIMENSION_VALUE_ERROR}`"
    )
    fix_title = "Drop `.value`: `{new}`"
    severity = Severity.ERROR
    fix_safety = FixSafety.SAFE
    valid = (
        Valid(
            "from tensorflow import keras\nclass Scale(keras.layers.Layer):\n    def build(self, input_shape):\n"
            "        self.w = self.add_weight(shape=(input_shape[-1],))\n"
        ),
        Valid(
            "import tensorflow as tf\ntf.compat.v1.disable_v2_behavior()\n"
            "x = tf.compat.v1.placeholder(tf.float32, (None, 3))\nunits = x.shape[1].value\n"
        ),
        Valid(
            "from tensorflow import keras\nclass Plain:\n    def build(self, input_shape):\n"
            "        return input_shape[-1].value\n"
        ),  # no layer: what build is handed is not Keras's
        Valid("import tensorflow as tf\nfirst = rows[0].value\nshape = x.shape[1:].value\n"),
    )
    invalid = (
        Invalid(
            "from tensorflow import keras\nclass Scale(keras.layers.Layer):\n    def build(self, input_shape):\n"
            "        self.w = self.add_weight(shape=(input_shape[-1].value,))\n\n"
            "    def compute_output_shape(self, shapes):\n        return shapes[0][0].value, 1\n",
            at=((4, 40), (7, 15)),
            fixed="from tensorflow import keras\nclass Scale(keras.layers.Layer):\n    def build(self, input_shape):\n"
            "        self.w = self.add_weight(shape=(input_shape[-1],))\n\n"
            "    def compute_output_shape(self, shapes):\n        return shapes[0][0], 1\n",
        ),
        Invalid(
            "import keras\nimport tensorflow as tf\ndef attention(x):\n    steps = x.shape[1].value\n"
            "    units = int(x.get_shape()[-1].value)\n    return tf.reshape(x, (-1, steps * units))\n",
            at=((4, 12), (5, 16)),
            target=Target.KERAS3,
            fixed="import keras\nimport tensorflow as tf\ndef attention(x):\n    steps = x.shape[1]\n"
            "    units = int(x.get_shape()[-1])\n    return tf.reshape(x, (-1, steps * units))\n",
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if ".value" not in text or not _ITEM_VALUE.search(text) or any(v1 in text for v1 in DIMENSION_RESTORING_CALLS):
            return
        shapes = _shape_parameters(ctx)
        for node in ctx.nodes:
            if type(node) is not ast.Attribute or node.attr != "value" or type(node.ctx) is not ast.Load:
                continue
            item = node.value
            if type(item) is ast.Subscript and type(item.slice) is not ast.Slice and _is_shape(item.value, shapes):
                yield self._report(ctx, node, item)

    def _report(self, ctx: Context, node: ast.Attribute, item: ast.Subscript) -> Finding:
        _, _, line, col = ctx.span(item)
        _, _, end_line, end_col = ctx.span(node)
        new = ctx.source_of(item)
        edits = (Edit(line, col, end_line, end_col, ""),)
        return self.finding(ctx, node, edits=edits, old=ctx.source_of(node), new=new)


def _is_shape(node: ast.expr, shapes: Dict[int, str]) -> bool:
    """A shape whose items are ints on TF 2 and Keras 3: ``x.shape``, ``x.get_shape()``, or (through its own items,
    ``input_shape[0][-1]``) a shape parameter of a custom layer's ``build``/``compute_output_shape``."""
    if type(node) is ast.Attribute:
        return node.attr == "shape"
    if type(node) is ast.Call:
        func = node.func
        return type(func) is ast.Attribute and func.attr == "get_shape" and not node.args and not node.keywords
    while type(node) is ast.Subscript and type(node.slice) is not ast.Slice:
        node = node.value
    return type(node) is ast.Name and shapes.get(id(node)) == node.id


def _shape_parameters(ctx: Context) -> Dict[int, str]:
    """id(Name) -> its name, for each read of the input-shape parameter of ``build``/``compute_output_shape`` in a
    custom layer of the module, where the method never binds that name again."""
    found: Dict[int, str] = {}
    for klass in ctx.index.classes:
        if not is_layer_class(ctx, klass):
            continue
        for method in klass.body:
            if not isinstance(method, ast.FunctionDef) or method.name not in _SHAPE_METHODS:
                continue
            shape = _shape_parameter(method)
            if shape is None:
                continue
            every = list(ast.walk(method))
            names = [node for node in every if type(node) is ast.Name and node.id == shape]
            rebound = sum(type(node) is ast.arg and node.arg == shape for node in every) > 1  # a nested def's
            if not rebound and all(type(name.ctx) is ast.Load for name in names):
                found.update((id(name), shape) for name in names)
    return found


def _shape_parameter(method: ast.FunctionDef) -> Optional[str]:
    names = [arg.arg for arg in method.args.posonlyargs + method.args.args]
    return names[1] if len(names) > 1 and not method.decorator_list else None
