"""KER242: a TensorFlow graph attribute (``.op``, ``.graph``) read from a model's or layer's symbolic tensor.

Keras 2.2 on TensorFlow 1 built models of ``tf.Tensor``s, and code that exported them (the ``freeze_session``
idiom) read ``model.outputs[0].op.name``. TF 2.x's tf.keras (keras 2.15.0 ``engine/keras_tensor.py``) builds
functional models of ``KerasTensor``s, whose ``op`` raises ``TypeError: Keras symbolic inputs/outputs do not implement
`op``` unless eager execution is turned off; Keras 3.15.1's ``KerasTensor`` has neither attribute
(``AttributeError``). ``.graph`` raises ``AttributeError`` on both (run on TF 2.15.1 and Keras 3.15.1).
"""

from __future__ import annotations

import ast
import re
from typing import Dict, Iterator, List, Optional, Set

from kerascheck.catalog.model import Target
from kerascheck.catalog.releases import KERAS3_CHECKED
from kerascheck.catalog.training import INPUT_CALLABLES, OUTER_TENSOR_EFFECTS, OUTER_TENSOR_LOSS_EFFECTS
from kerascheck.context import Context
from kerascheck.findings import Finding
from kerascheck.rules.base import (
    Invalid,
    Rule,
    Severity,
    Valid,
    compiled_functions,
    compiled_values,
    graph_mode,
    module_text,
    shown_source,
)

_GRAPH_ATTRIBUTES = frozenset({"op", "graph"})
_TENSORS = frozenset({"input", "output"})  # a model's or layer's symbolic tensor
_TENSOR_LISTS = frozenset({"inputs", "outputs"})
_KINDS = frozenset({"Model", "Sequential", "Layer"})
_GATE = re.compile(r"\.(?:op|graph)\b")
_EFFECTS = {
    Target.KERAS3: "Keras {keras3_checked}'s `KerasTensor` has no `{attribute}` (`AttributeError`)",
    Target.TF_KERAS: "its `KerasTensor` raises `{error}`",
}
_TF_ERRORS = {
    "op": "TypeError: Keras symbolic inputs/outputs do not implement op",
    "graph": "AttributeError",
}


