"""KER115: Keras 2 backend functions that Keras 3 moved to ``keras.ops`` unchanged. KER311: ``K.function`` given
updates or ``Session.run`` keywords, which TF 2's eager mode refuses.

``K.square(x)`` fails on Keras 3 (``AttributeError``: its ``keras.backend`` keeps only a few
utilities); ``keras.ops.square(x)`` computes the same. The table (catalog ``OPS_REPLACEMENTS``) holds
only the functions whose result was checked against TensorFlow 2.15's on sample inputs.
"""

from __future__ import annotations

import ast
import re
from typing import Dict, Iterator, List, Optional, Tuple, Union

from kerascheck.catalog import api
from kerascheck.catalog.keras1_calls import (
    CROSSENTROPY_FUNCTIONS,
    OPS_BY_NAME,
    PREDICTION_NAMES,
    REGULARIZER_KEYWORDS,
    STATIC_SHAPE_MAKERS,
    TARGET_NAMES,
    TF_DTYPE_NAMES,
    VARIABLE_MAKERS,
    OpsReplacement,
)
from kerascheck.catalog.model import ONLY_KERAS3, ONLY_TF_KERAS, Target
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.names import KERAS
from kerascheck.record import Record
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid, graph_mode_at, shown_source
from kerascheck.rules.calls import callee, keras_imports_from
from kerascheck.rules.values import value_of

_OPS = "ops"
# The fixes that bind `ops` (the import) and use it (the calls) form one unit for the guards, which
# apply all of them or none: a "rename" from no use of `ops` to the new binding.
_NEW_NAME = ((_OPS, _OPS),)


BackendImport = Union[ast.ImportFrom, ast.Import]


def _ops_imported(statement: BackendImport) -> bool:
    return _OPS in {alias.asname or alias.name for alias in statement.names}


def _dtype_name(fact: OpsReplacement, node: ast.Call) -> Optional[ast.Constant]:
    """``K.cast``'s dtype when it is a TensorFlow name Keras 3 refuses."""
    if fact.old != "cast":
        return None
    dtype = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == "dtype"), None)
    return dtype if isinstance(dtype, ast.Constant) and dtype.value in TF_DTYPE_NAMES else None


def _binds(fact: OpsReplacement, node: ast.Call) -> bool:
    """Whether the call passes only what ops takes the same way."""
    if any(isinstance(arg, ast.Starred) for arg in node.args) or len(node.args) > fact.max_positional:
        return False
    names = {keyword.arg for keyword in node.keywords}
    if None in names or not names <= set(fact.keywords):
        return False
    return all(name in names for name in fact.required) or len(node.args) == fact.max_positional


def _backend_import(ctx: Context, root: str) -> Optional[BackendImport]:
    """``from keras import backend as K`` or ``import keras.backend as K`` (Keras 3's keras), the statement that
    binds ``root``."""
    for statement in keras_imports_from(ctx, ""):
        for alias in statement.names:
            if alias.name == "backend" and (alias.asname or alias.name) == root:
                return statement
    for node in ctx.index.imports:
        if isinstance(node, ast.Import) and any(
            alias.name == "keras.backend" and alias.asname == root for alias in node.names
        ):
            return node
    return None


def _calls(ctx: Context) -> List[ast.Call]:
    return [node for node in ctx.index.calls if (t := callee(ctx, node)) is not None and t.owner in OPS_BY_NAME]


class _Reported(Record):
    """A reported call ``K.square(x)``: what replaces the function, and the name of the backend (``K``)."""

    fact: OpsReplacement
    backend: str


def _reported(ctx: Context, node: ast.Call) -> Optional[_Reported]:
    target = callee(ctx, node)
    func = node.func
    if (
        target is None
        or target.owner not in OPS_BY_NAME
        or target.reference is None
        or target.reference.implementation != KERAS
        or not isinstance(func, ast.Attribute)
        or not isinstance(func.value, ast.Name)
    ):
        return None
    fact = OPS_BY_NAME[target.owner]
    return _Reported(fact, func.value.id) if _binds(fact, node) else None


def reported(ctx: Context, node: ast.Call) -> bool:
    """Standalone ``keras`` only: TensorFlow >= 2.16 serves ``tf.keras`` from ``keras/_tf_keras``, whose
    backend keeps these functions (as ``tf_keras`` does)."""
    return _reported(ctx, node) is not None


