"""KER3xx: custom layers and models — the ``training`` flag and the ``call`` protocol.

What Keras really does with ``training`` (FIELD-NOTES section C): when a layer is invoked through
``__call__``, tf.keras and Keras 3 pass the phase to nested layers through a call context, so a
``call`` without ``training`` whose sublayers are Keras layers still works under ``fit``/``predict``.
The real bugs are narrower: raw train-time ops with no flag, reading the flag from ``**kwargs``
(Keras 3), hard-coding it, and bypassing ``__call__``.
"""

from __future__ import annotations

import ast
from typing import FrozenSet, Iterator, List, Optional, Set, Tuple, Union

from kerascheck import catalog
from kerascheck.catalog.model import ONLY_KERAS3, Target
from kerascheck.catalog.training import METRIC_OLD_RESET, METRIC_OLD_RESET_EFFECTS, METRIC_RESET, WEIGHT_ATTRIBUTES
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid, graph_mode_at, module_text
from kerascheck.rules.calls import callee
from kerascheck.rules.values import value_of
from kerascheck.walk import class_body_names, defines_in_module, every_node

Function = Union[ast.FunctionDef, ast.AsyncFunctionDef]


def method(node: ast.ClassDef, name: str) -> Optional[Function]:
    for statement in node.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and statement.name == name:
            return statement
    return None


def parameter_names(function: Function) -> List[str]:
    arguments = function.args
    return [arg.arg for arg in arguments.posonlyargs + arguments.args + arguments.kwonlyargs]


def call_without_training(node: ast.ClassDef) -> Optional[Function]:
    """The class's ``call`` if it declares no ``training`` parameter."""
    call = method(node, "call")
    if call is None or "training" in parameter_names(call):
        return None
    return call


def def_name_span(ctx: Context, function: Function) -> Tuple[int, int, int, int]:
    """The span of a function's name in its ``def`` line."""
    line = function.lineno
    text = ctx.lines[line - 1]
    col = text.find(function.name, ctx.column(line, function.col_offset))
    return line, col, line, col + len(function.name)


def every_node_of(ctx: Context, tree: ast.AST) -> List[ast.AST]:
    """Every node below ``tree``, listed once per module and shared by the rules. Most rules need
    only calls, chains or assignments, which the walk recorded: see ``ctx.index.inside``."""
    key = ("walk", id(tree))
    if key not in ctx.memo:
        ctx.memo[key] = every_node(tree)
    return ctx.memo[key]


def _is_self_attribute(node: ast.expr) -> bool:
    while isinstance(node, ast.Attribute):
        node = node.value
        if isinstance(node, ast.Name) and node.id == "self":
            return True
    return False


def _uses_of(ctx: Context, tree: Function, names: FrozenSet[str]) -> Iterator[ast.expr]:
    """Recorded Name/Attribute chains below ``tree`` whose canonical name is in ``names``."""
    for node in ctx.index.inside("chains", tree):
        if ctx.canonical(node) in names:
            yield node


def _training_ops(ctx: Context, call: Function) -> Iterator[ast.expr]:
    return _uses_of(ctx, call, catalog.TRAINING_PHASE_OPS)


def _short(canonical: str) -> str:
    return canonical.rsplit(".", 1)[-1]


class TrainingOpWithoutTraining(Rule):
    """## What it does
    Finds `call` methods of custom layers that use a raw training-phase operation (`K.learning_phase()`,
    `K.dropout`, `tf.nn.dropout`, `keras.random.dropout`) but take no `training` argument.

    ## Why is this bad?
    These operations do not see Keras's call context. `tf.nn.dropout`, `K.dropout` and
    `keras.random.dropout` drop in inference too; on tf.keras `K.learning_phase()` is 0 inside `call`,
    even under `fit` (run on TF 2.15.1), so the training behaviour never runs. Either way training and
    inference behave the same.

    `K.in_train_phase(x, alt)` (and the operations inside its arguments) is no finding: on tf.keras
    (keras 2.6–2.15) it reads the phase from the Keras call context, taking the training branch under
    `fit` and `model(x, training=True)` and losing it only outside any Keras call; Keras 3 has no
    `in_train_phase`, which KER111 reports.

    ## Example
    ```python
    class NoisyDense(layers.Layer):
        def call(self, inputs):
            return tf.nn.dropout(inputs, rate=0.5)
    ```

    ## Use instead
    ```python
    class NoisyDense(layers.Layer):
        def call(self, inputs, training=None):
            if training:
                return tf.nn.dropout(inputs, rate=0.5)
            return inputs
    ```

    ## Fix safety
    None: where the flag goes depends on the layer.
    """

    code = "KER301"
    name = "training-op-without-training-arg"
    catalog_tables = ("TRAINING_PHASE_OPS",)
    message = "`{op}` in `{layer}.call` {effect} (target {target}), and `call` takes no `training` argument"
    fix_title = "Accept `training=None` in `call` and use it to choose the training behaviour"
    severity = Severity.ERROR
    valid = (
        Valid(
            "import tensorflow as tf\n"
            "class Noisy(tf.keras.layers.Layer):\n"
            "    def call(self, x, training=None):\n"
            "        return tf.nn.dropout(x, 0.5) if training else x\n"
        ),
        Valid("import tensorflow as tf\nclass Plain:\n    def call(self, x):\n        return tf.nn.dropout(x, 0.5)\n"),
        Valid(
            "from tensorflow.keras import backend as K\n"
            "from tensorflow.keras.layers import Layer\n"
            "class Noisy(Layer):\n"
            "    def call(self, x):\n"
            "        return K.in_train_phase(K.dropout(x, 0.5), x)\n"
        ),
    )
    invalid = (
        Invalid(
            "from keras import backend as K\n"
            "from keras.engine.topology import Layer\n"
            "class Noisy(Layer):\n"
            "    def call(self, x):\n"
            "        return K.dropout(x, 0.5) * K.learning_phase()\n",
            at=((5, 15), (5, 35)),
        ),
        Invalid(
            "import tensorflow as tf\n"
            "import keras\n"
            "class Noisy(keras.layers.Layer):\n"
            "    def call(self, x):\n"
            "        return tf.nn.dropout(x, 0.5)\n",
            at=((5, 15),),
            target=Target.KERAS3,
        ),
    )

    def check_class(self, ctx: Context, node: ast.ClassDef) -> Iterator[Finding]:
        call = call_without_training(node)
        if call is None:
            return
        effects = catalog.TRAINING_PHASE_OP_EFFECTS[ctx.target]
        chosen = _inside_phase_choices(ctx, call)
        for use in _training_ops(ctx, call):
            canonical = ctx.canonical(use)
            effect = None if canonical is None else effects.get(canonical)
            if effect is not None and id(use) not in chosen:
                yield self.finding(ctx, use, op=ctx.source_of(use), layer=node.name, effect=effect)


