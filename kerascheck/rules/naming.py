"""KER2xx, names Keras 3 refuses: a layer, model, input or weight ``name=`` with a ``/`` in it."""

from __future__ import annotations

import ast
import re
from typing import Dict, Iterator, List, Optional, Tuple

from kerascheck.catalog.model import ONLY_KERAS3, Target
from kerascheck.catalog.training import KERAS2_VARIABLE_NAME_END, VARIABLE_LISTS
from kerascheck.context import Context
from kerascheck.context.callees import is_keras_layer_class
from kerascheck.findings import Edit, Finding
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid, module_text
from kerascheck.rules.calls import argument, callee
from kerascheck.rules.values import module_values, value_of

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


# tf.keras's default names of an unnamed `Input` and functional `Model` (keras 2.15.0 base_layer `_init_set_name`
# with the class name: `input_1`, `model`, `model_1`, …); Keras 3.15.1 names them `input_layer`, `input_layer_1`,
# …, `functional`, `functional_1`, … and never makes these (run on both by tests/data/api_programs).
_DEFAULT_INPUT = re.compile(r"input_[0-9]+\Z")
_DEFAULT_MODEL = re.compile(r"model(_[0-9]+)?\Z")
_KERAS3_NAMES = {"input": "`input_layer`, `input_layer_1`, …", "model": "`functional`, `functional_1`, …"}
# the data a model's method matches to its inputs by name, when it is a dict
_DATA_METHODS = frozenset({".fit", ".evaluate", ".predict"})
# names of a model read from a file or a config keep what they were saved with
_LOADING = re.compile(r"load_model|model_from_|from_config|clone_model|saved_model|load_weights|hub\.")