def _ops_available(ctx: Context, statement: BackendImport) -> bool:
    """Whether ``ops`` is imported beside ``backend``, or can be (no other ``ops`` in the module)."""
    if _OPS in {alias.asname or alias.name for alias in statement.names}:
        return True
    text = "".join(ctx.lines[: statement.lineno - 1]) + "".join(ctx.lines[statement.end_lineno :])
    return re.search(rf"\b{_OPS}\b", text) is None


def _edits(ctx: Context, node: ast.Call, call: _Reported) -> Tuple[Edit, ...]:
    """``K.square`` → ``ops.square`` (``ops`` is imported by a finding of its own, see check_module)."""
    statement = _backend_import(ctx, call.backend)
    if statement is None or not _ops_available(ctx, statement):
        return ()
    edits: Tuple[Edit, ...] = (Edit(*ctx.span(node.func), f"{_OPS}.{call.fact.new}"),)
    dtype = _dtype_name(call.fact, node)
    if dtype is not None:  # ``K.cast(x, "float")``: Keras 3 takes only the full name, which TF read it as
        quote = ctx.source_of(dtype)[-1]
        edits += (Edit(*ctx.span(dtype), f"{quote}{TF_DTYPE_NAMES[str(dtype.value)]}{quote}"),)
    return edits


class Keras3BackendFunction(Rule):
    """## What it does
    Finds calls of Keras 2 backend functions that Keras 3 has in `keras.ops` only, such as `K.square(x)`,
    `K.sum(x, axis=1)` or `K.concatenate([a, b], axis=-1)`.

    ## Why is this bad?
    Keras 3's `keras.backend` keeps only a few utilities: `K.square` raises `AttributeError`.

    ## Example
    ```python
    from keras import backend as K
    loss = K.mean(K.square(y_pred - y_true), axis=-1)
    ```

    ## Use instead
    ```python
    from keras import ops, backend as K
    loss = ops.mean(ops.square(y_pred - y_true), axis=-1)
    ```

    ## Fix safety
    Safe for the functions of the catalog's table when the call passes what `keras.ops` takes the same
    way (each checked against TensorFlow 2.15 on sample inputs), through `from keras import backend as K`.
    Functions whose Keras 2 default differs (`K.concatenate`'s axis -1, ops' 0) are fixed only when the
    call passes it; `K.shape`, `K.hard_sigmoid`, `K.dot`, `K.repeat` and the like mean something else in
    `keras.ops` and are only reported (KER111).
    """

    code = "KER115"
    name = "keras3-backend-function"
    catalog_tables = ("OPS_REPLACEMENTS",)
    message = "`{old}` is not in the backend of target {target}; `keras.ops.{new}` computes the same"
    fix_title = "Use `ops.{new}`"
    severity = Severity.ERROR
    fix_safety = FixSafety.SAFE
    targets = ONLY_KERAS3
    valid = (
        Valid("from keras import ops\ny = ops.square(x)\n", target=Target.KERAS3),
        Valid("from keras import backend as K\ny = K.concatenate([a, b])\nz = K.shape(x)\n", target=Target.KERAS3),
        Valid("from tensorflow.keras import backend as K\ny = K.square(x)\n", target=Target.KERAS3),
    )
    invalid = (
        Invalid(
            "from keras import ops, backend as K\ny = K.mean(K.square(x), axis=-1)\n"
            "z = K.concatenate([x, x], axis=-1)\n",
            at=((2, 4), (2, 11), (3, 4)),
            target=Target.KERAS3,
            fixed="from keras import ops, backend as K\ny = ops.mean(ops.square(x), axis=-1)\n"
            "z = ops.concatenate([x, x], axis=-1)\n",
        ),
        Invalid(  # TensorFlow's dtype name, which Keras 3 refuses: the one TF read it as (held-out probe 17)
            "from keras import ops, backend as K\ny = K.cast(x, 'float')\n",
            at=((2, 4),),
            target=Target.KERAS3,
            fixed="from keras import ops, backend as K\ny = ops.cast(x, 'float32')\n",
        ),
        Invalid(
            "import keras.backend as K\ny = K.mean(K.square(x), axis=-1)\n",
            at=((2, 4), (2, 11)),
            target=Target.KERAS3,
            fixed="import keras.backend as K, keras.ops as ops\ny = ops.mean(ops.square(x), axis=-1)\n",
        ),
    )  # fmt: skip

    owners = frozenset(OPS_BY_NAME)

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        call = _reported(ctx, node)
        if call is None:
            return
        edits = _edits(ctx, node, call)
        statement = _backend_import(ctx, call.backend)
        renames = _NEW_NAME if statement is not None and not _ops_imported(statement) else ()
        why = ""
        if statement is None:
            why = f"`{call.backend}` is not bound by an import of `keras.backend` the fix could add `{_OPS}` to"
        elif not edits:
            why = f"the module names something else `{_OPS}`, which the fix would shadow"
        elif renames and _ops_joined(ctx, statement) is None:  # every call's fix needs the import's
            edits, why = (), f"the import of `keras.backend` spans lines: import `{_OPS}` beside it"
        if edits and statement is not None and renames and _first_call(ctx).get(id(statement)) is node:
            # ``ops`` joins the import of ``backend`` with the first call fixed to it: the import line is
            # no finding of its own (one finding per problem, where the problem is)
            edits = (_ops_joined(ctx, statement),) + edits  # type: ignore[assignment]
        finding = self.finding(
            ctx,
            node,
            span=ctx.span(node.func),
            edits=edits,
            renames=renames,
            old=ctx.source_of(node.func),
            new=call.fact.new,
        )
        yield finding if edits else finding.unfixed(why)