def _inside_phase_choices(ctx: Context, call: Function) -> Set[int]:
    """ids of the chains inside the arguments of ``K.in_train_phase(…)`` / ``K.in_test_phase(…)`` calls
    of ``call``: the op chooses by the phase, so what it is given is no bug."""
    inside: Set[int] = set()
    if next(_uses_of(ctx, call, catalog.PHASE_CHOOSING_OPS), None) is None:
        return inside
    for node in ast.walk(call):
        if isinstance(node, ast.Call) and ctx.canonical(node.func) in catalog.PHASE_CHOOSING_OPS:
            for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
                inside |= {id(child) for child in ast.walk(argument)}
    return inside


class TrainingFromKwargs(Rule):
    """## What it does
    Finds `call(self, inputs, **kwargs)` methods that read the training flag from `kwargs`.

    ## Why is this bad?
    tf.keras treated `**kwargs` as "expects training" and put the flag there. Keras 3 only passes
    `training` to a `call` that names it, so `kwargs.get("training")` is always `None` and the layer
    runs in inference mode during `fit`.

    ## Example
    ```python
    def call(self, inputs, **kwargs):
        return self.dropout(inputs, training=kwargs.get("training"))
    ```

    ## Use instead
    ```python
    def call(self, inputs, training=None, **kwargs):
        return self.dropout(inputs, training=training)
    ```

    ## Fix safety
    None.
    """

    code = "KER302"
    name = "training-from-kwargs"
    message = "`{layer}.call` reads `training` from `**{kwargs}`, which Keras 3 never fills"
    fix_title = "Declare `training=None` as a parameter of `call`"
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    valid = (
        Valid(
            "import keras\nclass L(keras.layers.Layer):\n"
            "    def call(self, x, training=None, **kwargs):\n        return x\n",
            target=Target.KERAS3,
        ),
    )
    invalid = (
        Invalid(
            "import keras\nclass L(keras.layers.Layer):\n"
            "    def call(self, x, **kwargs):\n"
            "        if kwargs.get('training'):\n            return x * 2\n"
            "        return kwargs['training'] and x\n",
            at=((4, 11), (6, 15)),
            target=Target.KERAS3,
        ),
    )

    def check_class(self, ctx: Context, node: ast.ClassDef) -> Iterator[Finding]:
        call = call_without_training(node)
        if call is None or call.args.kwarg is None:
            return
        kwargs = call.args.kwarg.arg
        for use in every_node_of(ctx, call):
            if _reads_training(use, kwargs):
                yield self.finding(ctx, use, layer=node.name, kwargs=kwargs)


def _reads_training(node: ast.AST, kwargs: str) -> bool:
    def is_kwargs(expr: ast.AST) -> bool:
        return isinstance(expr, ast.Name) and expr.id == kwargs

    def is_training(expr: ast.AST) -> bool:
        return isinstance(expr, ast.Constant) and expr.value == "training"

    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        getter = node.func.attr in ("get", "pop") and is_kwargs(node.func.value)
        return getter and bool(node.args) and is_training(node.args[0])
    if isinstance(node, ast.Subscript):
        return is_kwargs(node.value) and is_training(node.slice)
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.In, ast.NotIn)):
        return is_training(node.left) and is_kwargs(node.comparators[0])
    return False


class HardcodedTraining(Rule):
    """## What it does
    Finds `training=True` or `training=False` written into a sublayer call inside a custom layer's `call`.

    ## Why is this bad?
    An explicit value overrides the phase Keras passes down, so the sublayer behaves the same in `fit`,
    `evaluate` and `predict`: Dropout that is always on, or BatchNormalization that never updates.
    When that is the intent (a frozen BatchNormalization, Monte-Carlo dropout), say so with
    `# noqa: KER303`.

    ## Example
    ```python
    def call(self, inputs):
        return self.dropout(inputs, training=True)
    ```

    ## Use instead
    ```python
    def call(self, inputs, training=None):
        return self.dropout(inputs, training=training)
    ```

    ## Fix safety
    None: the literal may be deliberate.
    """

    code = "KER303"
    name = "hardcoded-training-flag"
    message = "`training={value}` passed to `{callee}` in `{layer}.call` overrides the phase Keras passes down"
    fix_title = "Pass the `training` argument of `call` instead"
    severity = Severity.WARNING
    # Off by default: the override does the same on every Keras, and every one read on real code was deliberate
    # (triage 17: BayesFlow's Monte-Carlo dropout, Keras's own tests; 0 of 2 a mistake, across 64 repositories).
    default_enabled = False
    valid = (
        Valid(
            "from tensorflow import keras\nclass L(keras.layers.Layer):\n"
            "    def call(self, x, training=None):\n        return self.drop(x, training=training)\n"
        ),
        Valid("from tensorflow import keras\nx = base_model(inputs, training=False)\n"),
    )
    invalid = (
        Invalid(
            "from tensorflow import keras\nclass L(keras.layers.Layer):\n"
            "    def call(self, x):\n        return self.drop(x, training=True)\n",
            at=((4, 28),),
        ),
    )

    def check_class(self, ctx: Context, node: ast.ClassDef) -> Iterator[Finding]:
        call = method(node, "call")
        if call is None:
            return
        for use in ctx.index.inside("keyword_calls", call):
            if not isinstance(use.func, (ast.Name, ast.Attribute)):
                continue
            if not (_is_self_attribute(use.func) or ctx.reference(use.func) is not None):
                continue
            for keyword in use.keywords:
                if keyword.arg == "training" and isinstance(keyword.value, ast.Constant):
                    if isinstance(keyword.value.value, bool):
                        yield self.finding(
                            ctx, keyword, value=keyword.value.value, callee=ctx.source_of(use.func), layer=node.name
                        )