class KerasTensorGraphAttribute(Rule):
    """## What it does
    Finds `.op` or `.graph` read from the symbolic input or output of a Keras model or layer the module shows:
    `model.output.op.name`, `model.outputs[0].op`, `[out.op.name for out in model.outputs]`,
    `model.layers[-1].output.graph`, and `x.op` where `x` holds a layer's output while a functional model is built
    (`x = Dense(4)(inputs)`).

    ## Why is this bad?
    Keras 2 on TensorFlow 1 built models of `tf.Tensor`s, and exporting code read their graph operations (the
    `freeze_session(K.get_session(), output_names=[out.op.name for out in model.outputs])` idiom). tf.keras 2.x
    builds them of `KerasTensor`s: `op` raises `TypeError: Keras symbolic inputs/outputs do not implement op`
    unless the module turns eager execution off (run on TF 2.15.1). Keras 3's `KerasTensor` has no `op` nor
    `graph`: `AttributeError` (run on Keras 3.15.1).

    ## Example
    ```python
    output_names = [out.op.name for out in model.outputs]
    ```

    ## Use instead
    ```python
    model.export("exported")  # Keras 3; tf.saved_model.save(model, "exported") on tf.keras
    ```

    ## Fix safety
    None: a model is exported with `model.export` or `tf.saved_model.save`, not through its graph.
    """

    code = "KER242"
    name = "keras-tensor-graph-attribute"
    message = (
        "`{spelled}` reads `{attribute}` of a Keras symbolic tensor (a model's or layer's input or output): on target "
        "{target} {effect}; "
        "TensorFlow 1's graph tensors are gone"
    )
    fix_title = "Export the model (`model.export(…)` on Keras 3, `tf.saved_model.save(model, …)`) instead"
    severity = Severity.ERROR
    valid = (
        Valid("import keras\ninputs = keras.Input((4,))\nmodel = keras.Model(inputs, inputs)\n"
              "names = [out.name for out in model.outputs]\nop = tf_graph.op\n"),
        Valid("import tensorflow as tf\ntf.compat.v1.disable_eager_execution()\ninputs = tf.keras.Input((4,))\n"
              "model = tf.keras.Model(inputs, inputs)\nprint(model.output.op.name)\n"),
        # a parameter may hold a real tensor; a TensorFlow tensor has `op`
        Valid("import keras\nimport tensorflow as tf\ninputs = keras.Input((8,))\n"
              "def name_of(t):\n    return t.op.name\nc = tf.constant(1.0)\nprint(c.op)\n"),
    )  # fmt: skip
    invalid = (
        Invalid(
            "from tensorflow import keras\ninputs = keras.Input((4,))\n"
            "model = keras.Model(inputs, keras.layers.Dense(2)(inputs))\n"
            "output_names = [out.op.name for out in model.outputs]\n",
            at=((4, 16),),
        ),
        Invalid(
            "import keras\ninputs = keras.Input((4,))\nmodel = keras.Model(inputs, keras.layers.Dense(2)(inputs))\n"
            "print(model.output.op.name, model.layers[-1].output.graph)\n",
            at=((4, 6), (4, 28)),
            target=Target.KERAS3,
        ),
        # a layer's output while the model is built
        Invalid(
            "import keras\ninputs = keras.Input((8,))\nx = keras.layers.Dense(4)(inputs)\n"
            "names = [x.op.name, inputs.graph]\n",
            at=((4, 9), (4, 20)),
            target=Target.KERAS3,
        ),
        Invalid(
            "import tensorflow as tf\ninputs = tf.keras.Input((8,))\nx = tf.keras.layers.Dense(4)(inputs)\n"
            "print(x.op.name)\n",
            at=((4, 6),),
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        if not _GATE.search(module_text(ctx)) or (ctx.target is Target.TF_KERAS and graph_mode(ctx)):
            return
        from kerascheck.rules.api_checks import interesting_names  # here: read only when a module may need it
        from kerascheck.rules.objects import typed_uses

        uses = [
            use.node
            for use in typed_uses(ctx, interesting_names(ctx.target))
            if use.node.attr in _TENSORS | _TENSOR_LISTS and use.type.kind in _KINDS and not use.assigned
        ]
        reads: List[ast.Attribute] = []
        if uses:
            parents = _parents(ctx.nodes)
            for use in uses:
                for tensor in _tensors(use, parents):
                    read = parents.get(id(tensor))
                    if isinstance(read, ast.Attribute) and read.value is tensor and read.attr in _GRAPH_ATTRIBUTES:
                        reads.append(read)
        reads += _tensor_reads(ctx, {id(read) for read in reads})
        for read in sorted(reads, key=lambda node: (node.lineno, node.col_offset)):
            effect = _EFFECTS[ctx.target].format(
                attribute=read.attr, error=_TF_ERRORS[read.attr], keras3_checked=KERAS3_CHECKED
            )
            yield self.finding(ctx, read, spelled=shown_source(ctx.source_of(read)), attribute=read.attr, effect=effect)


def _tensor_reads(ctx: Context, known: Set[int]) -> List[ast.Attribute]:
    """``x.op`` and ``x.graph`` where ``x`` certainly holds a KerasTensor of a functional model being built: an
    ``Input(…)``, a Keras layer called on one (``x = Dense(4)(inputs)``; held-out probe 18)."""
    from kerascheck.rules.functional import KerasTensors, builds_from_input  # here: few modules read `.op`

    if not builds_from_input(ctx):
        return []
    tensors: Optional[KerasTensors] = None
    found = []
    for node in ctx.nodes:
        if (
            type(node) is ast.Attribute
            and node.attr in _GRAPH_ATTRIBUTES
            and type(node.ctx) is ast.Load
            and id(node) not in known
            and isinstance(node.value, (ast.Name, ast.Call, ast.Subscript, ast.BinOp))
        ):
            tensors = tensors or KerasTensors(ctx)
            if tensors.certain(node.value):
                found.append(node)
    return found


def _parents(nodes: List[ast.AST]) -> Dict[int, ast.AST]:
    parents: Dict[int, ast.AST] = {}
    for node in nodes:
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    return parents


def _tensors(use: ast.Attribute, parents: Dict[int, ast.AST]) -> List[ast.expr]:
    """The expressions that are one symbolic tensor of ``use`` (``model.output``, ``model.outputs[0]``, the target of
    a loop over ``model.outputs`` where its body reads it)."""
    if use.attr in _TENSORS:
        return [use]
    parent = parents.get(id(use))
    if isinstance(parent, ast.Subscript) and parent.value is use:
        return [parent]
    loop: Optional[ast.AST] = None
    if isinstance(parent, ast.comprehension) and parent.iter is use:
        loop = parents.get(id(parent))
    elif isinstance(parent, ast.For) and parent.iter is use:
        loop = parent
    target = getattr(parent, "target", None)
    if loop is None or not isinstance(target, ast.Name):
        return []
    return [
        node
        for node in ast.walk(loop)
        if isinstance(node, ast.Name) and node.id == target.id and isinstance(node.ctx, ast.Load)
    ]


class OuterKerasTensorInLayer(Rule):
    """## What it does
    Finds a custom layer's or model's method that reads a KerasTensor of the module's functional graph from outside
    (`z_mean = Dense(2)(h)` at the module's top level, then `K.square(z_mean)` in the layer's `vae_loss`): the
    Keras 2 VAE example's loss layer.

    ## Why is this bad?
    Keras 2.2 built one graph, so a layer's code could use any of its tensors. Since tf.keras 2.4 and in Keras 3 a
    layer's code runs on the values of its inputs, and a KerasTensor it reads from outside is only a placeholder
    there: Keras 3 (3.15.1) raises `ValueError` when the layer is called on the graph ("Could not automatically
    infer the output shape"); TF 2.15's tf.keras raises `TypeError` in `fit` ("You are passing KerasTensor … to a TF
    API that does not allow registering custom dispatchers").

    ## Example
    ```python
    z_mean = Dense(2)(h)

    class KLLoss(Layer):
        def call(self, inputs):
            self.add_loss(-0.5 * K.mean(1 - K.square(z_mean)))
            return inputs
    ```

    ## Use instead
    ```python
    class KLLoss(Layer):
        def call(self, inputs):
            x, z_mean = inputs
            self.add_loss(-0.5 * K.mean(1 - K.square(z_mean)))
            return x
    ```

    ## Fix safety
    None: the tensor has to become one of the layer's inputs, where the layer is called.
    """

    code = "KER330"
    name = "outer-keras-tensor-in-layer"
    message = (
        "`{where}` reads `{tensor}`, a KerasTensor of the module's functional graph (line {made}); on target "
        "{target} {runs}, where that tensor is only a placeholder: {effect}"
    )
    fix_title = "{remedy}"
    severity = Severity.ERROR
    valid = (
        Valid(
            "from tensorflow.keras import layers\nx = layers.Input((8,))\nz = layers.Dense(2)(x)\n\n"
            "class KL(layers.Layer):\n    def call(self, inputs):\n        x, z = inputs\n"
            "        self.add_loss(-0.5 * z)\n        return x\n\ny = KL()([x, z])\n"
        ),
        Valid(  # a loss that reads only its arguments, and a function never given to compile
            "from tensorflow import keras\nx = keras.Input((8,))\nz = keras.layers.Dense(2)(x)\n\n"
            "def loss(y, p):\n    return keras.backend.mean(p - y)\n\ndef probe():\n    return z\n\n"
            "model = keras.Model(x, z)\nmodel.compile('adam', loss=loss)\n"
        ),
        Valid(  # a factory that reads only the tensor's shape, when it makes the loss
            "from tensorflow import keras\nx = keras.Input((8,))\nz = keras.layers.Dense(2)(x)\n\n"
            "def make_loss(tensor):\n    width = keras.backend.int_shape(tensor)[-1]\n"
            "    def loss(y, p):\n        return keras.backend.mean(p - y) * width\n    return loss\n\n"
            "model = keras.Model(x, z)\nmodel.compile('adam', loss=make_loss(z))\n"
        ),
        Valid(  # what a KerasTensor knows without a value
            "from tensorflow.keras import layers\nx = layers.Input((8,))\n\nclass Head(layers.Layer):\n"
            "    def build(self, input_shape):\n        self.units = x.shape[-1]\n"
        ),
    )
    invalid = (
        Invalid(
            "from tensorflow.keras import layers\nx = layers.Input((8,))\nz = layers.Dense(2)(x)\n\n"
            "class KL(layers.Layer):\n    def call(self, inputs):\n        self.add_loss(-0.5 * z)\n"
            "        return inputs\n\ny = KL()(x)\n",
            at=((7, 29),),
        ),
        Invalid(
            "import keras\nx = keras.Input((8,))\nz_mean = keras.layers.Dense(2)(x)\n\n"
            "class VAE(keras.Model):\n    def kl(self):\n        return keras.ops.mean(keras.ops.square(z_mean))\n",
            at=((7, 47),),
            target=Target.KERAS3,
        ),
        Invalid(  # the Keras blog's VAE loss, and the WGAN-GP penalty through functools.partial (held-out probe 21)
            "from functools import partial\nfrom tensorflow import keras\nx = keras.Input((8,))\n"
            "z = keras.layers.Dense(2)(x)\n\ndef vae_loss(y, p):\n    return keras.backend.mean(p - y) + z\n\n"
            "def penalty(y, p, samples):\n    return y\n\nmodel = keras.Model(x, z)\n"
            "model.compile('adam', [vae_loss, partial(penalty, samples=x)])\n",
            at=((7, 39), (13, 58)),
        ),
        Invalid(  # a loss factory given the tensors, and a lambda around a loss (held-out probe 22)
            "from tensorflow import keras\nx = keras.Input((8,))\nz = keras.layers.Dense(2)(x)\n\n"
            "def make_loss(tensor):\n    def loss(y, p):\n        return keras.backend.sum(tensor)\n    return loss\n\n"
            "def kl(y, p):\n    return keras.backend.sum(z)\n\nmodel = keras.Model(x, z)\n"
            "model.compile('adam', [make_loss(z), lambda y, p: kl(y, p)])\n",
            at=((11, 29), (14, 33)),
        ),
        Invalid(  # built in a function, the loss nested there (held-out probe 22)
            "from tensorflow import keras\n\ndef build():\n    x = keras.Input((8,))\n"
            "    z = keras.layers.Dense(2)(x)\n    model = keras.Model(x, z)\n\n"
            "    def kl_loss(y, p):\n        return keras.backend.mean(p - y) + keras.backend.sum(z)\n\n"
            "    model.compile('adam', loss=kl_loss)\n    return model\n",
            at=((9, 61),),
        ),
    )

    def check_class(self, ctx: Context, node: ast.ClassDef) -> Iterator[Finding]:
        tensors = _module_keras_tensors(ctx)
        if not tensors:
            return
        effect = OUTER_TENSOR_EFFECTS[ctx.target]
        for item in node.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for each in _outer_reads(item, tensors):
                    yield self.finding(
                        ctx, each, where=f"{node.name}.{item.name}", tensor=each.id, made=tensors[each.id],
                        runs="a layer's code runs on its inputs' values", effect=effect,
                        remedy=f"Pass `{each.id}` to the layer as one of its inputs",
                    )  # fmt: skip

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        """A loss or metric function given to ``compile`` that reads a KerasTensor of the graph: the Keras blog's VAE,
        whose ``vae_loss`` reads ``z_mean`` and ``z_log_var`` (held-out probe 21). Not where eager execution is off:
        there the model is a TF 1 graph, and the loss trains (held-out probe 22, run on TF 2.15.1)."""
        if graph_mode(ctx) or not any(
            isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) for item in ctx.tree.body
        ):
            return
        effect = OUTER_TENSOR_LOSS_EFFECTS[ctx.target]
        runs = "a compiled loss or metric runs on each batch's values"
        if "compile(" in module_text(ctx):
            yield from self._built_in_functions(ctx, effect, runs)
        tensors = _module_keras_tensors(ctx)  # (the top level's assignments only: before the module's calls)
        if tensors and "compile(" in module_text(ctx):
            yield from self._factories(ctx, tensors, effect, runs)
        names = compiled_functions(ctx) if tensors else frozenset()
        if not names:
            return
        functions = [
            item
            for item in ctx.tree.body
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name in names
        ]
        for item in functions:
            for each in _outer_reads(item, tensors):
                yield self.finding(
                    ctx, each, where=item.name, tensor=each.id, made=tensors[each.id], runs=runs, effect=effect,
                    remedy=f"Add the term as a loss of a layer that takes `{each.id}` as an input (`add_loss`)",
                )  # fmt: skip
        # `partial(gradient_penalty_loss, averaged_samples=interpolated_img)`: the WGAN-GP loss (held-out probe 21)
        for call in ctx.index.keyword_calls:
            if not (call.args and isinstance(call.args[0], ast.Name) and call.args[0].id in names):
                continue
            if _called_name(call) != "partial":
                continue
            for keyword in call.keywords:
                value = keyword.value
                if isinstance(value, ast.Name) and value.id in tensors:
                    yield self.finding(
                        ctx, value, where=f"partial({call.args[0].id}, {keyword.arg}=…)", tensor=value.id,
                        made=tensors[value.id], runs=runs, effect=effect,
                        remedy=f"Add the term as a loss of a layer that takes `{value.id}` as an input (`add_loss`)",
                    )  # fmt: skip

    def _factories(self, ctx: Context, tensors: Dict[str, int], effect: str, runs: str) -> Iterator[Finding]:
        """``compile(loss=make_vae_loss(z_mean, z_log_var))``: a function of the module that returns a loss defined in
        it, given KerasTensors of the graph, which the loss then reads (held-out probe 22)."""
        factories = {
            item.name: item
            for item in ctx.tree.body
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
            and any(isinstance(inner, ast.Return) and inner.value is not None for inner in ast.walk(item))
        }
        if not factories:
            return
        for value in compiled_values(ctx):
            for made in _calls_of(value, set(factories)):
                factory = factories[made.func.id]  # type: ignore[attr-defined]
                parameters = [argument.arg for argument in factory.args.posonlyargs + factory.args.args]
                given = list(zip(parameters, made.args))
                given += [(keyword.arg, keyword.value) for keyword in made.keywords if keyword.arg]
                for parameter, argument in given:
                    if not (isinstance(argument, ast.Name) and argument.id in tensors):
                        continue
                    if _read_in_closure(factory, parameter):
                        yield self.finding(
                            ctx, argument, where=f"{made.func.id}(…)", tensor=argument.id,  # type: ignore[attr-defined]
                            made=tensors[argument.id], runs=runs, effect=effect,
                            remedy=f"Add the term as a loss of a layer that takes `{argument.id}` as an input "
                            "(`add_loss`)",
                        )  # fmt: skip

    def _built_in_functions(self, ctx: Context, effect: str, runs: str) -> Iterator[Finding]:
        """A loss defined in the function that builds the model and gives it to ``compile`` there, reading the
        builder's own KerasTensors (a ``build_vae()`` whose ``vae_loss`` reads ``z_mean``; held-out probe 22)."""
        for builder in ctx.tree.body:
            if not isinstance(builder, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            nested = [item for item in builder.body if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))]
            if not nested:
                continue
            names = compiled_functions(ctx)
            nested = [item for item in nested if item.name in names]
            tensors = _function_keras_tensors(ctx, builder) if nested else {}
            for item in nested if tensors else []:
                for each in _outer_reads(item, tensors):
                    yield self.finding(
                        ctx, each, where=f"{builder.name}.{item.name}", tensor=each.id, made=tensors[each.id],
                        runs=runs, effect=effect,
                        remedy=f"Add the term as a loss of a layer that takes `{each.id}` as an input (`add_loss`)",
                    )  # fmt: skip