def _ops_joined(ctx: Context, statement: BackendImport) -> Optional[Edit]:
    """The edit that imports ``ops`` with ``backend``: ``from keras import ops, backend as K``; ``import
    keras.backend as K, keras.ops as ops`` (a statement on one line)."""
    if isinstance(statement, ast.ImportFrom):
        line, col = ctx.imported_name_spans(statement)[0][:2]
        return Edit(line, col, line, col, f"{_OPS}, ")
    if statement.lineno != statement.end_lineno:
        return None
    line, _, _, end = ctx.span(statement)
    return Edit(line, end, line, end, f", keras.{_OPS} as {_OPS}")


def _first_call(ctx: Context) -> Dict[int, ast.Call]:
    """id(import of backend) -> the first reported call through it (in source order)."""
    key = "KER115 first calls"
    if key not in ctx.memo:
        first: Dict[int, ast.Call] = {}
        for node in sorted(_calls(ctx), key=lambda call: (call.lineno, call.col_offset)):
            call = _reported(ctx, node)
            if call is not None:
                statement = _backend_import(ctx, call.backend)
                if statement is not None:
                    first.setdefault(id(statement), node)
        ctx.memo[key] = first
    return ctx.memo[key]


class Keras1CrossentropyOrder(Rule):
    """## What it does
    Finds `K.binary_crossentropy(y_pred, y_true)` (and `categorical_crossentropy`,
    `sparse_categorical_crossentropy`, also as `keras.ops` functions): the prediction passed first, the order
    the backend took until Keras 2.0.6.

    ## Why is this bad?
    Keras 1.x and 2.0.0–2.0.6 declared `binary_crossentropy(output, target)`; Keras 2.0.7 swapped it to
    `(target, output)`, which tf.keras and Keras 3's `keras.ops` keep. A custom loss written for the old order
    still runs, with the two swapped: it computes another number and trains the model on it, silently.

    ## Example
    ```python
    from tensorflow.keras import backend as K

    def weighted_loss(y_true, y_pred):
        return 2.0 * K.binary_crossentropy(y_pred, y_true)
    ```

    ## Use instead
    ```python
    from tensorflow.keras import backend as K

    def weighted_loss(y_true, y_pred):
        return 2.0 * K.binary_crossentropy(y_true, y_pred)
    ```

    ## Fix safety
    Safe: the two arguments change places, and the call binds as before. Only calls that pass the names Keras's
    own losses use for them, a prediction (`y_pred`, `pred`, `predictions`, `output`) first and a target
    (`y_true`, `target`, `labels`) second, are reported: other names say nothing of what they hold.
    """

    code = "KER247"
    name = "keras1-crossentropy-order"
    catalog_tables = ()
    message = (
        "`{call}` passes the prediction first, the order of Keras <= 2.0.6 (`output, target`); on target {target} "
        "`{function}` takes `target, output`: the loss is silently computed with the two swapped"
    )
    fix_title = "Pass the target first: `{fixed}`"
    severity = Severity.ERROR
    fix_safety = FixSafety.SAFE
    valid = (
        Valid("from tensorflow.keras import backend as K\nloss = K.binary_crossentropy(y_true, y_pred)\n"),
        Valid("from tensorflow.keras import backend as K\nloss = K.binary_crossentropy(a, b)\n"),
        Valid(
            "from tensorflow.keras import backend as K\nloss = K.binary_crossentropy(output=y_pred, target=y_true)\n"
        ),
    )
    invalid = (
        Invalid(
            "from tensorflow.keras import backend as K\nloss = K.binary_crossentropy(y_pred, y_true)\n",
            at=((2, 7),),
            fixed="from tensorflow.keras import backend as K\nloss = K.binary_crossentropy(y_true, y_pred)\n",
        ),
        Invalid(
            "from keras import ops\nloss = ops.categorical_crossentropy(predictions, labels, from_logits=True)\n",
            at=((2, 7),),
            target=Target.KERAS3,
            fixed="from keras import ops\nloss = ops.categorical_crossentropy(labels, predictions, from_logits=True)\n",
        ),
    )

    owners = frozenset(f"{module}.{function}" for module in ("backend", "ops") for function in CROSSENTROPY_FUNCTIONS)

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner not in self.owners or len(node.args) < 2:
            return
        first, second = node.args[0], node.args[1]
        if not (
            isinstance(first, ast.Name)
            and first.id in PREDICTION_NAMES
            and isinstance(second, ast.Name)
            and second.id in TARGET_NAMES
        ):
            return
        edits = (Edit(*ctx.span(first), second.id), Edit(*ctx.span(second), first.id))
        rest = "".join(f", {ctx.source_of(arg)}" for arg in node.args[2:])
        rest += "".join(f", {ctx.source_of(keyword)}" for keyword in node.keywords)
        spelled = ctx.source_of(node.func)
        yield self.finding(
            ctx,
            node,
            span=ctx.span(node.func)[:2] + ctx.span(node)[2:],
            edits=edits,
            call=f"{spelled}({first.id}, {second.id}{rest})",
            function=target.owner,
            fixed=f"{spelled}({second.id}, {first.id}{rest})",
        )