class DirectSublayerCall(Rule):
    """## What it does
    Finds `self.sublayer.call(x)` in a custom layer or model, where the class makes the sublayer itself and it is
    a Dropout, noise or BatchNormalization layer (or a layer class of the module whose `call` takes `training`), or
    a layer with weights that the class never builds.

    ## Why is this bad?
    `call` is what `__call__` runs after it has built the layer, cast the inputs, applied masks and set
    the training phase for everything nested. Calling it directly skips all of that: a Dropout never drops
    (`Dropout.call` defaults to `training=False` on Keras 3), and an unbuilt Dense raises `AttributeError` (no
    `kernel`). A wrapper that builds the layer it is given and calls its `call` (Keras 2.0's own `TimeDistributed`)
    is left alone: what that layer does is not known.

    ## Example
    ```python
    def __init__(self):
        super().__init__()
        self.dropout = keras.layers.Dropout(0.5)

    def call(self, inputs, training=None):
        return self.dropout.call(inputs)
    ```

    ## Use instead
    ```python
    def call(self, inputs, training=None):
        return self.dropout(inputs, training=training)
    ```

    ## Fix safety
    None.
    """

    code = "KER304"
    name = "direct-sublayer-call"
    message = "`{receiver}.call(...)` in `{layer}` bypasses `{receiver}.__call__`"
    fix_title = "Call the layer itself: `{receiver}(...)`"
    severity = Severity.WARNING
    valid = (
        Valid(
            "from tensorflow import keras\nclass L(keras.layers.Dense):\n"
            "    def call(self, x):\n        return super().call(x)\n"
        ),
        Valid(
            "from tensorflow import keras\nclass L(keras.layers.Layer):\n"
            "    def call(self, x, training=None, **kwargs):\n"
            "        return self.block.call(x, training=training) + self.cell.call(x, **kwargs)\n"
        ),
        Valid(
            "from tensorflow import keras\nclass L(keras.layers.Layer):\n"
            "    def __init__(self):\n        super().__init__()\n        self.lookup = keras.layers.StringLookup()\n"
            "    def build(self, shape):\n        self.lookup.build(shape)\n"
            "    def call(self, x):\n        return self.lookup.call(x)\n"
        ),
        Valid(  # a wrapper of the layer it is given, built here (Keras 2.0's own TimeDistributed; runs on both)
            "from tensorflow import keras\nclass Wrapper(keras.layers.Layer):\n"
            "    def __init__(self, layer):\n        super().__init__()\n        self.layer = layer\n"
            "    def build(self, shape):\n        self.layer.build(shape)\n"
            "    def call(self, x):\n        return self.layer.call(x)\n"
        ),
    )
    invalid = (
        Invalid(
            "from tensorflow import keras\nclass L(keras.layers.Layer):\n"
            "    def __init__(self):\n        super().__init__()\n"
            "        self.norm = keras.layers.BatchNormalization()\n"
            "    def call(self, x):\n        return self.norm.call(x)\n",
            at=((7, 15),),
        ),
        Invalid(
            "from tensorflow import keras\nclass L(keras.layers.Layer):\n"
            "    def __init__(self):\n        super().__init__()\n        self.drop = keras.layers.Dropout(0.5)\n"
            "    def call(self, x, training=None):\n        return self.drop.call(x)\n",
            at=((7, 15),),
        ),
        Invalid(  # built, but a Dropout called so never sees the phase
            "from tensorflow import keras\nclass L(keras.layers.Layer):\n"
            "    def __init__(self):\n        super().__init__()\n        self.drop = keras.layers.Dropout(0.5)\n"
            "    def build(self, shape):\n        self.drop.build(shape)\n"
            "    def call(self, x, training=None):\n        return self.drop.call(x)\n",
            at=((9, 15),),
        ),
        Invalid(  # a Dense never built: AttributeError, no `kernel` (TF 2.15.1 and Keras 3.15.1)
            "from tensorflow import keras\nclass L(keras.layers.Layer):\n"
            "    def __init__(self):\n        super().__init__()\n        self.dense = keras.layers.Dense(3)\n"
            "    def call(self, x):\n        return self.dense.call(x)\n",
            at=((7, 15),),
        ),
    )

    def check_class(self, ctx: Context, node: ast.ClassDef) -> Iterator[Finding]:
        for use in ctx.index.inside("call_method_calls", node):
            if isinstance(use.func, ast.Attribute) and use.func.attr == "call":
                receiver = use.func.value
                if not (isinstance(receiver, ast.Attribute) and _is_self_attribute(receiver)):
                    continue
                if any(keyword.arg in (None, "training") for keyword in use.keywords) or any(
                    isinstance(arg, ast.Name) and "training" in arg.id for arg in use.args[1:]
                ):
                    continue  # the phase is handed on (``training=``, ``**kwargs``, ``(x, training)``): deliberate
                if _skips_something(ctx, node, receiver):
                    yield self.finding(ctx, use, receiver=ctx.source_of(receiver), layer=node.name)


def _skips_something(ctx: Context, node: ast.ClassDef, receiver: ast.Attribute) -> bool:
    """Whether calling ``self.<name>.call`` skips something that matters: the class makes the sublayer itself, always
    as a Keras layer or a layer class of the module, and one of them acts on the phase (which a direct call never
    passes), or has weights and is never built in the class. A layer the class is given (Keras 2.0's own
    `TimeDistributed` called `self.layer.call` on it, and built it first) or makes in another module is not known."""
    values = _assigned(ctx, node, receiver)
    kinds = [_sublayer_kind(ctx, value) for value in values]
    if not kinds or any(kind is None for kind in kinds):
        return False
    if any(phase for phase, _ in kinds):  # type: ignore[misc]
        return True
    return any(weights for _, weights in kinds) and not _built_in_class(node, receiver.attr)  # type: ignore[misc]


def _sublayer_kind(ctx: Context, value: ast.expr) -> Optional[Tuple[bool, bool]]:
    """(acts on the phase, has weights) of the layer a value makes, or None when it is not known."""
    if not isinstance(value, ast.Call) or not isinstance(value.func, (ast.Name, ast.Attribute)):
        return None
    canonical = ctx.canonical(value.func) if id(value.func) in ctx.index.scope_of else None
    if canonical is not None:
        from kerascheck.catalog import api  # on first use: kerascheck starts without the tables

        if api.call_takes_training(ctx.target, canonical) is None:
            return None  # no tabled layer class
        weights = bool(api.attributes(ctx.target, "Layer", frozenset({canonical})) & WEIGHT_ATTRIBUTES)
        return canonical in catalog.TRAINING_DEPENDENT_LAYERS, weights
    if isinstance(value.func, ast.Name):
        local = next((c for c in ctx.index.classes if c.name == value.func.id), None)
        call = None if local is None else method(local, "call")
        if call is not None:
            return "training" in parameter_names(call), False
    return None


def _built_in_class(node: ast.ClassDef, name: str) -> bool:
    """Whether the class builds ``self.<name>``: calls it (``self.name(x)``, whose ``__call__`` builds it)
    or its ``build``. A sublayer never built has no weights: its ``call`` fails (a Dense: no ``kernel``)."""
    for each in ast.walk(node):
        if not isinstance(each, ast.Call):
            continue
        func = each.func
        if isinstance(func, ast.Attribute) and func.attr == "build":
            func = func.value
        if isinstance(func, ast.Attribute) and func.attr == name and _is_self_attribute(func):
            return True
    return False


def _assigned(ctx: Context, node: ast.ClassDef, receiver: ast.Attribute) -> List[ast.expr]:
    """The values the class, or a base class of the module, assigns to ``self.<name>``."""
    by_name = {klass.name: klass for klass in ctx.index.classes}
    values: List[ast.expr] = []
    pending, seen = [node], set()
    while pending:
        klass = pending.pop()
        if id(klass) in seen:
            continue
        seen.add(id(klass))
        values += [
            statement.value
            for statement in ctx.index.inside("assigns", klass)
            for target in statement.targets
            if isinstance(target, ast.Attribute)
            and target.attr == receiver.attr
            and isinstance(target.value, ast.Name)
            and target.value.id == "self"
        ]
        pending += [by_name[base.id] for base in klass.bases if isinstance(base, ast.Name) and base.id in by_name]
    return values


