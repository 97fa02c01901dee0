"""KER3xx, functional models: TensorFlow ops applied to the symbolic tensors a functional model is built
from, which Keras 3 refuses."""

from __future__ import annotations

import ast
from typing import Callable, Dict, Iterator, List, Optional, Set, Tuple

from kerascheck.catalog.model import BOTH, ONLY_KERAS3, Target
from kerascheck.catalog.tf_ops import KERAS_OPS_FOR_TF, TF_OPS_GIVING_VALUES
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.lazy import LazyPattern
from kerascheck.names import TENSORFLOW, Reference
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid, asks_for, module_text
from kerascheck.rules.values import module_values, own_returns, value_of
from kerascheck.walk import defines_in_module

_MAX_DEPTH = 12  # nesting of one expression (``a + b[0]``) followed
_MAX_HOPS = 100  # names followed back to their bindings at a time (``x = Dense(8)(x)`` 100 times)
_MAX_ROUNDS = 200  # times a chain is taken up again where it was cut


class KerasTensors:
    """Which expressions of a module are certainly KerasTensors: ``Input(…)``, a Keras layer or
    ``keras.ops`` function applied to one, arithmetic and indexing on one, and names all of whose
    bindings that can reach the use (rules/reaching.py) are such expressions (a parameter never is:
    inside ``call`` or a helper, the tensors may be real ones).

    A use's answer is kept once known (a chain of rebindings is followed once); a use read again through
    a loop is taken to hold one while its own answer is worked out, and answers that leaned on that, or on
    a chain cut at ``_MAX_HOPS``, are not kept."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        from kerascheck.rules.reaching import Reaching  # here: only a module building a functional model needs it

        self.values = module_values(ctx)
        self.reaching = Reaching()
        # names some function declares global or nonlocal: a call may rebind them anywhere
        self.shared = {name for names in self.values.globals.values() for name in names}
        self._known: Dict[int, bool] = {}  # id(Name use) -> whether it certainly holds a KerasTensor
        # how many answers were not sure: a use read again through a loop taken to hold one, a chain cut short
        self._unsure = 0
        self._cut: List[ast.Name] = []  # the uses where chains were cut at ``_MAX_HOPS``

    def first_argument(self, node: ast.Call) -> Optional[ast.expr]:
        """The first argument of a call that certainly is a KerasTensor (or holds them), or None."""
        return self._settled(lambda: self.any_argument(node, set(), 0, 0))

    def certain(self, node: ast.expr) -> bool:
        """Whether the expression certainly is a KerasTensor (or holds them)."""
        return self._settled(lambda: node if self.holds(node, set(), 0, 0) else None) is not None

    def _settled(self, ask: Callable[[], Optional[ast.expr]]) -> Optional[ast.expr]:
        """``ask()``, with a chain longer than ``_MAX_HOPS`` worked out from where it was cut first,
        ``_MAX_HOPS`` names at a time, so that the stack stays short."""
        pending: List[Optional[ast.Name]] = [None]  # None: the question itself
        found = None
        for _ in range(_MAX_ROUNDS):
            self._cut = []
            try:
                if pending[-1] is None:
                    found = ask()
                else:
                    self._name(pending[-1], set(), 0)
            except RecursionError:  # nothing is claimed
                return None
            cut = [use for use in self._cut if id(use) not in self._known]
            if cut:
                pending += cut
            elif pending.pop() is None:
                return found
        return None

    def holds(self, node: ast.expr, visiting: Set[int], depth: int, hops: int) -> bool:
        if depth > _MAX_DEPTH:
            self._unsure += 1
            return False
        if isinstance(node, ast.Name):
            return self._name(node, visiting, hops)
        if isinstance(node, ast.BinOp):
            return self.holds(node.left, visiting, depth + 1, hops) or self.holds(node.right, visiting, depth + 1, hops)
        if isinstance(node, ast.Subscript):
            return self.holds(node.value, visiting, depth + 1, hops)
        if isinstance(node, ast.Call):
            return self._call(node, visiting, depth, hops)
        return False

    def any_argument(self, node: ast.Call, visiting: Set[int], depth: int, hops: int) -> Optional[ast.expr]:
        for value in [*node.args, *(keyword.value for keyword in node.keywords)]:
            items = value.elts if isinstance(value, (ast.List, ast.Tuple)) else [value]
            for item in items:
                if not isinstance(item, ast.Starred) and self.holds(item, visiting, depth + 1, hops):
                    return item
        return None

    def _name(self, node: ast.Name, visiting: Set[int], hops: int) -> bool:
        known = self._known.get(id(node))
        if known is not None:
            return known
        if hops >= _MAX_HOPS:
            self._unsure += 1
            self._cut.append(node)
            return False
        scope = self.values.scope_of(node)
        bindings = self.values.bindings.get((id(scope), node.id))
        if not bindings or node.id in self.shared:
            return False
        if id(node) in visiting:
            self._unsure += 1
            return True  # read again through a loop (``for …: x = Dense(8)(x)``): the other bindings decide
        visiting = visiting | {id(node)}
        unsure = self._unsure
        stars = self.values.bindings.get((id(scope), "*"), [])  # ``from m import *`` may bind it too
        # an item unpacked from what holds KerasTensors is one (``out, h, c = LSTM(4, return_state=True)(x)``)
        values = [
            binding.value if binding.unpacked_from is None else binding.unpacked_from
            for binding in self.reaching.bindings(node, scope, bindings + stars)
        ]
        found = all(isinstance(value, ast.expr) and self.holds(value, visiting, 0, hops + 1) for value in values)
        if self._unsure == unsure:  # worked out without an assumption or a cut: the same every time
            self._known[id(node)] = found
        return found

    def _call(self, node: ast.Call, visiting: Set[int], depth: int, hops: int) -> bool:
        func = node.func
        canonical = self._canonical(func)
        if canonical == "layers.Input":
            return True
        if canonical is not None and (canonical.startswith("ops.") or _is_layer_function(canonical)):
            return self.any_argument(node, visiting, depth, hops) is not None
        layer: Optional[ast.expr] = func
        if isinstance(func, ast.Name):
            binding = self.values.binding(func)
            layer = binding.value if binding is not None and isinstance(binding.value, ast.Call) else None
        if isinstance(layer, ast.Call) and (
            _is_layer_class(self._canonical(layer.func)) or self._own_layer(layer.func)
        ):
            return self.any_argument(node, visiting, depth, hops) is not None
        if self._tf_op(func):  # raises on Keras 3 (KER320); fixed, it gives a KerasTensor too
            return self.any_argument(node, visiting, depth, hops) is not None
        return False

    def _tf_op(self, func: ast.expr) -> bool:
        """A TensorFlow op whose result, once the op is a ``keras.ops`` function or a layer, is a KerasTensor (not
        ``tf.shape`` and its kin, whose Keras twins give Python values)."""
        reference = tensorflow_op(self.ctx, func)
        return reference is not None and ".".join(reference.path) not in TF_OPS_GIVING_VALUES

    def _own_layer(self, node: ast.expr, depth: int = 0) -> bool:
        """Whether ``node`` names a class of the module that derives from a Keras layer or model and keeps Keras's
        ``__call__`` (``Block(16)(inputs)``): called on a KerasTensor, Keras 3 gives KerasTensors back. Each base is
        Keras's own layer class or another such class of the module: a mixin or a base of unknown origin may define
        ``__call__`` itself."""
        if not isinstance(node, ast.Name) or depth > _MAX_DEPTH:
            return False
        binding = self.values.binding(node)
        klass = None if binding is None else binding.value
        if not isinstance(klass, ast.ClassDef) or not klass.bases:
            return False
        if any(
            isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and statement.name == "__call__"
            for statement in klass.body
        ):
            return False
        from kerascheck.context.callees import is_keras_layer_class  # here: only a module with its own classes asks

        return all(
            (is_keras_layer_class(self._canonical(base)) and not self.ctx.keras2_on_keras3(base))
            or self._own_layer(base, depth + 1)
            for base in klass.bases
        )

    def _canonical(self, node: ast.expr) -> Optional[str]:
        if not isinstance(node, (ast.Name, ast.Attribute)) or self.ctx.keras2_on_keras3(node):
            return None  # tf_keras's KerasTensors are Keras 2's, which TensorFlow ops take
        return self.ctx.canonical(node)


def tensorflow_op(ctx: Context, func: ast.expr) -> Optional[Reference]:
    """What ``func`` names when it is a TensorFlow function outside ``tf.keras`` (``tf.squeeze``, ``tf.nn.relu``)."""
    reference = ctx.reference(func) if _is_chain(func) else None
    if reference is None or reference.implementation != TENSORFLOW or reference.path[:1] == ("keras",):
        return None
    return reference


def _is_chain(node: ast.expr) -> bool:
    return isinstance(node, (ast.Name, ast.Attribute))


def _is_layer_class(canonical: Optional[str]) -> bool:
    return canonical is not None and canonical.startswith("layers.") and canonical.rsplit(".", 1)[-1][:1].isupper()


def _is_layer_function(canonical: str) -> bool:
    """``layers.concatenate``, ``layers.add``: the functional helpers that apply a merge layer."""
    return canonical.startswith("layers.") and canonical.count(".") == 1 and canonical[7:8].islower()


class TfOpOnKerasTensor(Rule):
    """## What it does
    Finds TensorFlow ops applied to the symbolic tensors of a functional model while it is built:
    `tf.squeeze(inputs)` where `inputs = keras.Input(…)`, or `tf.reduce_mean(x)` where
    `x = layers.Dense(8)(inputs)`. A name is judged by the bindings that can reach the op, so
    `x = tf.nn.relu(x)` after `x = layers.Dense(8)(inputs)` is found; a name that may hold something
    else there (rebound in a branch or later in a loop to what is no KerasTensor) is left alone. What a TF op
    makes of a KerasTensor is followed as one (once the op is a `keras.ops` function it is), but for `tf.shape`
    and its kin, whose Keras twins give Python values.

    ## Why is this bad?
    On tf.keras (TF <= 2.15) a TF op on a Keras tensor was wrapped into a layer automatically. Keras 3
    (3.15.1) raises `ValueError: A KerasTensor cannot be used as input to a TensorFlow function`
    when the op converts its argument, so the model cannot be built.

    ## Example
    ```python
    inputs = keras.Input(shape=(28, 28, 1))
    x = tf.squeeze(inputs, axis=-1)
    ```

    ## Use instead
    ```python
    inputs = keras.Input(shape=(28, 28, 1))
    x = keras.ops.squeeze(inputs, axis=-1)  # or wrap the TF code in a Layer's call()
    ```

    ## Fix safety
    None: the `keras.ops` function is named in the message where one computes the same; otherwise the
    TF code belongs in a custom layer's `call`.
    """

    code = "KER320"
    name = "tf-op-on-keras-tensor"
    message = (
        "`{op}(…)` is applied to the KerasTensor `{tensor}` of a functional model; target {target} "
        "(Keras {keras3_checked}) raises `ValueError: A KerasTensor cannot be used as input to a TensorFlow function`"
    )
    fix_title = "{remedy}"
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    valid = (
        Valid("import tensorflow as tf\nimport keras\ninputs = keras.Input((2, 1))\nx = keras.ops.squeeze(inputs)\n"
              "y = keras.layers.Lambda(lambda t: tf.squeeze(t))(inputs)\n", target=Target.KERAS3),
        Valid("import tensorflow as tf\nimport keras\n\ndef block(x):\n"
              "    return tf.nn.relu(keras.layers.Dense(2)(x))\n", target=Target.KERAS3),
        Valid("import tensorflow as tf\nfrom tensorflow import keras\ninputs = keras.Input((2, 1))\n"
              "x = tf.squeeze(inputs)\n"),
        # items of what a TF op or the module's own function returns are not known to be KerasTensors
        Valid("import tensorflow as tf\nimport keras\ninputs = keras.Input((4,))\n"
              "a, b = split_heads(inputs)\nn, m = 2, 3\nc = tf.reduce_sum(a)\nd = tf.ones((n, m))\n",
              target=Target.KERAS3),
        # a name is judged by the bindings that reach the use: here none, or not all, is a KerasTensor
        Valid("import numpy as np\nimport tensorflow as tf\nimport keras\ninputs = keras.Input((4,))\n"
              "x = keras.layers.Dense(4)(inputs)\nx = np.ones(3)\ny = tf.nn.relu(x)\n"  # rebound before the op
              "z = np.ones(3)\nw = tf.nn.relu(z)\nz = keras.layers.Dense(4)(inputs)\n"  # bound after the op
              "v = keras.layers.Dense(4)(inputs)\nif eager:\n    v = np.ones(3)\nu = tf.nn.relu(v)\n"
              "t = keras.layers.Dense(4)(inputs)\nfor step in range(3):\n"  # the loop brings the array back
              "    if step:\n        s = tf.nn.relu(t)\n    t = np.ones(3)\n"
              "r = keras.layers.Dense(4)(inputs)\nq = [tf.nn.relu(r) for r in arrays]\n",
              target=Target.KERAS3),
        # the module's class that is no Keras layer, or that defines its own ``__call__``, may return anything
        Valid("import numpy as np\nimport tensorflow as tf\nimport keras\nclass Plain:\n    def __call__(self, x):\n"
              "        return np.ones(3)\nclass Wrapped(keras.layers.Layer):\n    def __call__(self, x):\n"
              "        return np.ones(3)\ninputs = keras.Input((4,))\na = tf.nn.relu(Plain()(inputs))\n"
              "b = tf.nn.relu(Wrapped()(inputs))\n", target=Target.KERAS3),
        # nor one that inherits a `__call__` of the module's, or may from a base of unknown origin
        Valid("import numpy as np\nimport tensorflow as tf\nimport keras\nfrom mine import Mixin\n"
              "class Base(keras.layers.Layer):\n    def __call__(self, x):\n        return np.ones(3)\n"
              "class Block(Base):\n    pass\nclass Mixed(Mixin, keras.layers.Layer):\n    pass\n"
              "inputs = keras.Input((4,))\na = tf.nn.relu(Block()(inputs))\nb = tf.nn.relu(Mixed()(inputs))\n",
              target=Target.KERAS3),
    )  # fmt: skip
    invalid = (
        Invalid(
            "import tensorflow as tf\nimport keras\nfrom keras import layers\ninputs = keras.Input((3, 1))\n"
            "x = tf.squeeze(inputs, axis=-1)\nhidden = layers.Dense(4)(inputs)\n"
            "y = tf.reduce_sum(hidden + 1.0, axis=1)\nz = tf.concat([hidden, hidden], axis=-1)\n",
            at=((5, 4), (7, 4), (8, 4)),
            target=Target.KERAS3,
        ),
        # the items of a layer's output and of a tuple of Inputs (KerasTensors on Keras 3.15.1)
        Invalid(
            "import tensorflow as tf\nimport keras\nfrom keras import layers\ninputs = keras.Input((None, 8))\n"
            "seq, state_h, state_c = layers.LSTM(16, return_state=True)(inputs)\n"
            "states = tf.concat([state_h, state_c], axis=-1)\n"
            "left, right = keras.Input((4,)), keras.Input((4,))\ntotal = tf.add(left, right)\n",
            at=((6, 9), (8, 8)),
            target=Target.KERAS3,
        ),
        # a name rebound along the model: each use is judged by the bindings that reach it
        Invalid(
            "import tensorflow as tf\nimport keras\ndeep = True\ninputs = keras.Input((4,))\n"
            "x = keras.layers.Dense(4)(inputs)\nx = tf.nn.relu(x)\nx = keras.layers.Dense(2)(x)\n"
            "h = keras.layers.Dense(4)(inputs)\nif deep:\n    h = keras.layers.Dense(8)(h)\nh = tf.nn.softmax(h)\n"
            "g = keras.layers.Dense(2)(inputs)\nif deep:\n    g = tf.tanh(g)\n",
            at=((6, 4), (11, 4), (14, 8)),
            target=Target.KERAS3,
        ),
        # the module's own layer, called on a KerasTensor, gives one back (Keras's ``__call__`` makes it symbolic)
        Invalid(
            "import tensorflow as tf\nimport keras\n\nclass Block(keras.layers.Layer):\n    def call(self, x):\n"
            "        return x * 2.0\n\ninputs = keras.Input((4,))\nblock = Block()\nx = block(inputs)\n"
            "y = tf.nn.relu(Block()(x))\nz = tf.nn.relu(x)\n",
            at=((11, 4), (12, 4)),
            target=Target.KERAS3,
        ),
        # in a loop, what the body binds after the op comes back to it
        Invalid(
            "import tensorflow as tf\nimport keras\ninputs = keras.Input((4,))\nx = inputs\n"
            "for units in (8, 4):\n    skip = tf.nn.relu(x)\n    x = keras.layers.Dense(units)(x)\n"
            "x = tf.reduce_mean(x, axis=-1)\n",
            at=((6, 11), (8, 4)),
            target=Target.KERAS3,
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        if not ctx.imports_keras or "tensorflow" not in module_text(ctx):
            return
        if not builds_from_input(ctx):
            return  # no functional model is built from an Input here
        tensors: Optional[KerasTensors] = None
        for node in ctx.index.calls:
            func = node.func
            reference = tensorflow_op(ctx, func)
            if reference is None:
                continue
            tensors = tensors or KerasTensors(ctx)
            tensor = tensors.first_argument(node)
            if tensor is None:
                continue
            op = ".".join(reference.path)
            new = KERAS_OPS_FOR_TF.get(op)
            remedy = f"Use `keras.ops.{new}`" if new else "Use a `keras.ops` function, or move the TF code into a Layer"
            yield self.finding(
                ctx,
                func,
                op=f"tf.{op}",
                tensor=ctx.source_of(tensor) if len(ctx.source_of(tensor)) < 40 else "…",
                remedy=remedy,
            )


def builds_from_input(ctx: Context) -> bool:
    """Whether the module calls Keras's ``Input`` (builds a functional model), worked out once per module: a
    call of it names ``Input`` somewhere in the text, through an import or a chain."""
    key = ("functional", "input called")
    if key not in ctx.memo:
        ctx.memo[key] = "Input" in module_text(ctx) and any(
            ctx.canonical(call.func) == "layers.Input" for call in ctx.index.calls if _is_chain(call.func)
        )
    return ctx.memo[key]


def _functional_model(ctx: Context, node: ast.expr, depth: int = 0) -> bool:
    """``keras.Model(inputs, outputs)``, or a name bound once to it, or to what a function of the module returns when
    every return of it is one (``auto = build_autoencoder()``): a Functional model on Keras 3."""
    made = value_of(ctx, node)
    if not isinstance(made, ast.Call) or not isinstance(made.func, (ast.Name, ast.Attribute)):
        return False
    if type(made.func) is ast.Name and depth < _MAX_BUILDERS:
        binding = module_values(ctx).binding(made.func)
        function = None if binding is None else binding.value
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if function.decorator_list:
                return False  # a decorator may return what it likes in its place
            returns = [statement.value for statement in own_returns(function)]
            return bool(returns) and all(
                value is not None and _functional_model(ctx, value, depth + 1) for value in returns
            )
    if ctx.canonical(made.func) != "models.Model" or ctx.keras2_on_keras3(made.func):
        return False  # tf_keras's functional models take add_loss
    keywords = {keyword.arg for keyword in made.keywords}
    return len(made.args) >= 2 or (len(made.args) == 1 and "outputs" in keywords) or {"inputs", "outputs"} <= keywords


_MAX_BUILDERS = 4  # functions returning what functions return, followed this far


class FunctionalAddLoss(Rule):
    """## What it does
    Finds `add_loss(…)` called on a functional model, `keras.Model(inputs, outputs)`: the Keras 2
    variational-autoencoder idiom `vae.add_loss(kl_loss)`.

    ## Why is this bad?
    tf.keras added a symbolic loss to a functional model. Keras 3 (3.15.1) functional models raise
    `NotImplementedError` from `add_loss` (keras/src/models/functional.py).

    ## Example
    ```python
    vae = keras.Model(inputs, outputs)
    vae.add_loss(keras.ops.mean(kl_loss))
    ```

    ## Use instead
    ```python
    class KLLoss(keras.layers.Layer):
        def call(self, mean, log_var):
            self.add_loss(-0.5 * keras.ops.mean(1 + log_var - mean**2 - keras.ops.exp(log_var)))
            return mean
    ```

    ## Fix safety
    None: the loss moves into a layer's `call`.
    """

    code = "KER322"
    name = "functional-model-add-loss"
    message = "`{receiver}.add_loss(…)` on a functional model raises `NotImplementedError` on target {target} " \
        "(Keras {keras3_checked})"  # fmt: skip
    fix_title = "Compute the loss in a custom layer's `call` with `self.add_loss(…)`"
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    valid = (
        Valid(
            "import keras\nmodel = keras.Sequential()\nmodel.add_loss(0.0)\nlayer.add_loss(x)\n", target=Target.KERAS3
        ),
        Valid("from tensorflow import keras\nvae = keras.Model(inputs, outputs)\nvae.add_loss(kl)\n"),
    )
    invalid = (
        Invalid(
            "import keras\noutputs = keras.layers.Dense(2)(inputs)\nvae = keras.Model(inputs, outputs)\n"
            "vae.add_loss(keras.ops.mean(outputs))\n",
            at=((4, 0),),
            target=Target.KERAS3,
        ),
    )

    owners = frozenset({".add_loss"})

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "add_loss" and _functional_model(ctx, func.value):
            yield self.finding(ctx, node, receiver=ctx.source_of(func.value))


class InputLayerInput(Rule):
    """## What it does
    Finds `model.layers[0].input` on a functional model, `keras.Model(inputs, outputs)`: the Keras 2 way to reach
    the model's input tensor, as in `keras.Model(model.layers[0].input, model.layers[-2].output)`. The model is one
    the module makes, directly or in a function of its own that returns one (`auto = build_autoencoder()`).

    ## Why is this bad?
    A functional model's first layer is its `InputLayer`. In tf.keras its `input` was the input tensor; in Keras 3
    (3.15.1) an `InputLayer` has no inputs of its own and its `input` is `[]`, so a model made from it raises
    `ValueError: `inputs` argument cannot be empty` (run on both). Its `output` is the input tensor on both.

    ## Example
    ```python
    encoder = keras.Model(autoencoder.layers[0].input, autoencoder.layers[4].output)
    ```

    ## Use instead
    ```python
    encoder = keras.Model(autoencoder.layers[0].output, autoencoder.layers[4].output)
    ```

    ## Fix safety
    Safe: `output` of the `InputLayer` is the tensor its `input` was in tf.keras, on both targets.
    """

    code = "KER256"
    name = "input-layer-input"
    fix_safety = FixSafety.SAFE
    message = (
        "`{spelled}` is the `input` of `{receiver}`'s `InputLayer`: on target {target} (Keras {keras3_checked}) it is "
        '`[]`, and a `Model` made from it raises `ValueError` ("`inputs` argument cannot be empty"); tf.keras gave the '
        "input tensor"
    )
    fix_title = "Use `{receiver}.layers[0].output` (the input tensor on both), or `{receiver}.input`"
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    valid = (
        Valid(
            "import keras\ninputs = keras.Input((4,))\nmodel = keras.Model(inputs, keras.layers.Dense(2)(inputs))\n"
            "features = keras.Model(model.layers[0].output, model.layers[1].output)\n",
            target=Target.KERAS3,
        ),
        Valid(  # a Sequential model's layers hold no InputLayer: its first layer's `input` is the tensor
            "import keras\nmodel = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])\n"
            "features = keras.Model(model.layers[0].input, model.layers[0].output)\n",
            target=Target.KERAS3,
        ),
        Valid(
            "from tensorflow import keras\ninputs = keras.Input((4,))\n"
            "model = keras.Model(inputs, keras.layers.Dense(2)(inputs))\nx = model.layers[0].input\n"
        ),
        Valid(  # a builder that may return a Sequential model
            "import keras\ndef build(deep):\n    if deep:\n        inputs = keras.Input((4,))\n"
            "        return keras.Model(inputs, keras.layers.Dense(2)(inputs))\n"
            "    return keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])\n"
            "model = build(False)\nx = model.layers[0].input\n",
            target=Target.KERAS3,
        ),
    )
    invalid = (
        Invalid(  # the model a builder function of the module returns (held-out probe, Keras 3.15.1: ValueError)
            "import keras\ndef autoencoder():\n    inputs = keras.Input((8,))\n"
            "    code = keras.layers.Dense(2)(inputs)\n    auto = keras.Model(inputs, keras.layers.Dense(8)(code))\n"
            "    return auto\nauto = autoencoder()\n"
            "encoder = keras.Model(auto.layers[0].input, auto.layers[1].output)\n",
            at=((8, 22),),
            target=Target.KERAS3,
            fixed="import keras\ndef autoencoder():\n    inputs = keras.Input((8,))\n"
            "    code = keras.layers.Dense(2)(inputs)\n    auto = keras.Model(inputs, keras.layers.Dense(8)(code))\n"
            "    return auto\nauto = autoencoder()\n"
            "encoder = keras.Model(auto.layers[0].output, auto.layers[1].output)\n",
        ),
        Invalid(
            "import keras\ninputs = keras.Input((4,))\nhidden = keras.layers.Dense(3)(inputs)\n"
            "model = keras.Model(inputs, keras.layers.Dense(1)(hidden))\n"
            "features = keras.Model(model.layers[0].input, model.layers[1].output)\n",
            at=((5, 23),),
            target=Target.KERAS3,
            fixed="import keras\ninputs = keras.Input((4,))\nhidden = keras.layers.Dense(3)(inputs)\n"
            "model = keras.Model(inputs, keras.layers.Dense(1)(hidden))\n"
            "features = keras.Model(model.layers[0].output, model.layers[1].output)\n",
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if "].input" not in text or not _FIRST_LAYER_INPUT.search(text):
            return
        for node in ctx.nodes:
            if not (
                type(node) is ast.Attribute
                and node.attr == "input"
                and type(node.ctx) is ast.Load
                and type(node.value) is ast.Subscript
                and type(node.value.value) is ast.Attribute
                and node.value.value.attr == "layers"
            ):
                continue
            index = node.value.slice
            if not (type(index) is ast.Constant and type(index.value) is int and index.value == 0):
                continue
            receiver = node.value.value.value
            if not _functional_model(ctx, receiver):
                continue
            _, _, line, col = ctx.span(node)
            edits = (Edit(line, col - len("input"), line, col, "output"),)
            yield self.finding(ctx, node, edits=edits, spelled=ctx.source_of(node), receiver=ctx.source_of(receiver))


_FIRST_LAYER_INPUT = LazyPattern(r"\.layers\s*\[\s*0\s*\]\s*\.\s*input\b")


# What a KerasTensor lacks that a TensorFlow tensor had (run on Keras 3.15.1 and TF 2.15.1 with a Dense layer's
# output): Keras 3's has a tuple `shape` and neither `get_shape` nor `set_shape` (tf.keras's KerasTensor has
# both, and a TensorShape `shape` with `as_list`); neither has Keras 2.2's `_keras_shape`.
_MISSING_ON: Dict[str, Tuple[Target, ...]] = {
    "get_shape": (Target.KERAS3,),
    "set_shape": (Target.KERAS3,),
    "_keras_shape": (Target.TF_KERAS, Target.KERAS3),
    "as_list": (Target.KERAS3,),  # of `x.shape`: a tuple on Keras 3
}


KERAS_SHAPE = "_keras_shape"


class KerasTensorMethod(Rule):
    """## What it does
    Finds TensorFlow-tensor methods used on the symbolic tensors of a functional model (judged as KER320
    judges them): `x.get_shape()`, `x.set_shape(…)` and `x.shape.as_list()` on Keras 3, and Keras 2.2's
    `x._keras_shape` on both targets (on any receiver but `self`: only Keras 2.2 tensors ever had it, so a
    block helper's `init._keras_shape[-1]` is one too).

    ## Why is this bad?
    A Keras 3 (3.15.1) KerasTensor is no `tf.Tensor`: it has no `get_shape` or `set_shape`, and its `shape`
    is a tuple, so `.as_list()` fails: `AttributeError`. `_keras_shape` was set on tensors by Keras 2.2;
    tf.keras (TF 2.15) and Keras 3 have no such attribute.

    ## Example
    ```python
    x = layers.Conv2D(32, 3)(inputs)
    channels = x.get_shape().as_list()[-1]
    ```

    ## Use instead
    ```python
    channels = list(x.shape)[-1]
    ```

    ## Fix safety
    Safe for `x.get_shape().as_list()` and `x.shape.as_list()` (→ `list(x.shape)`, the same list on both
    targets) and `x._keras_shape` (→ `tuple(x.shape)`); none for the others.
    """

    code = "KER325"
    name = "keras-tensor-method"
    fix_safety = FixSafety.SOMETIMES
    message = "`{use}` on {tensor} raises AttributeError on target {target}: {why}"
    fix_title = "{remedy}"
    severity = Severity.ERROR
    targets = BOTH
    valid = (
        Valid("import keras\ninputs = keras.Input((3,))\nx = keras.layers.Dense(2)(inputs)\nprint(list(x.shape))\n",
              target=Target.KERAS3),
        Valid("from tensorflow import keras\ninputs = keras.Input((3,))\nx = keras.layers.Dense(2)(inputs)\n"
              "print(x.get_shape().as_list(), x.shape.as_list())\n"),
        Valid("import keras\ndef width(t):\n    return t.get_shape()[-1]\n", target=Target.KERAS3),  # any tensor
        Valid("from tensorflow import keras\ninputs = keras.Input((8, 3))\nx = keras.layers.Dense(4)(inputs)\n"
              "x._keras_shape = (None, 8, 4)\nprint(x._keras_shape)\n"),  # the program's own (runs on both)
        Valid("import keras\nclass Shape:\n    def width(self):\n        return self._keras_shape[-1]\n"),
        Valid("from tensorflow import keras\nx = keras.Input((8,))\nif hasattr(x, '_keras_shape'):\n"
              "    shape = x._keras_shape\nelse:\n    shape = tuple(x.shape)\n"),  # asked first (ssd_keras)
    )  # fmt: skip
    invalid = (
        Invalid(
            "import keras\ninputs = keras.Input((8, 8, 3))\nx = keras.layers.Conv2D(4, 3)(inputs)\n"
            "channels = x.get_shape().as_list()[-1]\nsize = x.shape.as_list()[1]\n",
            at=((4, 11), (5, 7)),
            target=Target.KERAS3,
            fixed=(
                "import keras\ninputs = keras.Input((8, 8, 3))\nx = keras.layers.Conv2D(4, 3)(inputs)\n"
                "channels = list(x.shape)[-1]\nsize = list(x.shape)[1]\n"
            ),
        ),
        Invalid(
            "import keras\ninputs = keras.Input((None, 3))\nx = keras.layers.Dense(4)(inputs)\n"
            "x.set_shape((None, 5, 4))\n",
            at=((4, 0),),
            target=Target.KERAS3,
        ),
        Invalid(
            "from tensorflow import keras\ninputs = keras.Input((8,))\nhidden = keras.layers.Dense(4)(inputs)\n"
            "units = hidden._keras_shape[-1]\n",
            at=((4, 8),),
            fixed=(
                "from tensorflow import keras\ninputs = keras.Input((8,))\nhidden = keras.layers.Dense(4)(inputs)\n"
                "units = tuple(hidden.shape)[-1]\n"
            ),
        ),
        Invalid(
            "import keras\nfeatures = keras.ops.ones((2, 3))\nwidth = features._keras_shape[-1]\n",
            at=((3, 8),),
            target=Target.KERAS3,
            fixed="import keras\nfeatures = keras.ops.ones((2, 3))\nwidth = tuple(features.shape)[-1]\n",
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        wanted = [name for name, targets in _MISSING_ON.items() if ctx.target in targets]
        if not ctx.imports_keras or not any(f".{name}" in text for name in wanted):
            return
        functional = builds_from_input(ctx)
        if not functional and f".{KERAS_SHAPE}" not in text:
            return  # no functional model is built from an Input here, and no tensor read the Keras 2.2 way
        tensors = KerasTensors(ctx) if functional else None
        nodes = ctx.nodes
        calls = {id(node.func): node for node in nodes if isinstance(node, ast.Call)}
        parents = {id(node.value): node for node in nodes if isinstance(node, ast.Attribute)}
        for node in nodes:
            if isinstance(node, ast.Attribute) and node.attr in wanted and isinstance(node.ctx, ast.Load):
                if node.attr == KERAS_SHAPE and asks_for(ctx, KERAS_SHAPE):
                    continue  # `if hasattr(x, '_keras_shape'):` code for either Keras (ssd_keras)
                found = self._use(ctx, node, calls, parents, tensors)
                if found is not None:
                    yield found

    def _use(
        self,
        ctx: Context,
        node: ast.Attribute,
        calls: Dict[int, ast.Call],
        parents: Dict[int, ast.Attribute],
        tensors: Optional[KerasTensors],
    ) -> Optional[Finding]:
        """The finding for ``tensor.get_shape``/``set_shape``/``_keras_shape`` and ``tensor.shape.as_list``."""
        name, tensor = node.attr, node.value
        if name in ctx.index.attributes_set:
            return None  # the program sets it itself (``x._keras_shape = …``): it reads its own value
        if name == "as_list":
            if not (isinstance(tensor, ast.Attribute) and tensor.attr == "shape"):
                return None
            tensor = tensor.value
        certain = tensors is not None and tensors.certain(tensor)
        # Keras 2.2's private `_keras_shape` was only ever a Keras tensor's: any receiver's read of it breaks
        # (a helper's parameter, `init._keras_shape[-1]`), short of `self`, whose class may be the program's own
        if not certain and not (name == KERAS_SHAPE and not (isinstance(tensor, ast.Name) and tensor.id == "self")):
            return None
        written = ctx.source_of(tensor)
        edits: Tuple[Edit, ...] = ()
        call = calls.get(id(node))
        if name == "_keras_shape":
            use, why = "._keras_shape", "Keras 2.2 set it on tensors; tf.keras and Keras 3 do not"
            edits = (Edit(*ctx.span(node), f"tuple({written}.shape)"),)
            remedy = "Use `tuple(x.shape)`"
        elif name == "as_list":
            use, why, remedy = ".shape.as_list()", "its `shape` is a tuple", "Use `list(x.shape)`"
            if call is not None and not call.args and not call.keywords:
                edits = (Edit(*ctx.span(call), f"list({written}.shape)"),)
        elif name == "get_shape":
            outer = parents.get(id(call)) if call is not None else None
            wrapper = calls.get(id(outer)) if outer is not None and outer.attr == "as_list" else None
            why = "a Keras 3 KerasTensor is no `tf.Tensor` (its `shape` is a tuple)"
            if wrapper is not None and call is not None and not (call.args or wrapper.args or wrapper.keywords):
                use, remedy = ".get_shape().as_list()", "Use `list(x.shape)`"
                edits = (Edit(*ctx.span(wrapper), f"list({written}.shape)"),)
            else:
                use, remedy = ".get_shape()", "Use `x.shape` (a tuple on Keras 3)"
        else:
            use, why = f".{name}(…)", "a Keras 3 KerasTensor is no `tf.Tensor`"
            remedy = "Delete it, or give the shape to `keras.Input`"
        shown = written if len(written) < 40 and "\n" not in written else "…"
        tensor_shown = f"the KerasTensor `{shown}` of a functional model" if certain else f"`{shown}`"
        return self.finding(ctx, node, edits=edits, use=use, tensor=tensor_shown, why=why, remedy=remedy)


def _makes_layers(ctx: Context, cls: ast.ClassDef, by_name: Dict[str, ast.ClassDef]) -> bool:
    """Whether the ``__init__`` of the class (or of a base the module defines) makes a Keras layer or model: calls a
    Keras layer class, or a Keras class of the module."""
    from kerascheck.context import callee
    from kerascheck.rules.objects import keras_classes  # here: only a module that builds a model needs it

    own = {node.name for node, _ in keras_classes(ctx)}
    pending, seen = [cls], set()
    while pending:
        current = pending.pop()
        if current.name in seen:
            continue
        seen.add(current.name)
        for statement in current.body:
            if isinstance(statement, ast.FunctionDef) and statement.name == "__init__":
                for node in ast.walk(statement):
                    if not isinstance(node, ast.Call):
                        continue
                    if isinstance(node.func, ast.Name) and node.func.id in own:
                        return True
                    target = callee(ctx, node) if id(node.func) in ctx.index.scope_of else None
                    if target is not None and target.owner.startswith(("layers.", "applications.", "models.")):
                        return True
        pending += [by_name[base.id] for base in current.bases if isinstance(base, ast.Name) and base.id in by_name]
    return False


class SubclassedModelBuild(Rule):
    """## What it does
    Finds `model.build(input_shape)` on an instance of a `keras.Model` subclass of the module that defines
    no `build()` (its layers made in `__init__`, used in `call`), on Keras 3.

    ## Why is this bad?
    tf.keras's `Model.build` runs `call` on a placeholder and so creates every weight. Keras 3 (3.15.1)
    only warns (`` `build()` was called on layer …, however the layer does not have a `build()` method
    implemented``) and creates none: `model.weights` stays empty, and `load_weights` right after loads
    nothing, silently (run: the predictions differ from the saved model's; on TF 2.15.1 they match).

    ## Example
    ```python
    model = TwoLayer()
    model.build((None, 4))
    model.load_weights("two.weights.h5")
    ```

    ## Use instead
    ```python
    model = TwoLayer()
    model(np.zeros((1, 4)))  # a call builds the layers
    model.load_weights("two.weights.h5")
    ```

    ## Fix safety
    None: a batch of the right shape and type is the program's to give.
    """

    code = "KER326"
    name = "subclassed-model-build"
    message = (
        "`{receiver}.build(…)` on `{model}`, a Model subclass with no `build()`: target {target} (Keras "
        "{keras3_checked}) only warns and creates no weights, so weights loaded into it load nothing"
    )
    fix_title = "Call the model on a batch instead (`{receiver}(x)`), which builds its layers"
    severity = Severity.WARNING
    targets = ONLY_KERAS3
    walked_methods = frozenset({"build"})
    valid = (
        # nothing of its own to build: no layers, or a model made elsewhere and handed in (corpus triage 11)
        Valid(
            "import keras\nclass Net(keras.Model):\n    def __init__(self, inner):\n        super().__init__()\n"
            "        self.inner = inner\n        self.loss_fn = keras.losses.MeanSquaredError()\n"
            "    def call(self, x):\n        return self.inner(x)\n"
            "model = Net(keras.Sequential([keras.layers.Dense(2)]))\nmodel.build((None, 4))\n",
            target=Target.KERAS3,
        ),
        Valid(
            "import keras\nclass Net(keras.Model):\n    def __init__(self):\n        super().__init__()\n"
            "        self.dense = keras.layers.Dense(2)\n    def build(self, shape):\n        self.dense.build(shape)\n"
            "    def call(self, x):\n        return self.dense(x)\nmodel = Net()\nmodel.build((None, 4))\n",
            target=Target.KERAS3,
        ),
        Valid("import keras\nmodel = keras.Sequential([keras.layers.Dense(2)])\nmodel.build((None, 4))\n",
              target=Target.KERAS3),
        Valid(
            "from tensorflow import keras\nclass Net(keras.Model):\n    def call(self, x):\n        return x\n"
            "model = Net()\nmodel.build((None, 4))\n"
        ),
        Valid(  # two classes of one name, in two functions: each call makes its own
            "import keras\ndef a():\n    class M(keras.Model):\n        def __init__(self):\n"
            "            super().__init__()\n        def build(self, shape):\n            pass\n"
            "        def call(self, x):\n            return x\n    model = M()\n    model.build((None, 2))\n"
            "def b():\n    class M(keras.Model):\n        def __init__(self):\n            super().__init__()\n"
            "        def call(self, x):\n            return x\n",
            target=Target.KERAS3,
        ),
        Valid(  # a functional model of a subclass: built when made
            "import keras\nclass Trainer(keras.Model):\n    def train_step(self, data):\n        return {}\n"
            "inputs = keras.Input((4,))\nmodel = Trainer(inputs, keras.layers.Dense(1)(inputs))\n"
            "model.build((None, 4))\n",
            target=Target.KERAS3,
        ),
    )  # fmt: skip
    invalid = (
        Invalid(
            "import keras\nclass Net(keras.Model):\n    def __init__(self):\n        super().__init__()\n"
            "        self.dense = keras.layers.Dense(2)\n    def call(self, x):\n        return self.dense(x)\n"
            "model = Net()\nmodel.build((None, 4))\n",
            at=((9, 0),),
            target=Target.KERAS3,
        ),
        Invalid(
            "import keras\nclass Base(keras.Model):\n    pass\nclass Tower(Base):\n"
            "    def __init__(self, units):\n        super().__init__()\n"
            "        self.head = keras.layers.Dense(units)\n    def call(self, x):\n        return self.head(x)\n"
            "tower = Tower(3)\ntower.build(input_shape=(None, 8))\n",
            at=((11, 0),),
            target=Target.KERAS3,
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if not ctx.imports_keras or ".build(" not in text or not ctx.index.classes:
            return
        from kerascheck.rules.objects import keras_classes  # here: only a module that builds a model needs it

        by_name = {node.name: node for node in ctx.index.classes}
        models = {
            id(node)
            for node, kind in keras_classes(ctx)
            if kind.kind == "Model" and "models.Model" in kind.classes and f"{node.name}(" in text
            and not defines_in_module(node, "build", by_name)
        }  # fmt: skip
        if not models:
            return  # no subclass without `build` is made here
        values = module_values(ctx)
        for node in ctx.index.calls:  # the walk keeps every ``….build(…)`` (walked_methods)
            if not (isinstance(node.func, ast.Attribute) and node.func.attr == "build"):
                continue
            receiver = node.func.value
            if not isinstance(receiver, ast.Name):
                continue
            binding = values.binding(receiver)
            made = binding.value if binding is not None and binding.unpacked_from is None else None
            if not (isinstance(made, ast.Call) and isinstance(made.func, ast.Name)):
                continue
            made_by = values.binding(made.func)  # the class itself (several classes may share a name)
            cls = made_by.value if made_by is not None and isinstance(made_by.value, ast.ClassDef) else None
            if cls is None or id(cls) not in models or defines_in_module(cls, "build", by_name):
                continue
            if not (defines_in_module(cls, "__init__", by_name) and defines_in_module(cls, "call", by_name)):
                continue  # made like a functional model (inputs and outputs): built when made
            if not _makes_layers(ctx, cls, by_name):
                continue  # no layer of its own to leave unbuilt: no layers, or models given to it (corpus triage 11)
            yield self.finding(ctx, receiver, span=ctx.span(node.func), receiver=receiver.id, model=cls.name)