class BackendVariableInGraph(Rule):
    """## What it does
    Finds `K.eye(n)`, `K.zeros((3,))`, `K.ones(…)`, `K.variable(…)` and the `random_*_variable` functions called in
    a function that tf.keras runs inside its training function: a regularizer (`kernel_regularizer=f`), or a loss or
    metric given to `compile`.

    ## Why is this bad?
    tf.keras's backend makes a `tf.Variable` with each of these calls (a static shape for `zeros`/`ones`). Keras 1
    and 2.x ran such functions once, to build a graph; tf.keras calls them inside a `tf.function` again and again,
    which refuses: `ValueError: tf.function only supports singleton tf.Variables created on the first call`.

    ## Example
    ```python
    def orthogonal(w):
        n = w.shape[-1]
        return 0.01 * K.sum(K.square(K.dot(K.transpose(w), w) - K.eye(n)))

    Dense(64, kernel_regularizer=orthogonal)
    ```

    ## Use instead
    ```python
    def orthogonal(w):
        n = w.shape[-1]
        return 0.01 * K.sum(K.square(K.dot(K.transpose(w), w) - tf.eye(n)))
    ```

    ## Fix safety
    None: the message names TensorFlow's function that makes the same values as a tensor.
    """

    code = "KER249"
    name = "backend-variable-in-graph"
    message = (
        "`{call}` makes a new `tf.Variable` each time it runs on target {target}, and `{function}` is {role}, which "
        "tf.keras runs inside its training `tf.function`: `ValueError: tf.function only supports singleton "
        "tf.Variables created on the first call`"
    )
    fix_title = "Make a tensor instead: `{tensor}`"
    severity = Severity.ERROR
    targets = ONLY_TF_KERAS
    valid = (
        Valid(
            "import tensorflow as tf\nfrom tensorflow.keras import backend as K\n\ndef reg(w):\n"
            "    return 0.01 * K.sum(K.square(w - tf.eye(3)))\n\ntf.keras.layers.Dense(3, kernel_regularizer=reg)\n"
        ),
        Valid(  # a symbolic shape: zeros makes a tensor
            "from tensorflow import keras\nfrom tensorflow.keras import backend as K\n\ndef loss(y_true, y_pred):\n"
            "    return K.mean(y_pred - y_true) + K.sum(K.zeros(K.shape(y_pred)))\n\nmodel.compile(loss=loss)\n"
        ),
        Valid(  # made once, outside
            "import tensorflow as tf\nfrom tensorflow.keras import backend as K\nI = K.eye(3)\n\ndef reg(w):\n"
            "    return K.sum(K.square(w - I))\n\ntf.keras.layers.Dense(3, kernel_regularizer=reg)\n"
        ),
    )
    invalid = (
        Invalid(
            "import tensorflow as tf\nfrom tensorflow.keras import backend as K\n\ndef reg(w):\n"
            "    return 0.01 * K.sum(K.square(w - K.eye(3)))\n\ntf.keras.layers.Dense(3, kernel_regularizer=reg)\n",
            at=((5, 37),),
        ),
        Invalid(
            "from tensorflow import keras\nfrom tensorflow.keras import backend as K\n\ndef weighted(weights):\n"
            "    def loss(y_true, y_pred):\n        return K.mean(y_pred - y_true) * K.ones((1,))\n    return loss\n\n"
            "model.compile(optimizer='adam', loss=weighted(2.0), metrics=[weighted(1.0)])\n",
            at=((6, 41),),
        ),
    )

    owners = frozenset(f"backend.{function}" for function in VARIABLE_MAKERS)

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner not in self.owners:
            return
        function = target.owner.rpartition(".")[2]
        if function in STATIC_SHAPE_MAKERS and not _static_shape(node):
            return  # a shape only known when run: a tensor
        inside = _graph_function_around(ctx, node)
        if inside is None:
            return
        definition, role = inside
        arguments = ", ".join(ctx.source_of(arg) for arg in node.args)
        yield self.finding(
            ctx,
            node,
            span=ctx.span(node),
            call=f"{ctx.source_of(node.func)}({arguments})" if not node.keywords else f"{ctx.source_of(node.func)}(…)",
            function=definition.name,
            role=role,
            tensor=f"tf.{VARIABLE_MAKERS[function]}(…)",
        )