class OverriddenDunderCall(Rule):
    """## What it does
    Finds custom layers and models that define `__call__`.

    ## Why is this bad?
    `Layer.__call__` builds the layer, tracks weights, handles masks and sets the training phase for
    nested layers. Overriding it breaks these quietly unless every duty is re-implemented; Keras
    expects the computation in `call`.

    ## Example
    ```python
    class Scale(layers.Layer):
        def __call__(self, inputs):
            return inputs * 2
    ```

    ## Use instead
    ```python
    class Scale(layers.Layer):
        def call(self, inputs):
            return inputs * 2
    ```

    ## Fix safety
    None.

    A `__call__` that hands on to Keras's (`super().__call__(…)`, `Base.__call__(self, …)`) keeps that
    logic, such as one that unpacks its arguments first: no finding.
    """

    code = "KER305"
    name = "overridden-dunder-call"
    message = "`{layer}` overrides `__call__`, which runs Keras's building, masking and training-phase logic"
    fix_title = "Put the computation in `call` instead"
    severity = Severity.WARNING
    valid = (
        Valid("from tensorflow import keras\nclass Helper:\n    def __call__(self, x):\n        return x\n"),
        Valid(
            "import keras\nclass L(keras.layers.Layer):\n    def __call__(self, *args, **kwargs):\n"
            "        if len(args) == 1 and isinstance(args[0], tuple):\n            args = args[0][:1]\n"
            "        return super().__call__(*args, **kwargs)\n",
            target=Target.KERAS3,
        ),
        Valid(
            "from tensorflow import keras\nclass M(keras.Model):\n    def __call__(self, x, **kwargs):\n"
            "        return keras.Model.__call__(self, x, **kwargs)\n"
        ),
        Valid(  # nothing of a layer's to set up: the Layer base is a namespace
            "from tensorflow import keras\nclass Correction(keras.layers.Layer):\n"
            "    def __call__(self, logits, probability):\n        return logits - probability\n"
        ),
    )
    invalid = (
        Invalid(
            "from tensorflow import keras\n"
            "class L(keras.layers.Layer):\n    def build(self, shape):\n        self.w = self.add_weight(shape=(1,))\n"
            "    def __call__(self, x):\n        return x * self.w\n",
            at=((5, 8),),
        ),
    )

    def check_class(self, ctx: Context, node: ast.ClassDef) -> Iterator[Finding]:
        dunder = method(node, "__call__")
        if dunder is not None and not _hands_on_to_keras(dunder) and not _only_a_namespace(ctx, node):
            yield self.finding(ctx, dunder, span=def_name_span(ctx, dunder), layer=node.name)


def _only_a_namespace(ctx: Context, node: ast.ClassDef) -> bool:
    """Whether the class derives from Keras's bare ``Layer`` only and has nothing of a layer's for Keras's
    ``__call__`` to set up: no ``call``, no ``build``, no weights and nothing it makes and keeps on ``self`` (a
    sublayer). Its own ``__call__`` then runs the same on both Kerases (triage 14: tensorflow/recommenders'
    SamplingProbablityCorrection, run on TF 2.15.1 and Keras 3.15.1)."""
    if not node.bases or any(ctx.canonical(base) != "layers.Layer" for base in node.bases):
        return False  # a concrete layer's build and call, or a base of the project's, are inherited
    if method(node, "call") is not None or method(node, "build") is not None:
        return False
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute):
            if inner.func.attr in ("add_weight", "add_variable"):
                return False
        if isinstance(inner, ast.Assign) and isinstance(inner.value, ast.Call):
            if any(_self_attribute(target) is not None for target in inner.targets):
                return False
    return True


def _hands_on_to_keras(dunder: Function) -> bool:
    """Whether ``__call__`` calls the inherited one: ``super().__call__(…)`` or ``Base.__call__(self, …)``."""
    for node in ast.walk(dunder):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "__call__"):
            continue
        owner = node.func.value
        if isinstance(owner, ast.Call) and isinstance(owner.func, ast.Name) and owner.func.id == "super":
            return True
        if node.args and isinstance(node.args[0], ast.Name) and node.args[0].id == "self":
            return True
    return False


def _training_layers(ctx: Context, node: ast.ClassDef) -> List[str]:
    """Training-dependent Keras layers the class creates or calls (Dropout, BatchNormalization, …), in
    the order they first appear."""
    found = []
    for use in ctx.index.inside("calls", node):  # a call of a Keras name is a kept call
        if isinstance(use.func, (ast.Name, ast.Attribute)):
            canonical = ctx.canonical(use.func)
            if canonical in catalog.TRAINING_DEPENDENT_LAYERS:
                found.append((use.lineno, use.col_offset, _short(canonical)))
    return list(dict.fromkeys(name for _, _, name in sorted(found)))


def _forwards_kwargs(ctx: Context, call: Function) -> bool:
    """``call(self, x, **kwargs)`` that hands ``**kwargs`` on: tf.keras puts the flag there."""
    if call.args.kwarg is None:
        return False
    name = call.args.kwarg.arg
    inside = ctx.index.inside("keyword_calls", call) + ctx.index.inside("classes", call)
    return any(
        keyword.arg is None and isinstance(keyword.value, ast.Name) and keyword.value.id == name
        for node in inside
        for keyword in node.keywords
    )