def _read_in_closure(factory: ast.AST, parameter: str) -> bool:
    """Whether a function or lambda nested in ``factory`` reads its ``parameter`` for a value (not its shape)."""
    for inner in ast.walk(factory):
        if inner is not factory and isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            if any(read.id == parameter for read in _outer_reads(inner, {parameter: 0})):
                return True
    return False


def _calls_of(value: ast.expr, names: Set[str]) -> List[ast.Call]:
    """The calls of ``names`` a ``loss=``/``metrics=`` value makes: ``f(…)``, in a list, tuple or dict's values."""
    if isinstance(value, ast.Call):
        return [value] if isinstance(value.func, ast.Name) and value.func.id in names else []
    if isinstance(value, (ast.List, ast.Tuple)):
        return [call for item in value.elts for call in _calls_of(item, names)]
    if isinstance(value, ast.Dict):
        return [call for item in value.values for call in _calls_of(item, names)]
    return []


def _called_name(call: ast.Call) -> Optional[str]:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def _outer_reads(function: ast.AST, tensors: Dict[str, int]) -> List[ast.Name]:
    """The first read of each of the ``tensors`` in a function that does not bind the name itself, but those read only
    for what a KerasTensor knows without a value (``z_mean.shape``)."""
    arguments = function.args  # type: ignore[attr-defined]
    own = {argument.arg for argument in arguments.posonlyargs + arguments.args + arguments.kwonlyargs}
    own |= {each.id for each in ast.walk(function) if isinstance(each, ast.Name) and type(each.ctx) is not ast.Load}
    static = {id(part) for part in _static_reads(function)}
    reads = [
        each for each in ast.walk(function)
        if isinstance(each, ast.Name) and each.id in tensors and id(each) not in static and each.id not in own
    ]  # fmt: skip
    found: List[ast.Name] = []
    for each in sorted(reads, key=lambda read: (read.lineno, read.col_offset)):
        if all(each.id != other.id for other in found):
            found.append(each)
    return found