def _static_shape(node: ast.Call) -> bool:
    """Whether ``K.zeros``/``K.ones`` get a shape of integers only (a tuple or list of them, or one)."""
    shape = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "shape"), None)
    items = shape.elts if isinstance(shape, (ast.Tuple, ast.List)) else [shape]
    return all(isinstance(item, ast.Constant) and type(item.value) is int for item in items)


def _graph_function_around(ctx: Context, node: ast.Call) -> Optional[Tuple[ast.FunctionDef, str]]:
    """The innermost function around the call, with what it is, when the module gives it to Keras as a regularizer,
    loss or metric."""
    used = _graph_functions(ctx)
    if not used:
        return None
    around = [
        each for each in ctx.nodes
        if isinstance(each, ast.FunctionDef) and each.lineno < node.lineno <= (each.end_lineno or each.lineno)
    ]  # fmt: skip
    if not around:
        return None
    innermost = max(around, key=lambda each: each.lineno)
    role = used.get(id(innermost))
    return (innermost, role) if role is not None else None


def _graph_functions(ctx: Context) -> Dict[int, str]:
    """id(def) -> what the module makes it: the functions given as a layer's regularizer, or as a loss or metric to
    ``compile`` (directly, or as what a function of the module returns: ``loss=weighted(2.0)``)."""
    key = ("KER249", "graph functions")
    if key not in ctx.memo:
        definitions = {each.name: each for each in ctx.nodes if isinstance(each, ast.FunctionDef)}
        found: Dict[int, str] = {}

        def mark(value: Optional[ast.expr], role: str) -> None:
            if isinstance(value, (ast.List, ast.Tuple)):
                for item in value.elts:
                    mark(item, role)
            elif isinstance(value, ast.Dict):
                for item in value.values:
                    mark(item, role)
            elif isinstance(value, ast.IfExp):
                mark(value.body, role)
                mark(value.orelse, role)
            elif isinstance(value, ast.Name) and value.id in definitions:
                found.setdefault(id(definitions[value.id]), role)
            elif isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in definitions:
                last = definitions[value.func.id].body[-1]  # ``return loss``: the inner function it makes
                if isinstance(last, ast.Return) and isinstance(last.value, ast.Name):
                    mark(last.value, role)

        for node in ctx.index.keyword_calls:
            for keyword in node.keywords:
                if keyword.arg in REGULARIZER_KEYWORDS:
                    mark(keyword.value, "a regularizer")
                elif keyword.arg in ("loss", "metrics") and isinstance(node.func, ast.Attribute):
                    if node.func.attr == "compile":
                        mark(keyword.value, "a loss" if keyword.arg == "loss" else "a metric")
        ctx.memo[key] = found
    return ctx.memo[key]