class Keras2DefaultName(Rule):
    """## What it does
    Finds tf.keras's default name of an unnamed `Input` (`"input_1"`, `"input_2"`, …) or functional model
    (`"model"`, `"model_1"`, …) asked of a model the module builds: `model.get_layer("input_1")`,
    `clf.get_layer("model")` (the base model nested in it) and the keys of a dict given to `fit`, `evaluate` or
    `predict` (`model.fit({"input_1": a, "input_2": b}, y)`). Only where the module makes such an `Input` or model
    without `name=` (or an application, whose `Input` is unnamed), names nothing so itself, and reads no model
    from a file or a config (its names are the saved ones).

    ## Why is this bad?
    Keras 3 names them otherwise: unnamed inputs `input_layer`, `input_layer_1`, … and functional models
    `functional`, `functional_1`, …. `get_layer("input_1")` raises `ValueError: No such layer: input_1`, and a dict
    keyed `input_1` raises `ValueError: Missing data for input "input_layer"` (run on Keras 3.15.1).

    ## Example
    ```python
    inputs = keras.Input((4,))
    model = keras.Model(inputs, keras.layers.Dense(1)(inputs))
    first = model.get_layer("input_1")
    ```

    ## Use instead
    ```python
    inputs = keras.Input((4,), name="features")
    model = keras.Model(inputs, keras.layers.Dense(1)(inputs))
    first = model.get_layer("features")
    ```

    ## Fix safety
    None: the name to give the `Input` or the model is the author's choice.
    """

    code = "KER241"
    name = "keras2-default-name"
    message = "{what}: on target {target} (Keras {keras3_checked}) they are named {names}, so {effect}"
    fix_title = "Give the `{kind}` a `name=` and use it, or reach it otherwise (`model.inputs`, `model.layers`)"
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    owners = frozenset({".get_layer"}) | _DATA_METHODS
    valid = (
        Valid("import keras\ninputs = keras.Input((4,), name='input_1')\nmodel = keras.Model(inputs, inputs)\n"
              "model.get_layer('input_1')\n", target=Target.KERAS3),
        Valid("import keras\ninputs = keras.Input((4,))\nmodel = keras.models.load_model('old.h5')\n"
              "model.get_layer('input_1')\n", target=Target.KERAS3),
        Valid("from tensorflow import keras\ninputs = keras.Input((4,))\nmodel = keras.Model(inputs, inputs)\n"
              "model.get_layer('input_1')\n"),
    )  # fmt: skip
    invalid = (
        Invalid(
            "import keras\na = keras.Input((4,))\nb = keras.Input((3,))\n"
            "model = keras.Model([a, b], keras.layers.Concatenate()([a, b]))\n"
            "first = model.get_layer('input_1')\n",
            at=((5, 24),),
            target=Target.KERAS3,
        ),
        Invalid(
            "import keras\nfeatures = keras.Input((4,))\n"
            "base = keras.Model(features, keras.layers.Dense(2)(features))\ninputs = keras.Input((4,))\n"
            "clf = keras.Model(inputs, base(inputs))\nfrozen = clf.get_layer(name='model')\n",
            at=((6, 28),),
            target=Target.KERAS3,
        ),
    )

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or not isinstance(node.func, ast.Attribute):
            return
        asked: List[ast.Constant] = []
        kinds: Tuple[str, ...] = ("input",)
        if target.owner == ".get_layer":
            at = argument(node, 0, "name")
            if isinstance(at, ast.Constant) and isinstance(at.value, str):
                asked = [at]
            kinds = ("input", "model")
            effect = "`get_layer` raises `ValueError: No such layer`"
        elif target.owner in _DATA_METHODS:
            at = argument(node, 0, "x")
            data = None if at is None else value_of(ctx, at)
            if isinstance(data, ast.Dict):
                asked = [key for key in data.keys if isinstance(key, ast.Constant) and isinstance(key.value, str)]
            effect = f"`{target.owner[1:]}` raises `ValueError: Missing data for input`"
        else:
            return
        asked = [key for key in asked if _default_kind(str(key.value)) in kinds]
        if not asked or _LOADING.search(module_text(ctx)):
            return
        from kerascheck.rules.model_files import holds_a_model  # here: read only when a module may need it

        if not holds_a_model(ctx, node.func.value):
            return
        asked = [key for key in asked if _unnamed_made(ctx, _default_kind(str(key.value))) and not _named_so(ctx, key)]
        if not asked or at is None:
            return
        kind = "Input" if _default_kind(str(asked[0].value)) == "input" else "Model"
        spelled = ", ".join(f"`{key.value!r}`" for key in asked)
        what = f"{spelled} is tf.keras's default name of an unnamed `{kind}`"
        if len(asked) > 1:
            what = f"{spelled} are tf.keras's default names of unnamed `{kind}`s"
        yield self.finding(ctx, at, what=what, kind=kind, names=_KERAS3_NAMES[kind.lower()], effect=effect)


def _default_kind(name: str) -> str:
    """ "input" or "model" for a default name of tf.keras's, else ""."""
    if _DEFAULT_INPUT.match(name):
        return "input"
    if _DEFAULT_MODEL.match(name):
        return "model"
    return ""


def _unnamed_made(ctx: Context, kind: str) -> bool:
    """Whether the module makes an `Input` (or an application, whose own is unnamed) or a functional `Model` without
    `name=` (nor `**kwargs` that may hold one)."""
    for call in ctx.index.calls:
        canonical = ctx.canonical(call.func)
        if canonical is None:
            continue
        if kind == "input" and canonical.startswith("applications.") and canonical.split(".")[-1][:1].isupper():
            return True
        if canonical == ("layers.Input" if kind == "input" else "models.Model") and all(
            keyword.arg not in ("name", None) for keyword in call.keywords
        ):
            return True
    return False


def _named_so(ctx: Context, asked: ast.Constant) -> bool:
    """Whether the module may give something the name itself: the same text as a `name=` or another argument of a
    call that is no `get_layer`, assigned (``layer._name = "input_1"``, a constant of the module) or returned."""
    for node in ctx.nodes:
        given: List[Optional[ast.expr]] = []
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute) and node.func.attr == "get_layer":
                continue
            given += [keyword.value for keyword in node.keywords if keyword.arg == "name"]
            given += node.args
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.Return)):
            given = [node.value]
        else:
            continue
        if any(isinstance(value, ast.Constant) and value.value == asked.value for value in given):
            return True
    return False