def _static_reads(function: ast.AST) -> Iterator[ast.expr]:
    """The names read only for what a KerasTensor knows without a value: ``t.shape``, ``t.dtype``, ``t.name``,
    ``K.int_shape(t)``."""
    for node in ast.walk(function):
        if isinstance(node, ast.Attribute) and node.attr in ("shape", "dtype", "name"):
            yield node.value
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, (ast.Name, ast.Attribute))
            and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id) == "int_shape"
        ):
            yield from node.args


def _module_keras_tensors(ctx: Context) -> Dict[str, int]:
    """The names the module's top level binds only to KerasTensors (``keras.Input(…)``, a layer called on one:
    ``Dense(2)(h)``), with the line of the first such binding."""
    key = ("KER330", "module tensors")
    if key not in ctx.memo:
        ctx.memo[key] = _tensors_bound(ctx, ctx.tree.body)
    return ctx.memo[key]


def _function_keras_tensors(ctx: Context, function: ast.AST) -> Dict[str, int]:
    """The names a function's own statements bind only to KerasTensors (a model built in a ``build_vae()``), bound
    once in it and no parameter of it."""
    found = _tensors_bound(ctx, function.body)  # type: ignore[attr-defined]
    if not found:
        return found
    arguments = function.args  # type: ignore[attr-defined]
    own = {argument.arg for argument in arguments.posonlyargs + arguments.args + arguments.kwonlyargs}
    stores: Dict[str, int] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            stores[node.id] = stores.get(node.id, 0) + 1
    return {name: line for name, line in found.items() if stores.get(name) == 1 and name not in own}