class EagerFunctionArguments(Rule):
    """## What it does
    Finds `K.function(…)` given updates to run (`updates=[K.update_add(step, 1)]`, or a third positional list)
    or keywords for TF 1's `Session.run` (`feed_dict=`, `options=`, `run_metadata=`): Keras 2's way to train or
    count from a backend function.

    ## Why is this bad?
    In TensorFlow 2's eager mode tf.keras builds the function as a model call, and refuses both:
    ValueError "`updates` argument is not supported during eager execution" and ValueError "Session keyword
    arguments are not supported during eager execution" (keras 2.15.0 `backend.function`, run on TF 2.15.1). An
    empty list or `None` is taken; a module that turns eager execution off runs them. Keras 3 has no
    `K.function` (KER111).

    ## Example
    ```python
    step = K.variable(0)
    f = K.function([model.input], [model.output], updates=[K.update_add(step, 1)])
    ```

    ## Use instead
    ```python
    f = K.function([model.input], [model.output])
    step.assign_add(1)  # after each call: eager updates run at once
    ```

    ## Fix safety
    None: where the updates run instead is the author's choice.
    """

    code = "KER311"
    name = "eager-function-arguments"
    message = "`{argument}` of `{function}` raises on target {target}: in TF 2's eager mode Keras refuses {what}"
    fix_title = "{remedy}"
    severity = Severity.ERROR
    targets = frozenset({Target.TF_KERAS})
    valid = (
        Valid(
            "from tensorflow.keras import backend as K\nf = K.function([x], [y], updates=[])\n"
            "g = K.function([x], [y], updates=None, name='g')\nh = K.function([x], [y], updates=model.updates)\n"
            "k = K.function([x], [y], **options)\n"
        ),
        Valid(
            "import tensorflow as tf\nfrom tensorflow.keras import backend as K\n"
            "tf.compat.v1.disable_eager_execution()\nf = K.function([x], [y], updates=[K.update_add(v, 1.0)])\n"
        ),
        Valid(  # the rest of the test runs only in graph mode (tf_keras's backend_test)
            "import tensorflow as tf\nfrom tensorflow.keras import backend as K\n\ndef test_updates(self):\n"
            "    if tf.executing_eagerly():\n        self.skipTest('eager functions take no updates')\n"
            "    f = K.function([x], [y], updates=[u])\n"
        ),
    )
    invalid = (
        Invalid(
            "from keras import backend as K\nstep = K.variable(0.0)\n"
            "f = K.function([x], [y], updates=[K.update_add(step, 1.0)])\n"
            "bumps = [K.update_add(step, 1.0)]\ng = K.function([x], [y], bumps)\n"
            "h = K.function([x], [y], feed_dict={})\n",
            at=((3, 25), (5, 25), (6, 25)),
        ),
    )

    owners = frozenset({"backend.function"})

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner != "backend.function" or graph_mode_at(ctx, node):
            return
        updates = next((item for item in node.keywords if item.arg == "updates"), None)
        given = updates.value if updates is not None else node.args[2] if len(node.args) > 2 else None
        if given is not None and _some_items(ctx, given):
            yield self.finding(
                ctx,
                updates if updates is not None else given,
                argument="updates=" if updates is not None else "updates",
                function=shown_source(ctx.source_of(node.func)),
                what='updates to run (ValueError: "`updates` argument is not supported during eager execution")',
                remedy="Drop the updates and apply them after each call of the function (eager assignments run "
                "at once), or train with `model.fit` or a `tf.GradientTape` step",
            )
        declared = api.callable_signature(ctx.target, "backend.function")  # any other keyword is Session.run's
        for keyword in node.keywords:
            if keyword.arg is not None and declared is not None and not declared.accepts_keyword(keyword.arg):
                yield self.finding(
                    ctx,
                    keyword,
                    argument=f"{keyword.arg}=",
                    function=shown_source(ctx.source_of(node.func)),
                    what='TF 1 `Session.run` keywords (ValueError: "Session keyword arguments are not supported '
                    'during eager execution")',
                    remedy=f"Drop `{keyword.arg}=`: an eager function takes its values as its inputs",
                )


def _some_items(ctx: Context, value: ast.expr) -> bool:
    """Whether the expression is certainly a list or tuple with items (written so, or a name bound once to one)."""
    value = value_of(ctx, value)
    return isinstance(value, (ast.List, ast.Tuple)) and any(not isinstance(item, ast.Starred) for item in value.elts)
