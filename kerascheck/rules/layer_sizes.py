"""KER238: a layer size computed with ``/`` (``Dense(n_hidden / 2)``): a float, where Keras wants an int.

Python 2's ``/`` of two ints was an int, and code of the Keras 1 and 2 years often sized layers with it; Python 3's
``/`` is always a float. What each Keras then does with the float (run on Keras 3.15.1 with JAX and on TF 2.15.1):

* Keras 3.15.1 refuses it in every layer below: ``Dense`` raises ``ValueError: Received an invalid value for
  `units`, expected a positive integer`` when made, ``Embedding`` ``ValueError: `output_dim` must be a positive
  integer``, the convolutions ``ValueError: Cannot convert '(3, 2, 4.0)' to a shape`` and the recurrent layers
  ``ValueError: state_size must be an integer …`` when built.
* keras 2.15.0 turns the size into an int in the dense and convolution layers (``int(units)``, so they run), but
  not in the recurrent layers nor ``Embedding``, which raise ``TypeError: Dimension value must be integer or None
  …`` when built.
"""

from __future__ import annotations

import ast
from typing import Dict, Iterator, List, Tuple

from kerascheck.catalog.model import BOTH, ONLY_KERAS3, Target
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid
from kerascheck.rules.calls import argument, callee

# the layer -> its size parameters (position, name), and the targets that refuse a float there
_CONVOLUTIONS = ("Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose")
_SEPARABLE = ("SeparableConv1D", "SeparableConv2D")
SIZES: Dict[str, Tuple[Tuple[Tuple[int, str], ...], frozenset]] = {
    "layers.Dense": (((0, "units"),), ONLY_KERAS3),
    **{f"layers.{name}": (((0, "filters"),), ONLY_KERAS3) for name in _CONVOLUTIONS + _SEPARABLE},
    **{f"layers.{name}": (((0, "units"),), BOTH) for name in ("LSTM", "GRU", "SimpleRNN")},
    "layers.Embedding": (((0, "input_dim"), (1, "output_dim")), BOTH),
}
_EFFECTS = {
    Target.KERAS3: "the layer raises `ValueError` (a size must be an int)",
    Target.TF_KERAS: "the layer raises `TypeError: Dimension value must be integer …` when it is built",
}


class FloatLayerSize(Rule):
    """## What it does
    Finds a layer size computed with `/`: `Dense(n_hidden / 2)`, `Conv2D(filters / 4, 3)`, `LSTM(units=dim / 2)`,
    `Embedding(vocab, dim / 2)`, where the division is not inside a call such as `int(…)` or `round(…)`.

    ## Why is this bad?
    In Python 3, `/` gives a float even for two ints (Python 2, which much Keras 1 and 2 code was written for, gave
    an int). Keras 3 refuses a float size: `ValueError` when the layer is made or built (run on Keras 3.15.1).
    tf.keras turns it into an int in `Dense` and the convolutions, but its recurrent layers and `Embedding` raise
    `TypeError` when built (run on TF 2.15.1).

    ## Example
    ```python
    x = Dense(n_hidden / 2, activation="relu")(x)
    ```

    ## Use instead
    ```python
    x = Dense(n_hidden // 2, activation="relu")(x)
    ```

    ## Fix safety
    Safe: the size becomes `int(…)` of what was written, the int tf.keras's `Dense` and convolutions made of it
    (keras 2.15.0 `int(units)`), and what Python 2's `/` gave for positive ints.
    """

    code = "KER238"
    name = "float-layer-size"
    message = "`{spelled}` gives `{layer}` a float `{parameter}` (`/` is true division): on target {target} {effect}"
    fix_title = "Pass `int({spelled})` (or divide with `//`)"
    severity = Severity.ERROR
    fix_safety = FixSafety.SAFE
    owners = frozenset(SIZES)
    valid = (
        Valid("import keras\nx = keras.layers.Dense(n // 2)\ny = keras.layers.Dense(int(n / 2))\n", Target.KERAS3),
        Valid("import keras\nlayer = keras.layers.Dense(round(n * 0.5))\nrate = keras.layers.Dropout(1 / 2)\n"),
        Valid("from tensorflow import keras\nx = keras.layers.Dense(n / 2)\n"),  # tf.keras takes int(units)
    )
    invalid = (
        Invalid(
            "import keras\nx = keras.layers.Dense(n_hidden / 2, activation='relu')\n",
            at=((2, 23),),
            target=Target.KERAS3,
            fixed="import keras\nx = keras.layers.Dense(int(n_hidden / 2), activation='relu')\n",
        ),
        Invalid(
            "from tensorflow.keras.layers import LSTM\nlayer = LSTM(units=dim / 2 + 1)\n",
            at=((2, 19),),
            fixed="from tensorflow.keras.layers import LSTM\nlayer = LSTM(units=int(dim / 2 + 1))\n",
        ),
    )

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner not in SIZES:
            return
        sizes, targets = SIZES[target.owner]
        if ctx.target not in targets:
            return
        for position, parameter in sizes:
            given = argument(node, position, parameter)
            if given is None or not _divides(given):
                continue
            spelled = ctx.source_of(given)
            edits = (Edit(*ctx.span(given), f"int({spelled})"),)
            yield self.finding(
                ctx, given, edits=edits, spelled=spelled, layer=target.owner.split(".")[-1], parameter=parameter,
                effect=_EFFECTS[ctx.target],
            )  # fmt: skip