class TrainingLayersWithoutTraining(Rule):
    """## What it does
    Finds custom layers and models that hold Dropout, BatchNormalization, noise or random augmentation
    layers but whose `call` takes no `training` argument.

    ## Why is this bad?
    Under `fit`, `evaluate` and `predict`, and when the layer is called as `layer(x, training=True)`,
    Keras passes the phase to nested layers through its call context, so this usually works. It
    stops working where there is no call context: when `call` is invoked directly (from a subclass,
    a `tf.function` wrapper or a custom loop), the nested Dropout and BatchNormalization fall back to
    inference. Accepting `training=None` and passing it on keeps the behaviour explicit and
    independent of that machinery.

    ## Example
    ```python
    class Block(layers.Layer):
        def __init__(self):
            super().__init__()
            self.drop = layers.Dropout(0.5)

        def call(self, inputs):
            return self.drop(inputs)
    ```

    ## Use instead
    ```python
        def call(self, inputs, training=None):
            return self.drop(inputs, training=training)
    ```

    ## Fix safety
    Safe: with `training=None` passed on, each sublayer resolves the phase exactly as before (from the
    explicit value, else the call context). Offered when `call` has a plain signature
    (`def call(self, inputs)`, `def call(self, inputs, mask=None)`) and `training` names nothing else
    in it (a local `training = K.learning_phase()`, a nested function's parameter); the flag is passed
    to the sublayers held in `self` attributes or created inline, unless one already gets it
    (by keyword or by position). Unsafe for a `Model` subclass on Keras 3: its trainers pass `training`
    to a model only when `call` takes it, so after the fix `fit` runs the sublayers in training mode
    (BatchNormalization updates its statistics, Dropout drops) where before they ran in inference mode.
    """

    code = "KER306"
    name = "training-layers-without-training-arg"
    catalog_tables = ("TRAINING_DEPENDENT_LAYERS",)
    message = (
        "`{layer}.call` takes no `training` argument but the layer uses `{sublayers}`; the phase reaches them "
        "only through Keras's call context"
    )
    fix_title = "Accept `training=None` in `call` and pass it on"
    severity = Severity.INFO
    # Off by default: Keras passes the phase through its call context under fit/evaluate/predict and
    # `layer(x, training=…)`, so such layers run correctly (keras-hub, the Keras 3 keras-io examples).
    default_enabled = False
    fix_safety = FixSafety.SOMETIMES
    valid = (
        Valid(
            "from tensorflow.keras import layers\nclass B(layers.Layer):\n"
            "    def __init__(self):\n        super().__init__()\n        self.d = layers.Dropout(0.5)\n"
            "    def call(self, x, training=None):\n        return self.d(x, training=training)\n"
        ),
    )
    invalid = (
        Invalid(
            "from tensorflow.keras import layers\nclass B(layers.Layer):\n"
            "    def __init__(self):\n        super().__init__()\n        self.d = layers.Dropout(0.5)\n"
            "    def call(self, x):\n        return self.d(x)\n",
            at=((6, 8),),
            fixed="from tensorflow.keras import layers\nclass B(layers.Layer):\n"
            "    def __init__(self):\n        super().__init__()\n        self.d = layers.Dropout(0.5)\n"
            "    def call(self, x, training=None):\n        return self.d(x, training=training)\n",
        ),
        Invalid(
            "from keras.layers import Layer, BatchNormalization\nclass B(Layer):\n"
            "    def call(self, inputs: 'Tensor'):\n        return BatchNormalization()(inputs, mask=None)\n",
            at=((3, 8),),
            target=Target.KERAS3,
            fixed="from keras.layers import Layer, BatchNormalization\nclass B(Layer):\n"
            "    def call(self, inputs: 'Tensor', training=None):\n"
            "        return BatchNormalization()(inputs, mask=None, training=training)\n",
        ),
    )

    def check_class(self, ctx: Context, node: ast.ClassDef) -> Iterator[Finding]:
        call = call_without_training(node)
        if call is None or _forwards_kwargs(ctx, call):
            return
        sublayers = _training_layers(ctx, node)
        if sublayers:
            yield self.finding(
                ctx,
                call,
                span=def_name_span(ctx, call),
                edits=_training_edits(ctx, node, call),
                # Keras 3's trainers pass `training` to a model only when its `call` takes it (jax
                # trainer.py: `if self._call_has_training_arg`): a model's fix turns training on in fit
                safe=not (ctx.target is Target.KERAS3 and _is_model_class(ctx, node, set())),
                layer=node.name,
                sublayers="`, `".join(sublayers),
            )


def _is_model_class(ctx: Context, node: ast.ClassDef, seen: Set[str]) -> bool:
    """Whether the class derives from Keras's Model, directly or through classes of this module."""
    seen.add(node.name)
    own = {cls.name: cls for cls in ctx.index.classes}
    for base in node.bases:
        if ctx.canonical(base) in ("models.Model", "models.Sequential"):
            return True
        if isinstance(base, ast.Name) and base.id in own and base.id not in seen:
            if _is_model_class(ctx, own[base.id], seen):
                return True
    return False


def _training_edits(ctx: Context, node: ast.ClassDef, call: Function) -> Tuple[Edit, ...]:
    """Add ``training=None`` to ``call(self, inputs)`` and pass it to each training-dependent sublayer
    that ``call`` invokes without one. Only for the plain signature (no ``*args``, keyword-only or
    ``**kwargs`` parameters), so the insertion point is certain."""
    arguments = call.args
    if arguments.vararg or arguments.kwonlyargs or arguments.kwarg or arguments.posonlyargs or not arguments.args:
        return ()
    if any(getattr(node, "id", None) == "training" or getattr(node, "arg", None) == "training"
           for node in every_node_of(ctx, call) if not isinstance(node, ast.keyword)):  # fmt: skip
        return ()  # `training` names something else in `call` (a local, a nested function's parameter)
    last = arguments.defaults[-1] if arguments.defaults else arguments.args[-1]  # `mask=None`: after `None`
    _, _, end_line, end_col = ctx.span(last)  # an argument's span includes its annotation
    edits = [Edit(end_line, end_col, end_line, end_col, ", training=None")]
    held = _held_training_layers(ctx, node)
    for use in (node for node in every_node_of(ctx, call) if type(node) is ast.Call):  # rare: walk it
        if _calls_training_layer(ctx, use, held):
            if any(keyword.arg in ("training", None) for keyword in use.keywords) or len(use.args) > 1:
                continue  # passed already, or positionally (`self.drop(x, True)`)
            if not (use.args or use.keywords):
                return ()  # a call without arguments: leave it to the user
            last_argument = max(
                use.args + [keyword.value for keyword in use.keywords], key=lambda n: (n.end_lineno, n.end_col_offset)
            )
            _, _, end_line, end_col = ctx.span(last_argument)
            edits.append(Edit(end_line, end_col, end_line, end_col, ", training=training"))
    return tuple(edits)


def _held_training_layers(ctx: Context, node: ast.ClassDef) -> set:
    """Attributes ``self.x = Dropout(...)`` (anywhere in the class) holding a training-dependent layer."""
    held = set()
    for use in ctx.index.inside("assigns", node):
        if isinstance(use.value, ast.Call):
            if (
                isinstance(use.value.func, (ast.Name, ast.Attribute))
                and ctx.canonical(use.value.func) in catalog.TRAINING_DEPENDENT_LAYERS
            ):
                for target in use.targets:
                    if (
                        isinstance(target, ast.Attribute)
                        and isinstance(target.value, ast.Name)
                        and target.value.id == "self"
                    ):
                        held.add(target.attr)
    return held


def _calls_training_layer(ctx: Context, use: ast.Call, held: set) -> bool:
    func = use.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self":
        return func.attr in held
    if isinstance(func, ast.Call) and isinstance(func.func, (ast.Name, ast.Attribute)):
        return ctx.canonical(func.func) in catalog.TRAINING_DEPENDENT_LAYERS  # Dropout(0.5)(x)
    return False


