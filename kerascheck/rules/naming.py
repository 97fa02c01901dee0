"""KER2xx, names Keras 3 refuses: a layer, model, input or weight ``name=`` with a ``/`` in it."""

from __future__ import annotations

import ast
from typing import Dict, Iterator, Optional, Tuple

from kerascheck.catalog.model import ONLY_KERAS3, Target
from kerascheck.context import Context
from kerascheck.context.callees import is_keras_layer_class
from kerascheck.findings import Edit, Finding
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid
from kerascheck.rules.calls import callee
from kerascheck.rules.values import module_values

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
        # a custom layer that keeps its own `name` from Keras, a class that is no layer (both run on 3.15.1)
        Valid("import keras\n\nclass Keeps(keras.layers.Layer):\n    def __init__(self, name='x/y', **kwargs):\n"
              "        super().__init__(**kwargs)\n        self.label = name\n\nclass Own:\n"
              "    def __init__(self, name):\n        self.name = name\n\nKeeps(name='a/b')\nOwn(name='o/p')\n",
              target=Target.KERAS3),
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
        # the module's own layers and models pass `name=` on to Keras (ValueError on 3.15.1)
        Invalid(
            "import keras\n\nclass Block(keras.layers.Layer):\n    def __init__(self, units, **kwargs):\n"
            "        super().__init__(**kwargs)\n\nclass Deeper(Block):\n    pass\n\n"
            "class Net(keras.Model):\n    pass\n\nBlock(2, name='enc/block')\nDeeper(2, name='enc/deeper')\n"
            "Net(name='n/m')\n",
            at=((13, 14), (14, 15), (15, 9)),
            target=Target.KERAS3,
            fixed="import keras\n\nclass Block(keras.layers.Layer):\n    def __init__(self, units, **kwargs):\n"
            "        super().__init__(**kwargs)\n\nclass Deeper(Block):\n    pass\n\n"
            "class Net(keras.Model):\n    pass\n\nBlock(2, name='enc_block')\nDeeper(2, name='enc_deeper')\n"
            "Net(name='n_m')\n",
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
        if target is not None and target.owner in self.owners:
            yield from self._named(ctx, node, target.display)

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        """Calls of the module's own layers and models that pass ``name=`` on to Keras's ``__init__``."""
        if not ctx.layer_classes:
            return
        forwarding: Dict[str, bool] = {}
        for node in ctx.index.keyword_calls:
            func = node.func
            if type(func) is not ast.Name or func.id not in ctx.layer_classes:
                continue
            if not any(keyword.arg == "name" for keyword in node.keywords):
                continue
            binding = module_values(ctx).binding(func)
            layer = binding.value if binding is not None else None
            if not isinstance(layer, ast.ClassDef):
                continue  # the name is bound more than once, or to something else where it is called
            if layer.name not in forwarding:
                forwarding[layer.name] = _passes_name_to_keras(ctx, layer, 0)
            if forwarding[layer.name]:
                yield from self._named(ctx, node, layer.name)

    def _named(self, ctx: Context, node: ast.Call, owner: str) -> Iterator[Finding]:
        keyword = next((item for item in node.keywords if item.arg == "name"), None)
        if keyword is None or _slash_part(keyword.value) is None:
            return
        value = keyword.value
        edits: Tuple[Edit, ...] = ()
        written = ctx.source_of(value)
        if isinstance(value, ast.Constant) and written[:1] in "'\"" and written[1:-1] == value.value:
            edits = (Edit(*ctx.span(value), written[0] + value.value.replace("/", "_") + written[0]),)
        shown = written if "{" not in written and "}" not in written else "f'…/…'"
        yield self.finding(ctx, value, edits=edits, safe=False, name=shown, owner=owner)


_MAX_BASES = 6  # custom layers deriving from custom layers of the module, at most this deep


def _passes_name_to_keras(ctx: Context, layer: ast.ClassDef, depth: int) -> bool:
    """Whether ``name=`` given to a custom layer or model of the module certainly reaches Keras's
    ``__init__``, which checks it: through an inherited ``__init__``, or one that passes its
    ``**kwargs`` (or its own ``name``) to ``super().__init__``; and every base on the way is Keras's
    own class or such a class of the module."""
    if depth > _MAX_BASES or not layer.bases:
        return False
    for base in layer.bases:
        if isinstance(base, ast.Name) and base.id in ctx.layer_classes:
            if not _passes_name_to_keras(ctx, ctx.layer_classes[base.id], depth + 1):
                return False
        elif not _is_keras_class(ctx, base):
            return False
    init = next((item for item in layer.body if isinstance(item, ast.FunctionDef) and item.name == "__init__"), None)
    return init is None or _init_passes_name(init)


def _is_keras_class(ctx: Context, base: ast.expr) -> bool:
    return isinstance(base, (ast.Name, ast.Attribute)) and is_keras_layer_class(ctx.canonical(base))


def _init_passes_name(init: ast.FunctionDef) -> bool:
    """``def __init__(self, units, **kwargs): super().__init__(**kwargs)``, or ``name=name`` passed on
    where ``name`` is a parameter. A ``name`` parameter not passed on keeps the name from Keras."""
    arguments = init.args
    parameters = {arg.arg for arg in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]}
    kwargs = arguments.kwarg.arg if arguments.kwarg is not None else None
    for node in ast.walk(init):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "__init__"
            and isinstance(node.func.value, ast.Call)
            and isinstance(node.func.value.func, ast.Name)
            and node.func.value.func.id == "super"
        ):
            continue
        for keyword in node.keywords:
            if "name" in parameters:
                if keyword.arg == "name" and isinstance(keyword.value, ast.Name) and keyword.value.id == "name":
                    return True
            elif keyword.arg is None and isinstance(keyword.value, ast.Name) and keyword.value.id == kwargs:
                return True
    return False
