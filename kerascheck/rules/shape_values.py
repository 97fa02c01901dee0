"""KER328: ``input_shape[-1].value``, a TensorFlow 1 ``Dimension``'s value read off an item of a shape; KER252: an int
given as an input's shape."""

from __future__ import annotations

import ast
import re
from typing import Dict, Iterator, Optional

from kerascheck.catalog.model import Target
from kerascheck.catalog.training import (
    DIMENSION_RESTORING_CALLS,
    DIMENSION_VALUE_ERROR,
    INT_INPUT_SHAPES,
    INT_SHAPE_ERROR,
    TENSOR_SHAPE_READS,
)
from kerascheck.context import Context
from kerascheck.context.callees import is_layer_class
from kerascheck.findings import Edit, Finding
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid, module_text
from kerascheck.rules.calls import argument, callee
from kerascheck.rules.values import value_of

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


class IntInputShape(Rule):
    """## What it does
    Finds an int given as the shape of an input: `Input(shape=(784))` (the parentheses make no tuple),
    `Input(784)`, `InputLayer(input_shape=784)`, also through a name bound once to an int.

    ## Why is this bad?
    tf.keras took an int there as a one-item shape (`(None, 784)`, run on TF 2.15.1). Keras 3 refuses it:
    `ValueError: Cannot convert '784' to a shape.` (run on Keras 3.15.1), when the model is built.

    ## Example
    ```python
    inputs = keras.Input(shape=(784))
    ```

    ## Use instead
    ```python
    inputs = keras.Input(shape=(784,))
    ```

    ## Fix safety
    Safe: the one-item tuple is the shape tf.keras made of the int.
    """

    code = "KER252"
    name = "int-input-shape"
    message = "`{keyword}={shape}` of `{callee}` is an int, not a tuple: on target {target} Keras raises `{error}`"
    fix_title = "Write a one-item tuple: `{keyword}=({shape},)`"
    severity = Severity.ERROR
    fix_safety = FixSafety.SAFE
    targets = frozenset({Target.KERAS3})
    owners = frozenset(INT_INPUT_SHAPES)
    valid = (
        Valid("import keras\ninputs = keras.Input(shape=(784,))\nlayer = keras.layers.InputLayer(shape=(3, 4))\n",
              target=Target.KERAS3),
        Valid("from tensorflow import keras\ninputs = keras.Input(shape=(784))\n"),  # tf.keras takes it
        Valid("import keras\ninputs = keras.Input(shape=(n_features))\n", target=Target.KERAS3),  # not known an int
    )  # fmt: skip
    invalid = (
        Invalid(
            "import keras\ninputs = keras.Input(shape=(784))\n",
            at=((2, 21),),
            target=Target.KERAS3,
            fixed="import keras\ninputs = keras.Input(shape=(784,))\n",
        ),
        Invalid(
            "from keras.layers import Input, InputLayer\nSIZE = 32\nx = Input(SIZE)\n"
            "layer = InputLayer(input_shape=8)\n",
            at=((3, 10), (4, 19)),
            target=Target.KERAS3,
            fixed="from keras.layers import Input, InputLayer\nSIZE = 32\nx = Input((SIZE,))\n"
            "layer = InputLayer(input_shape=(8,))\n",
        ),
    )

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner not in INT_INPUT_SHAPES:
            return
        for keyword, position in INT_INPUT_SHAPES[target.owner]:
            given = argument(node, position, keyword) if position is not None else _keyword(node, keyword)
            if given is None or not _is_int(value_of(ctx, given)):
                continue
            shown = ctx.source_of(given)
            tupled = f"{shown}," if _grouped(ctx, node, given) else f"({shown},)"
            written = next((item for item in node.keywords if item.value is given), given)  # ``shape=…`` whole
            yield self.finding(
                ctx, written, edits=(Edit(*ctx.span(given), tupled),), keyword=keyword, shape=shown,
                callee=target.display, error=INT_SHAPE_ERROR.format(shape=_int_value(value_of(ctx, given))),
            )  # fmt: skip


def _keyword(node: ast.Call, name: str) -> Optional[ast.expr]:
    return next((item.value for item in node.keywords if item.arg == name), None)