def _tensors_bound(ctx: Context, body: List[ast.stmt]) -> Dict[str, int]:
    """The names the statements bind only to KerasTensors, with the line of the first such binding."""
    from kerascheck.context import callee, is_layer_class  # here: only a module with custom layers asks

    classes = {klass.name: klass for klass in ctx.index.classes}
    found: Dict[str, int] = {}
    other = set()
    for statement in body:
        if not isinstance(statement, ast.Assign):
            continue
        names = [target.id for target in statement.targets if isinstance(target, ast.Name)]
        value = statement.value
        tensor = isinstance(value, ast.Call) and (
            _owner(ctx, callee, value) in INPUT_CALLABLES
            or (
                isinstance(value.func, ast.Call)
                and (
                    _owner(ctx, callee, value.func).startswith("layers.")
                    or (
                        isinstance(value.func.func, ast.Name)
                        and value.func.func.id in classes
                        and is_layer_class(ctx, classes[value.func.func.id])
                    )
                )
            )
        )
        for name in names if len(names) == len(statement.targets) else []:
            if tensor:
                found.setdefault(name, statement.lineno)
            else:
                other.add(name)
        if len(names) != len(statement.targets):
            other |= {
                each.id for target in statement.targets for each in ast.walk(target) if isinstance(each, ast.Name)
            }
    return {name: line for name, line in found.items() if name not in other}


def _owner(ctx: Context, callee, node: ast.Call) -> str:
    target = callee(ctx, node)
    return "" if target is None else target.owner