class Keras2VariableName(Rule):
    """## What it does
    Finds a test of a Keras variable's `.name` against tf.keras's form of it, with TensorFlow's `:0`: `w.name ==
    "dense/kernel:0"`, `w.name.endswith("kernel:0")`, for `w` taken from a Keras model's or layer's `weights`,
    `trainable_weights`, `variables`, … in a loop or comprehension.

    ## Why is this bad?
    tf.keras names a variable after its layer's scope and TensorFlow's output (`dense/kernel:0`); Keras 3 names it
    `kernel` (its `path` is `sequential/dense/kernel`). The test is never true there: a filter keeps no variable,
    silently (an optimizer given none, weight decay applied to nothing).

    ## Example
    ```python
    decayed = [w for w in model.trainable_weights if w.name.endswith("kernel:0")]
    ```

    ## Use instead
    ```python
    decayed = [w for w in model.trainable_weights if w.path.endswith("kernel")]
    ```

    ## Fix safety
    None: the path to compare depends on the model's and layers' names.
    """

    code = "KER250"
    name = "keras2-variable-name"
    message = (
        "`{test}` tests tf.keras's name of a variable (`dense/kernel:0`); on target {target} (Keras {keras3_checked}) "
        "`.name` is bare (`kernel`): the test is never true, silently"
    )
    fix_title = "Test Keras 3's `.path` (`sequential/dense/kernel`) or the bare name, without `:0`"
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    valid = (
        Valid(
            "import keras\nmodel = keras.Sequential([keras.layers.Dense(2)])\n"
            "kept = [w for w in model.weights if 'kernel' in w.name]\n",
            target=Target.KERAS3,
        ),
        Valid(  # not a Keras variable the module shows
            "import keras\nkept = [v for v in tf_module.variables if v.name.endswith('kernel:0')]\n",
            target=Target.KERAS3,
        ),
    )
    invalid = (
        Invalid(
            "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n"
            "kept = [w for w in model.trainable_weights if w.name.endswith('kernel:0')]\n"
            "for w in model.weights:\n    if w.name == 'dense/bias:0':\n        print(w)\n",
            at=((3, 46), (5, 7)),
            target=Target.KERAS3,
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if KERAS2_VARIABLE_NAME_END not in text or ".name" not in text:
            return
        from kerascheck.rules.objects import typed_uses  # here: only such a module types receivers for it

        lists = {
            id(use.node)
            for use in typed_uses(ctx, VARIABLE_LISTS)
            if use.type.kind in ("Layer", "Model", "Sequential") and use.call is None and not use.assigned
        }
        if not lists:
            return
        for node in ctx.nodes:
            if isinstance(node, ast.For):
                loops = [(node.target, node.iter)]
                region: List[ast.AST] = list(node.body)
            elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
                loops = [(generator.target, generator.iter) for generator in node.generators]
                region = [node]
            else:
                continue
            names = {target.id for target, iterated in loops if id(iterated) in lists and isinstance(target, ast.Name)}
            for tested in (each for part in region for each in ast.walk(part)):
                found = _keras2_name_test(tested, names)
                if found is not None:
                    yield self.finding(ctx, found, test=ctx.source_of(found))


def _keras2_name_test(node: ast.AST, names: set) -> Optional[ast.expr]:
    """The test itself, when ``node`` compares ``<name>.name`` (a loop variable in ``names``) with a string that ends
    a tf.keras variable name (``:0``), or calls its ``endswith``/``startswith`` with one."""

    def is_name_of(part: ast.AST) -> bool:
        return (
            isinstance(part, ast.Attribute)
            and part.attr == "name"
            and isinstance(part.value, ast.Name)
            and part.value.id in names
        )

    def keras2(part: ast.AST) -> bool:
        return isinstance(part, ast.Constant) and isinstance(part.value, str) and KERAS2_VARIABLE_NAME_END in part.value

    if not names:
        return None
    if isinstance(node, ast.Compare) and len(node.comparators) == 1:
        sides = (node.left, node.comparators[0])
        if any(is_name_of(side) for side in sides) and any(keras2(side) for side in sides):
            return node
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("endswith", "startswith")
        and is_name_of(node.func.value)
        and node.args
        and keras2(node.args[0])
    ):
        return node
    return None