class CallWithoutTraining(Rule):
    """## What it does
    Finds every custom layer or model whose `call` takes no `training` argument.

    ## Why is this bad?
    It is not a bug by itself: Keras propagates the phase to nested Keras layers. Teams that want
    every layer to state its training behaviour explicitly can enable this check.

    ## Example
    ```python
    def call(self, inputs):
        return self.dense(inputs)
    ```

    ## Use instead
    ```python
    def call(self, inputs, training=None):
        return self.dense(inputs, training=training)
    ```

    ## Fix safety
    None.
    """

    code = "KER307"
    name = "call-without-training-arg"
    message = "`{layer}.call` takes no `training` argument"
    fix_title = "Accept `training=None` in `call` and pass it to sublayers"
    severity = Severity.INFO
    default_enabled = False
    valid = (
        Valid(
            "from tensorflow import keras\nclass L(keras.layers.Layer):\n"
            "    def call(self, x, training=None):\n        return x\n"
        ),
    )
    invalid = (
        Invalid(
            "from tensorflow import keras\nclass L(keras.layers.Layer):\n    def call(self, x):\n        return x\n",
            at=((3, 8),),
        ),
    )

    def check_class(self, ctx: Context, node: ast.ClassDef) -> Iterator[Finding]:
        call = call_without_training(node)
        if call is None or _training_layers(ctx, node) or next(_training_ops(ctx, call), None):
            return  # KER306 or KER301 already speaks about this layer
        yield self.finding(ctx, call, span=def_name_span(ctx, call), layer=node.name)


class Keras1LayerMethod(Rule):
    """## What it does
    Finds custom layers and models that define a method under its Keras 1 name, such as
    `get_output_shape_for` (Keras 2: `compute_output_shape`).

    ## Why is this bad?
    Keras no longer calls the old name, so the method is dead code and Keras falls back to its own
    default: shape inference for a Keras 1 `Lambda`-like layer silently goes wrong.

    ## Example
    ```python
    class Antirectifier(layers.Layer):
        def get_output_shape_for(self, input_shape):
            return input_shape[0], input_shape[1] * 2
    ```

    ## Use instead
    ```python
    class Antirectifier(layers.Layer):
        def compute_output_shape(self, input_shape):
            return input_shape[0], input_shape[1] * 2
    ```

    ## Fix safety
    Safe when no class of the module binds the new name already and the old one is used only as
    `self.old(…)` or `super().old(…)` inside the classes that define it: the methods are renamed with
    those calls, in every class at once. An alias (`compute_output_shape = get_output_shape_for`), a
    call on another object, or a class that other checked modules import (their subclasses may call
    the old name) gets no fix.
    """

    code = "KER308"
    name = "keras1-layer-method"
    catalog_tables = ("REMOVED_METHODS",)
    message = "`{layer}.{old}` is never called on target {target}; Keras calls `{new}`"
    fix_title = "Rename it to `{new}`"
    severity = Severity.ERROR
    fix_safety = FixSafety.SOMETIMES
    valid = (
        Valid(
            "from tensorflow.keras import layers\nclass L(layers.Layer):\n"
            "    def compute_output_shape(self, s):\n        return s\n"
        ),
        Valid("import keras\nclass Plain:\n    def get_output_shape_for(self, s):\n        return s\n"),
    )
    invalid = (
        Invalid(
            "from keras.engine.topology import Layer\nclass L(Layer):\n"
            "    def get_output_shape_for(self, s):\n        return s\n",
            at=((3, 8),),
            fixed="from keras.engine.topology import Layer\nclass L(Layer):\n"
            "    def compute_output_shape(self, s):\n        return s\n",
        ),
    )

    def check_class(self, ctx: Context, node: ast.ClassDef) -> Iterator[Finding]:
        for statement in node.body:
            if not isinstance(statement, ast.FunctionDef):
                continue
            fact = catalog.REMOVED_METHODS_BY_TARGET.get((ctx.target, f".{statement.name}"))
            if fact is None or fact.new is None or not fact.hook:
                continue
            new = fact.new.lstrip(".")
            if new in class_body_names(node):
                continue  # the class defines the new method too (often calling the old one): Keras calls it
            span = def_name_span(ctx, statement)
            callers = _own_calls(ctx, node, statement.name)
            edits = (Edit(*span, new),) + tuple(Edit(*_attribute_span(ctx, use), new) for use in callers)
            blocked = _method_rename_blocked(ctx, statement.name, new)
            yield self.finding(
                ctx, statement, span=span, edits=() if blocked else edits,
                renames=((f".{statement.name}", f".{new}"),),  # every class's rename, or none
                layer=node.name, old=statement.name, new=new,
            ).unfixed(blocked) if blocked else self.finding(
                ctx, statement, span=span, edits=edits, renames=((f".{statement.name}", f".{new}"),),
                layer=node.name, old=statement.name, new=new,
            )  # fmt: skip