def _arithmetic(node: ast.expr) -> Tuple[List[ast.operator], List[ast.expr]]:
    """The operators of the expression's own arithmetic (not inside a call, a subscript or an attribute) and the
    operands it combines: ``([Add], [np.max(ids), 1])`` for ``np.max(ids) + 1``."""
    operators: List[ast.operator] = []
    operands: List[ast.expr] = []
    pending = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, ast.BinOp):
            operators.append(current.op)
            pending += [current.left, current.right]
        elif isinstance(current, ast.UnaryOp):
            pending.append(current.operand)
        else:
            operands.append(current)
    return operators, operands


def _divides(node: ast.expr) -> bool:
    """Whether the expression's own arithmetic has a true division: its value is then a float, whatever numbers it
    divides."""
    return any(isinstance(operator, ast.Div) for operator in _arithmetic(node)[0])


# The layer -> its size parameters that Keras 3.15.1 checks with ``isinstance(…, int)``, which a NumPy integer fails
# (run on Keras 3.15.1 with JAX: ``Dense(np.int64(4))`` raises ``ValueError: Received an invalid value for `units`,
# expected a positive integer``, ``Embedding`` ``ValueError: `input_dim` must be a positive integer. Received:
# input_dim=10 (of type int64)``, ``GRU`` and ``SimpleRNN`` ``ValueError: state_size must be an integer``). keras 2.15.0
# takes them all (run on TF 2.15.1), and so do Keras 3's ``LSTM`` and convolutions.
NUMPY_SIZES: Dict[str, Tuple[Tuple[int, str], ...]] = {
    "layers.Dense": ((0, "units"),),
    "layers.Embedding": ((0, "input_dim"), (1, "output_dim")),
    "layers.GRU": ((0, "units"),),
    "layers.SimpleRNN": ((0, "units"),),
}
# NumPy functions whose result is a NumPy scalar, never a Python int (``np.prod(self.img_shape)``, the GAN idiom)
NUMPY_SCALARS = frozenset(
    {"prod", "product", "sum", "max", "min", "amax", "amin", "int8", "int16", "int32", "int64", "uint8", "uint16",
     "uint32", "uint64", "intc", "intp", "int_"}
)  # fmt: skip