def _is_int(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int


def _int_value(node: ast.expr) -> int:
    return node.value if isinstance(node, ast.Constant) and type(node.value) is int else 0


def _grouped(ctx: Context, call: ast.Call, given: ast.expr) -> bool:
    """Whether parentheses of their own hold the argument (``shape=(784)``, ``Input((784))``): a comma inside them
    makes the tuple. The call's own parenthesis, before a first positional argument, is none of them."""
    line, col, end_line, end_col = ctx.span(given)
    text = ctx.lines[line - 1]
    before = text[:col].rstrip()
    after = ctx.lines[end_line - 1][end_col:].lstrip()
    if not (before.endswith("(") and after.startswith(")")):
        return False
    _, _, func_line, func_col = ctx.span(call.func)
    opening = len(before) - 1  # the column of that "("
    return not (func_line == line and ctx.lines[line - 1][func_col:opening].strip() == "")


class TensorShapeOfBuild(Rule):
    """## What it does
    Finds `input_shape.as_list()`, `input_shape.ndims` and `input_shape.rank` on the shape Keras hands a custom
    layer's `build` or `compute_output_shape`.

    ## Why is this bad?
    tf.keras hands them a `TensorShape` (run on TF 2.15.1). Keras 3 hands them a tuple of ints (run on Keras 3.15.1):
    `AttributeError: 'tuple' object has no attribute 'as_list'` when the layer is built.

    ## Example
    ```python
    def build(self, input_shape):
        dim = input_shape.as_list()[-1]
    ```

    ## Use instead
    ```python
    def build(self, input_shape):
        dim = list(input_shape)[-1]
    ```

    ## Fix safety
    Safe: `list(shape)` and `len(shape)` give what the `TensorShape` gave, and work on tf.keras too.
    """

    code = "KER253"
    name = "tensor-shape-of-build"
    message = (
        "`{old}` in `{method}`: on target {target} Keras hands `{method}` a tuple, not a `TensorShape`: "
        "`AttributeError: 'tuple' object has no attribute '{attribute}'`"
    )
    fix_title = "Write `{new}`"
    severity = Severity.ERROR
    fix_safety = FixSafety.SAFE
    targets = frozenset({Target.KERAS3})
    valid = (
        Valid(
            "import keras\nclass Gate(keras.layers.Layer):\n    def build(self, input_shape):\n"
            "        self.dim = list(input_shape)[-1]\n",
            target=Target.KERAS3,
        ),
        Valid(
            "import tensorflow as tf\nclass Gate(tf.keras.layers.Layer):\n    def build(self, input_shape):\n"
            "        self.dim = input_shape.as_list()[-1]\n"
        ),  # tf.keras: a TensorShape
    )
    invalid = (
        Invalid(
            "import keras\nimport numpy as np\nclass Gate(keras.layers.Layer):\n    def build(self, input_shape):\n"
            "        self.dim = input_shape.as_list()[-1]\n        self.rank = input_shape.ndims\n\n"
            "    def call(self, inputs):\n        return inputs\n\n\nGate()(np.ones((2, 3)))\n",
            at=((5, 19), (6, 20)),
            target=Target.KERAS3,
            fixed="import keras\nimport numpy as np\nclass Gate(keras.layers.Layer):\n"
            "    def build(self, input_shape):\n"
            "        self.dim = list(input_shape)[-1]\n        self.rank = len(input_shape)\n\n"
            "    def call(self, inputs):\n        return inputs\n\n\nGate()(np.ones((2, 3)))\n",
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if not any(f".{attribute}" in text for attribute in TENSOR_SHAPE_READS):
            return
        shapes = _shape_parameters(ctx)
        if not shapes:
            return
        methods = {
            id(node): method.name
            for klass in ctx.index.classes
            for method in klass.body
            if isinstance(method, ast.FunctionDef) and method.name in _SHAPE_METHODS
            for node in ast.walk(method)
        }
        calls = {id(node.func): node for node in ctx.nodes if isinstance(node, ast.Call)}
        for node in ctx.nodes:
            if not (type(node) is ast.Attribute and node.attr in TENSOR_SHAPE_READS and type(node.ctx) is ast.Load):
                continue
            shape = node.value
            if type(shape) is not ast.Name or shapes.get(id(shape)) != shape.id:
                continue
            call = calls.get(id(node))
            if node.attr == "as_list" and (call is None or call.args or call.keywords):
                continue  # ``as_list`` read, not called: another use
            if node.attr != "as_list" and call is not None:
                continue
            whole: ast.expr = call if call is not None else node
            new = TENSOR_SHAPE_READS[node.attr].format(shape=shape.id)
            yield self.finding(
                ctx, whole, edits=(Edit(*ctx.span(whole), new),), old=ctx.source_of(whole), new=new,
                method=methods.get(id(node), "build"), attribute=node.attr,
            )  # fmt: skip