class MetricResetStates(Rule):
    """## What it does
    Finds custom metrics (subclasses of a Keras `Metric`) that define `reset_states()` and no
    `reset_state()`, the way TF 2.0-2.4 wrote them. A metric whose base class in the module defines
    `reset_state()` is left alone: Keras calls that one.

    ## Why is this bad?
    Keras resets a metric between epochs and evaluations by calling `reset_state()`. tf.keras (TF 2.15.1)
    still finds the old name, with a warning ("implements a `reset_states()` method; rename it to
    `reset_state()`"); Keras 3 (3.15.1) never calls it: its default `reset_state()` sets the metric's
    variables to zero, and whatever else the method did is silently skipped. On Keras 3 a `reset_states()` that
    only sets every weight of the metric to zero is left alone: the default does just that.

    ## Example
    ```python
    class F1(keras.metrics.Metric):
        def reset_states(self):
            self.tp.assign(0.0)
    ```

    ## Use instead
    ```python
    class F1(keras.metrics.Metric):
        def reset_state(self):
            self.tp.assign(0.0)
    ```

    ## Fix safety
    Safe, as for KER308: the method is renamed with its `self.reset_states()` and `super().reset_states()`
    calls, in every class of the module at once; no fix where the name is used otherwise, a class defines
    `reset_state` already, or the method calls `self.reset_state()` (renamed, it would call itself).
    """

    code = "KER310"
    name = "metric-reset-states"
    message = "`{metric}.reset_states` {effect} on target {target}: Keras resets a metric with `reset_state()`{detail}"
    fix_title = "Rename it to `reset_state`"
    severity = Severity.WARNING
    fix_safety = FixSafety.SOMETIMES
    valid = (
        Valid("import keras\nclass F1(keras.metrics.Metric):\n    def reset_state(self):\n        pass\n"),
        Valid(
            "import keras\nclass F1(keras.metrics.Metric):\n    def reset_state(self):\n        pass\n"
            "    def reset_states(self):\n        self.reset_state()\n"
        ),
        Valid("import keras\nclass Tracker:\n    def reset_states(self):\n        pass\n"),
        Valid(
            "import keras\nclass Hits(keras.metrics.Metric):\n    def __init__(self, **kwargs):\n"
            "        super().__init__(**kwargs)\n"
            "        self.hits = self.add_weight(name='hits', initializer='zeros')\n"
            "    def reset_states(self):\n        self.hits.assign(0.0)\n",
            target=Target.KERAS3,
        ),  # what Keras 3's default reset_state does
        Valid(
            "import keras\nfrom keras import backend as K\nclass Hits(keras.metrics.Metric):\n"
            "    def reset_states(self):\n        K.batch_set_value([(v, 0) for v in self.variables])\n",
            target=Target.KERAS3,
        ),
    )
    invalid = (
        Invalid(
            "import keras\nclass F1(keras.metrics.Metric):\n    def reset_states(self):\n"
            "        super().reset_states()\n",
            at=((3, 8),),
            target=Target.KERAS3,
            fixed="import keras\nclass F1(keras.metrics.Metric):\n    def reset_state(self):\n"
            "        super().reset_state()\n",
        ),
        Invalid(
            "from tensorflow import keras\nclass Mean(keras.metrics.Mean):\n    def reset_states(self):\n"
            "        pass\n",
            at=((3, 8),),
            fixed="from tensorflow import keras\nclass Mean(keras.metrics.Mean):\n    def reset_state(self):\n"
            "        pass\n",
        ),
        Invalid(
            "import keras\nclass Hits(keras.metrics.Metric):\n    def __init__(self, **kwargs):\n"
            "        super().__init__(**kwargs)\n"
            "        self.hits = self.add_weight(name='hits', initializer='zeros')\n"
            "        self.seen = self.add_weight(name='seen', initializer='zeros')\n"
            "    def reset_states(self):\n        self.hits.assign(0.0)\n",
            at=((7, 8),),
            target=Target.KERAS3,
            fixed="import keras\nclass Hits(keras.metrics.Metric):\n    def __init__(self, **kwargs):\n"
            "        super().__init__(**kwargs)\n"
            "        self.hits = self.add_weight(name='hits', initializer='zeros')\n"
            "        self.seen = self.add_weight(name='seen', initializer='zeros')\n"
            "    def reset_state(self):\n        self.hits.assign(0.0)\n",
        ),  # the default zeroes `seen` too
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        if METRIC_OLD_RESET not in module_text(ctx):
            return
        from kerascheck.rules.objects import keras_classes  # here: read only when a module may need it

        by_name = {node.name: node for node in ctx.index.classes}
        effect, detail = METRIC_OLD_RESET_EFFECTS[ctx.target]
        for node, kind in keras_classes(ctx):
            if kind.kind != "Metric" or defines_in_module(node, METRIC_RESET, by_name):
                continue  # a reset_state of its own or of a base of the module's runs: Keras's default never does
            for statement in node.body:
                if isinstance(statement, ast.FunctionDef) and statement.name == METRIC_OLD_RESET:
                    if ctx.target is Target.KERAS3 and _zeroes_every_weight(node, statement):
                        continue  # what Keras 3's default reset_state does: nothing is skipped
                    span = def_name_span(ctx, statement)
                    edits = (Edit(*span, METRIC_RESET),) + tuple(
                        Edit(*_attribute_span(ctx, use), METRIC_RESET)
                        for use in _own_calls(ctx, node, METRIC_OLD_RESET)
                    )
                    blocked = _method_rename_blocked(ctx, METRIC_OLD_RESET, METRIC_RESET)
                    finding = self.finding(
                        ctx, statement, span=span, edits=() if blocked else edits,
                        renames=((f".{METRIC_OLD_RESET}", f".{METRIC_RESET}"),), metric=node.name,
                        effect=effect, detail=detail,
                    )  # fmt: skip
                    yield finding.unfixed(blocked) if blocked else finding


def _zeroes_every_weight(klass: ast.ClassDef, method: ast.FunctionDef) -> bool:
    """Whether the method only sets the metric's weights to zero, every one of them (``self.tp.assign(0.0)`` for
    each ``self.tp = self.add_weight(…)`` of the class, or a loop over ``self.variables``): exactly what Keras 3's
    default ``reset_state`` does (keras 3.15.1 keras/src/metrics/metric.py: each variable assigned
    ``ops.zeros(v.shape)``)."""
    zeroed: Set[str] = set()
    every = False
    for statement in method.body:
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue  # the docstring
        if isinstance(statement, ast.For) and _self_attribute(statement.iter) == "variables" and not statement.orelse:
            target = statement.target
            if not (isinstance(target, ast.Name) and all(_zeroing(inner) == target.id for inner in statement.body)):
                return False
            every = True
            continue
        if not isinstance(statement, ast.Expr):
            return False
        name = _zeroing(statement)
        if name is None or not name.startswith("self."):
            if not _batch_zeroing_of_variables(statement.value):
                return False
            every = True
            continue
        zeroed.add(name[len("self.") :])
    weights = {
        target.attr
        for node in ast.walk(klass)
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Attribute) and node.value.func.attr in ("add_weight", "add_variable")
        for target in node.targets
        if _self_attribute(target) is not None and isinstance(target, ast.Attribute)
    }  # fmt: skip
    return every or (bool(weights) and weights <= zeroed)


def _zeroing(statement: ast.stmt) -> Optional[str]:
    """``x.assign(<zero>)`` or ``K.set_value(x, <zero>)`` as a statement: ``x`` as written (``self.tp``), else
    None."""
    if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)):
        return None
    call = statement.value
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "assign" and len(call.args) == 1 and not call.keywords:
        target, value = func.value, call.args[0]
    elif _called_name(func) == "set_value" and len(call.args) == 2 and not call.keywords:
        target, value = call.args
    else:
        return None
    if not _is_zero(value):
        return None
    if isinstance(target, ast.Name):
        return target.id
    if _self_attribute(target) is not None:
        return f"self.{_self_attribute(target)}"
    return None


def _batch_zeroing_of_variables(call: ast.expr) -> bool:
    """``K.batch_set_value([(v, <zero>) for v in self.variables])``."""
    if not (isinstance(call, ast.Call) and _called_name(call.func) == "batch_set_value" and len(call.args) == 1):
        return False
    listed = call.args[0]
    if not (isinstance(listed, (ast.ListComp, ast.GeneratorExp)) and len(listed.generators) == 1):
        return False
    loop = listed.generators[0]
    pair = listed.elt
    return (
        _self_attribute(loop.iter) == "variables"
        and not loop.ifs
        and isinstance(loop.target, ast.Name)
        and isinstance(pair, ast.Tuple)
        and len(pair.elts) == 2
        and isinstance(pair.elts[0], ast.Name)
        and pair.elts[0].id == loop.target.id
        and _is_zero(pair.elts[1])
    )