class NumpyLayerSize(Rule):
    """## What it does
    Finds a layer size that is a NumPy scalar: `Dense(np.prod(self.img_shape))`, `Embedding(np.max(ids) + 1, 64)`,
    `GRU(np.int64(n))`, on Keras 3.

    ## Why is this bad?
    Keras 3 checks these sizes with `isinstance(units, int)`, and a NumPy integer is no Python `int`: `Dense` raises
    `ValueError: Received an invalid value for `units`, expected a positive integer. Received: units=784`,
    `Embedding` and `GRU`/`SimpleRNN` likewise, when the layer is made (run on Keras 3.15.1). tf.keras took them
    (TF 2.15.1), so the GANs and autoencoders of the Keras 2 years that size their layers with `np.prod` stop at the
    first layer.

    ## Example
    ```python
    model.add(Dense(np.prod(self.img_shape), activation="tanh"))
    ```

    ## Use instead
    ```python
    model.add(Dense(int(np.prod(self.img_shape)), activation="tanh"))
    ```

    ## Fix safety
    Safe: the size becomes `int(…)` of what was written, the same number as a Python `int`.
    """

    code = "KER255"
    name = "numpy-layer-size"
    message = (
        "`{spelled}` gives `{layer}` a NumPy scalar as `{parameter}`, not a Python `int`: on target {target} the layer "
        "raises `ValueError` when made"
    )
    fix_title = "Pass `int({spelled})`"
    severity = Severity.ERROR
    fix_safety = FixSafety.SAFE
    targets = ONLY_KERAS3
    owners = frozenset(NUMPY_SIZES)
    valid = (
        Valid("import numpy as np\nimport keras\nx = keras.layers.Dense(int(np.prod((28, 28))))\n", Target.KERAS3),
        Valid("import numpy as np\nimport keras\nx = keras.layers.LSTM(np.int64(4))\n", Target.KERAS3),
        Valid("import numpy as np\nfrom tensorflow import keras\nx = keras.layers.Dense(np.prod((28, 28)))\n"),
    )
    invalid = (
        Invalid(
            "import numpy as np\nimport keras\nshape = (28, 28, 1)\n"
            "x = keras.layers.Dense(np.prod(shape), activation='tanh')\n",
            at=((4, 23),),
            target=Target.KERAS3,
            fixed="import numpy as np\nimport keras\nshape = (28, 28, 1)\n"
            "x = keras.layers.Dense(int(np.prod(shape)), activation='tanh')\n",
        ),
        Invalid(
            "import numpy\nfrom keras.layers import Embedding\nlayer = Embedding(numpy.int64(10), 4)\n",
            at=((3, 18),),
            target=Target.KERAS3,
            fixed="import numpy\nfrom keras.layers import Embedding\nlayer = Embedding(int(numpy.int64(10)), 4)\n",
        ),
    )

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner not in NUMPY_SIZES:
            return
        for position, parameter in NUMPY_SIZES[target.owner]:
            given = argument(node, position, parameter)
            if given is None or not _numpy_scalar(ctx, given):
                continue
            spelled = ctx.source_of(given)
            edits = (Edit(*ctx.span(given), f"int({spelled})"),)
            yield self.finding(
                ctx, given, edits=edits, spelled=spelled, layer=target.owner.split(".")[-1], parameter=parameter
            )


def _numpy_scalar(ctx: Context, node: ast.expr) -> bool:
    """Whether the expression is a call of a NumPy function that gives a NumPy scalar (``np.prod(shape)``), through
    the name the module binds NumPy to, or arithmetic on one (``np.max(ids) + 1``); one divided by ``/`` is KER238's."""
    if _divides(node):
        return False
    calls = [
        operand
        for operand in _arithmetic(node)[1]
        if isinstance(operand, ast.Call)
        and isinstance(operand.func, ast.Attribute)
        and isinstance(operand.func.value, ast.Name)
        and operand.func.attr in NUMPY_SCALARS
    ]
    if not calls:
        return False
    from kerascheck.rules.list_data import numpy_name  # here: only a layer sized by such a call needs it

    numpy = numpy_name(ctx)
    return numpy is not None and any(call.func.value.id == numpy for call in calls)  # type: ignore[attr-defined]