def _is_zero(node: ast.expr) -> bool:
    """``0``, ``0.0``, or a call of some ``zeros``/``zeros_like`` (``ops.zeros_like(self.tp)``, ``np.zeros(shape)``)."""
    if isinstance(node, ast.Constant):
        return type(node.value) in (int, float) and node.value == 0
    return isinstance(node, ast.Call) and _called_name(node.func) in ("zeros", "zeros_like")


def _called_name(func: ast.expr) -> Optional[str]:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else None


def _self_attribute(node: ast.expr) -> Optional[str]:
    """``name`` for ``self.name``, else None."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
        return node.attr
    return None


def _method_rename_blocked(ctx: Context, name: str, new: str) -> Optional[str]:
    """Why the methods ``name`` of the module's classes cannot all become ``new``, or None: a class
    binds ``new`` already, or the name is used other than as ``self.name``/``super().name`` inside a
    class that defines it (an alias ``compute_output_shape = get_output_shape_for``, a call on
    another object)."""
    key = ("method rename", name)
    if key in ctx.memo:
        return ctx.memo[key]
    reason = None
    owners = [cls for cls in ctx.index.classes if name in class_body_names(cls)]
    for cls in owners:
        if new in class_body_names(cls):
            reason = f"the rename follows every class's `{name}`, and `{cls.name}` defines `{new}` already"
        elif cls.name in ctx.exposure.imported or "*" in ctx.exposure.imported:
            reason = f"other modules import `{cls.name}`, and their subclasses' calls of `{name}` cannot be followed"
        elif any(_in_method(cls, name, use) for use in _own_calls(ctx, cls, new)):
            # ``def reset_states(self): self.reset_state()`` would call itself once renamed
            reason = f"`{cls.name}.{name}` calls `self.{new}`, which the renamed method would call itself"
    if reason is None:
        own = {id(use) for cls in owners for use in _own_calls(ctx, cls, name)}
        for each in every_node_of(ctx, ctx.tree):
            if (isinstance(each, ast.Attribute) and each.attr == name and id(each) not in own) or (
                isinstance(each, ast.Name) and each.id == name
            ):
                reason = f"`{name}` is also used at line {each.lineno}, where the rename cannot follow"
                break
    ctx.memo[key] = reason
    return reason


def _in_method(cls: ast.ClassDef, name: str, use: ast.Attribute) -> bool:
    """Whether ``self.x`` (not ``super().x``) stands in the class's method ``name``."""
    if not (isinstance(use.value, ast.Name) and use.value.id == "self"):
        return False
    methods = [each for each in cls.body if isinstance(each, (ast.FunctionDef, ast.AsyncFunctionDef))]
    return any(each is use for method in methods if method.name == name for each in ast.walk(method))


def _own_calls(ctx: Context, node: ast.ClassDef, name: str) -> List[ast.Attribute]:
    """``self.name`` and ``super().name`` inside the class."""
    found = []
    for each in every_node_of(ctx, node):
        if isinstance(each, ast.Attribute) and each.attr == name:
            value = each.value
            if (isinstance(value, ast.Name) and value.id == "self") or (
                isinstance(value, ast.Call) and getattr(value.func, "id", None) == "super"
            ):
                found.append(each)
    return found


def _attribute_span(ctx: Context, node: ast.Attribute) -> Tuple[int, int, int, int]:
    _, _, end_line, end_col = ctx.span(node)
    return end_line, end_col - len(node.attr), end_line, end_col


class LearningPhaseFunctionInput(Rule):
    """## What it does
    Finds `K.learning_phase()` among the inputs of `K.function` (the Keras 2 idiom for dropout at
    prediction time, or for a layer's output in the training phase: `f([x, 1])`).

    ## Why is this bad?
    In TensorFlow 2's eager mode `K.learning_phase()` is the integer 0, not a placeholder, and
    `K.function` raises `ValueError: Found unexpected instance while processing input tensors for keras
    functional model. Expecting KerasTensor … Got: 0` (run on TF 2.15.1). A module that turns eager
    execution off keeps the placeholder. Keras 3 has neither function (KER111).

    ## Example
    ```python
    f = K.function([model.input, K.learning_phase()], [model.output])
    predictions = f([x, 1])
    ```

    ## Use instead
    ```python
    predictions = model(x, training=True)
    ```

    ## Fix safety
    None: every call of the function passes the phase too, and what it was for decides the change.
    """

    code = "KER309"
    name = "learning-phase-function-input"
    message = (
        "`{phase}` among the inputs of `{function}` raises on target {target}: in TF 2's eager mode it is the "
        "integer 0, no tensor (`ValueError: Found unexpected instance while processing input tensors`)"
    )
    fix_title = (
        "Drop it from the inputs (and the phase from each call of the function); for the training phase, call the "
        "model with `training=True`"
    )
    severity = Severity.ERROR
    targets = frozenset({Target.TF_KERAS})
    valid = (
        Valid("from tensorflow.keras import backend as K\nf = K.function([model.input], [model.output])\n"),
        Valid(
            "import tensorflow as tf\nfrom tensorflow.keras import backend as K\n"
            "tf.compat.v1.disable_eager_execution()\n"
            "f = K.function([model.input, K.learning_phase()], [model.output])\n"
        ),
        Valid(  # a graph of its own: the phase is a placeholder there (run on TF 2.15.1)
            "import tensorflow as tf\nfrom tensorflow.keras import backend as K\nwith tf.Graph().as_default():\n"
            "    x = K.placeholder(shape=(None, 2))\n    f = K.function([x, K.learning_phase()], [x * 2])\n"
        ),
        Valid(  # only without eager execution
            "import tensorflow as tf\nfrom tensorflow.keras import backend as K\nif tf.executing_eagerly():\n"
            "    f = None\nelse:\n    f = K.function([model.input, K.learning_phase()], [model.output])\n"
        ),
    )
    invalid = (
        Invalid(
            "from keras import backend as K\nf = K.function([model.input, K.learning_phase()], [model.output])\n",
            at=((2, 29),),
        ),
        Invalid(
            "from tensorflow.keras import backend\nphase = backend.learning_phase()\n"
            "f = backend.function(inputs=[model.layers[0].input, phase], outputs=[model.layers[-1].output])\n",
            at=((3, 52),),
        ),
    )

    owners = frozenset({"backend.function"})

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner != "backend.function":
            return
        inputs = next((k.value for k in node.keywords if k.arg == "inputs"), node.args[0] if node.args else None)
        if not isinstance(inputs, (ast.List, ast.Tuple)):
            return
        if graph_mode_at(ctx, node):
            return  # graph mode: the learning phase is a placeholder again
        for item in inputs.elts:
            value = value_of(ctx, item)
            if isinstance(value, ast.Call) and ctx.canonical(value.func) == "backend.learning_phase":
                yield self.finding(ctx, item, phase=ctx.source_of(item), function=f"{target.spelled}")
                return
