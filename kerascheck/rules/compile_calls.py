"""KER211, KER121, KER122: what `compile` is given and what a training step reads of it: loss and metric names
the target cannot interpret, `metrics_names` grouped by Keras 3, and the TensorFlow backend's shims of
`compiled_loss`/`compiled_metrics`. Each looks only at models the module shows (typed receivers)."""

from __future__ import annotations

import ast
import re
from functools import cache
from typing import TYPE_CHECKING, Dict, FrozenSet, Iterator, List, Optional, Set, Tuple

from kerascheck.catalog.metric_keys import (
    COMPILE_NAME_ERRORS,
    COMPILE_NAMES,
    COMPILED_LOSS,
    COMPILED_LOSS_PARAMETERS,
    COMPILED_METRICS,
    KERAS3_METRICS_NAMES_SHOWN,
    KERAS3_REDUCTION,
    METRICS_NAMES,
    OLD_REDUCTION,
    CompileName,
)
from kerascheck.catalog.model import ONLY_KERAS3, Target
from kerascheck.catalog.saving import LOADING_CALLS
from kerascheck.catalog.training import (
    CLASS_WEIGHT_STRING_ERRORS,
    PY_DATASET_KEYWORDS,
    SEQUENCE_CLASSES,
    VALIDATION_SPLIT_ERRORS,
)
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.names import TF_KERAS
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid, module_text, shown_source, string_replaced
from kerascheck.rules.calls import argument, callee
from kerascheck.rules.optimizers import super_init
from kerascheck.rules.values import value_of

if TYPE_CHECKING:
    from kerascheck.rules.objects import TypedUse


def typed_models(ctx: Context) -> List[TypedUse]:
    """The module's uses of names the rules on typed receivers read (see api_checks.interesting_names), on
    objects the module shows to be Keras models."""
    from kerascheck.rules.api_checks import interesting_names  # here: read only when a module may need it
    from kerascheck.rules.objects import MODEL_KINDS, typed_uses

    return [use for use in typed_uses(ctx, interesting_names(ctx.target)) if use.type.kind in MODEL_KINDS]


_MODEL = "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"


class UnknownCompileName(Rule):
    """## What it does
    Finds loss and metric names in `compile` (`loss=`, `metrics=[…]`, `weighted_metrics=`) that older
    Keras took and the target cannot interpret: `loss="logcosh"`, `"kullback_leibler_divergence"` and
    `"huber_loss"` on Keras 3, `loss="cosine_proximity"` on both, `metrics=["logcosh"]` or
    `metrics=["crossentropy"]` on Keras 3. Only `compile` of an object the module shows to be a Keras model.

    ## Why is this bad?
    `compile` accepts the name, and the first `fit` or `evaluate` raises: Keras 3 (3.15.1) `ValueError:
    Could not interpret loss identifier: logcosh` (`metric identifier` for a metric), tf.keras (TF 2.15)
    `ValueError: Unknown loss function: 'cosine_proximity'`. The same functions have other names there.

    ## Example
    ```python
    model.compile(optimizer="adam", loss="logcosh", metrics=["kullback_leibler_divergence"])
    ```

    ## Use instead
    ```python
    model.compile(optimizer="adam", loss="log_cosh", metrics=["kl_divergence"])
    ```

    ## Fix safety
    Safe for a loss: the new name is the same function (Keras 2.2's `cosine_proximity` computed what
    `cosine_similarity` does), and the logs call it `loss` either way. Unsafe for a metric: the logs and
    `history.history` hold it under its new name (`log_cosh_error`, `kl_divergence`), so what reads the old
    key must change too. None where no name is the same metric (`crossentropy`, `cosine_proximity`).
    """

    code = "KER211"
    name = "unknown-compile-name"
    catalog_tables = ("COMPILE_NAMES",)
    message = (
        "The {role} name `{old!r}` in `{keyword}=` is unknown on target {target}: `compile` takes it and the first "
        "`fit` raises `{error}`"
    )
    fix_title = "{instead}"
    severity = Severity.ERROR
    fix_safety = FixSafety.SOMETIMES
    valid = (
        Valid("import keras\nmodel = keras.Sequential()\nmodel.compile(loss='log_cosh', metrics=['kl_divergence'])\n"),
        Valid("import keras\nmodel = make()\nmodel.compile(loss='logcosh')\n", target=Target.KERAS3),  # untyped
        Valid(
            "from tensorflow import keras\nmodel = keras.Sequential()\n"
            "model.compile(loss='logcosh', metrics=['crossentropy'])\n"
        ),
        Valid("import keras\nloss = 'logcosh'\nprint(loss)\n", target=Target.KERAS3),
    )
    invalid = (
        Invalid(
            _MODEL + "model.compile(optimizer='adam', loss='logcosh')\n",
            at=((3, 37),),
            target=Target.KERAS3,
            fixed=_MODEL + "model.compile(optimizer='adam', loss='log_cosh')\n",
        ),
        Invalid(
            "from tensorflow import keras\nmodel = keras.models.Sequential()\n"
            'model.compile("sgd", "cosine_proximity", metrics=["mae"])\n',
            at=((3, 21),),
            fixed=(
                "from tensorflow import keras\nmodel = keras.models.Sequential()\n"
                'model.compile("sgd", "cosine_similarity", metrics=["mae"])\n'
            ),
        ),
        Invalid(
            _MODEL + "model.compile(loss='mse', metrics=['mae', 'crossentropy'])\n",
            at=((3, 42),),
            target=Target.KERAS3,
        ),
        Invalid(  # a name bound once to the literal: reported where it is passed, fixed by no one (probe 13, p07)
            _MODEL + "LOSS = 'logcosh'\nmodel.compile(optimizer='adam', loss=LOSS)\n",
            at=((4, 37),),
            target=Target.KERAS3,
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        known = _compile_names(ctx.target)
        text = module_text(ctx)
        if "compile" not in text or not any(name in text for name in _names(ctx.target)):  # the cheap tests first
            return
        if not _quoted_names(ctx.target).search(text):
            return
        for use in typed_models(ctx):
            if use.call is None or use.node.attr != "compile":
                continue
            named = [("loss", "loss", argument(use.call, 1, "loss"))]
            named += [("metric", k.arg, k.value) for k in use.call.keywords if k.arg in _METRIC_KEYWORDS]
            for role, keyword, value in named:
                for node in _names_in(value):
                    fact = known.get((role, str(node.value)))
                    if fact is not None:
                        yield self._finding(ctx, node, fact, str(keyword))
                for name, bound in _constants_in(ctx, value):  # ``loss=LOSS_NAME`` (held-out probe 13, p07)
                    fact = known.get((role, str(bound.value)))
                    if fact is not None:
                        finding = self._finding(ctx, name, fact, str(keyword))
                        yield finding.unfixed(
                            f"`{name.id}` is the name bound to {bound.value!r} at line {bound.lineno}: change it there "
                            "if nothing else reads it"
                        )

    def _finding(self, ctx: Context, node: ast.expr, fact: CompileName, keyword: str) -> Finding:
        error = COMPILE_NAME_ERRORS[(ctx.target, fact.role)].format(name=fact.old)
        if fact.new is None:
            return self.finding(
                ctx, node, keyword=keyword, old=fact.old, role=fact.role, error=error, instead=fact.advice
            )
        line, col, end_line, end_col = ctx.span(node)
        quote = ctx.lines[line - 1][col]
        simple = line == end_line and quote in "'\"" and end_col - col == len(fact.old) + 2
        edits = (Edit(line, col, end_line, end_col, f"{quote}{fact.new}{quote}"),) if simple else ()
        return self.finding(
            ctx, node, edits=edits, safe=fact.same, keyword=keyword, old=fact.old, role=fact.role, error=error,
            instead=f"Use `{fact.new!r}`, the same {fact.role}" + ("" if fact.same else ", logged under that name"),
        )  # fmt: skip


_METRIC_KEYWORDS = ("metrics", "weighted_metrics")


@cache
def _names(target: Target) -> FrozenSet[str]:
    return frozenset(old for _, old in _compile_names(target))


@cache
def _quoted_names(target: Target) -> re.Pattern[str]:
    """Any of the target's names in quotes: one pass over a module's text (after :func:`_names` are found in it:
    a pass that starts at every quote costs more than a search for each name)."""
    return re.compile("['\"](?:" + "|".join(map(re.escape, sorted(_names(target)))) + ")['\"]")


@cache
def _compile_names(target: Target) -> Dict[Tuple[str, str], CompileName]:
    return {(fact.role, fact.old): fact for fact in COMPILE_NAMES if target in fact.targets}


def _constants_in(ctx: Context, node: Optional[ast.expr]) -> List[Tuple[ast.Name, ast.Constant]]:
    """The names a ``loss=`` or ``metrics=`` argument spells where :func:`_names_in` finds literals, each bound once
    to a string literal in the module (``LOSS_NAME = "logcosh"``), with that literal."""
    if node is None:
        return []
    if isinstance(node, ast.Dict):
        items = [value for value in node.values if value is not None]
    elif isinstance(node, (ast.List, ast.Tuple)):
        items = list(node.elts)
    else:
        items = [node]
    found: List[Tuple[ast.Name, ast.Constant]] = []
    for item in items:
        for each in item.elts if isinstance(item, (ast.List, ast.Tuple)) else [item]:
            if isinstance(each, ast.Name):
                bound = value_of(ctx, each)
                if isinstance(bound, ast.Constant) and isinstance(bound.value, str):
                    found.append((each, bound))
    return found


def _names_in(node: Optional[ast.expr]) -> List[ast.Constant]:
    """The string literals a ``loss=`` or ``metrics=`` argument spells: alone, in a list or tuple, as a
    dict's values (per output), one level deep."""
    if node is None:
        return []
    if isinstance(node, ast.Dict):
        items = [value for value in node.values if value is not None]
    elif isinstance(node, (ast.List, ast.Tuple)):
        items = list(node.elts)
    else:
        items = [node]
    found: List[ast.Constant] = []
    for item in items:
        inner = item.elts if isinstance(item, (ast.List, ast.Tuple)) else [item]
        found += [each for each in inner if isinstance(each, ast.Constant) and isinstance(each.value, str)]
    return found


class SingleCompileMetric(Rule):
    """## What it does
    Finds one metric given to `compile` on Keras 3 where a list belongs: `metrics="accuracy"`,
    `metrics=tf.metrics.BinaryAccuracy(threshold=0.0)` (the TensorFlow text classification tutorial's), and the same
    for `weighted_metrics=`. Only `compile` of an object the module shows to be a Keras model.

    ## Why is this bad?
    tf.keras took a single metric and wrapped it in a list (run on TF 2.15.1: the logs have `binary_accuracy`). Keras
    3 (3.15.1) raises `ValueError: Expected `metrics` argument to be a list, tuple, or dict` in `compile`.

    ## Example
    ```python
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics="accuracy")
    ```

    ## Use instead
    ```python
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    ```

    ## Fix safety
    Safe: in a list the metric is the one tf.keras compiled, under the same name, on both targets.
    """

    code = "KER257"
    name = "single-compile-metric"
    message = (
        "`{keyword}={shown}` gives `compile` one metric, not a list: target {target} (Keras {keras3_checked}) raises "
        '`ValueError` ("Expected `{keyword}` argument to be a list, tuple, or dict"); tf.keras wrapped it in a list'
    )
    fix_title = "Use `{keyword}=[{shown}]`"
    severity = Severity.ERROR
    fix_safety = FixSafety.SAFE
    targets = ONLY_KERAS3
    valid = (
        Valid(_MODEL + "model.compile(loss='mse', metrics=['mae'], weighted_metrics=('mse',))\n", target=Target.KERAS3),
        Valid(_MODEL + "model.compile(loss='mse', metrics={'dense': 'mae'})\nmodel.compile(loss='mse', metrics=None)\n",
              target=Target.KERAS3),
        Valid("import keras\nmodel.compile(loss='mse', metrics='mae')\n", target=Target.KERAS3),  # untyped receiver
        Valid(_MODEL + "model.compile(loss='mse', metrics=METRICS)\n", target=Target.KERAS3),  # unknown value
    )  # fmt: skip
    invalid = (
        Invalid(
            _MODEL + "model.compile(loss='mse', metrics='mae')\n",
            at=((3, 34),),
            target=Target.KERAS3,
            fixed=_MODEL + "model.compile(loss='mse', metrics=['mae'])\n",
        ),
        Invalid(
            _MODEL + "accuracy = keras.metrics.BinaryAccuracy(threshold=0.0)\n"
            "model.compile(loss='mse', weighted_metrics=accuracy)\n",
            at=((4, 43),),
            target=Target.KERAS3,
            fixed=_MODEL + "accuracy = keras.metrics.BinaryAccuracy(threshold=0.0)\n"
            "model.compile(loss='mse', weighted_metrics=[accuracy])\n",
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if "metrics=" not in text or "compile" not in text:
            return
        for use in typed_models(ctx):
            if use.call is None or use.node.attr != "compile":
                continue
            for keyword in use.call.keywords:
                if keyword.arg in _METRIC_KEYWORDS and _one_metric(ctx, keyword.value):
                    shown = ctx.source_of(keyword.value)
                    line, col, end_line, end_col = ctx.span(keyword.value)
                    edits = (Edit(line, col, end_line, end_col, f"[{shown}]"),)
                    yield self.finding(
                        ctx, keyword.value, edits=edits, keyword=keyword.arg, shown=shown if len(shown) <= 50 else "…"
                    )


def _one_metric(ctx: Context, value: ast.expr) -> bool:
    """Whether a metric argument is certainly one metric: a string, a Keras metric object or function (``metrics.
    BinaryAccuracy(…)``, ``metrics.mae``), or a name bound once to one of those."""
    node = value_of(ctx, value)
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.Call):
        node = node.func
    if not isinstance(node, (ast.Name, ast.Attribute)):
        return False
    canonical = ctx.canonical(node) or ""
    if canonical.startswith("tf.metrics."):  # ``tf.metrics.BinaryAccuracy``: TensorFlow 2's alias of tf.keras.metrics
        from kerascheck.catalog import api  # here: kerascheck starts without the API tables

        return api.callable_signature(ctx.target, canonical[len("tf.") :]) is not None
    return canonical.startswith("metrics.") and canonical.count(".") == 1


class GroupedMetricsNames(Rule):
    """## What it does
    Finds `model.metrics_names` read on Keras 3 from a model the module compiles with `metrics=`, or from a model it
    loads (`load_model`) when it reads a name per metric there (`metrics_names[1]`, `.index(…)`, `zip(…)`).

    ## Why is this bad?
    Keras 3 (3.15.1) lists the loss and one `compile_metrics` entry for every compiled metric:
    `['loss', 'compile_metrics']`, where Keras 2 and tf.keras listed each metric (`['loss', 'accuracy',
    'mse']`). `evaluate` still returns a value per metric, so `zip(model.metrics_names, scores)` pairs the
    wrong names and drops values, and `metrics_names.index('accuracy')` raises `ValueError`.

    ## Example
    ```python
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    scores = model.evaluate(x, y)
    print(dict(zip(model.metrics_names, scores)))
    ```

    ## Use instead
    ```python
    scores = model.evaluate(x, y, return_dict=True)
    print(scores)
    ```

    ## Fix safety
    No fix: what replaces the names depends on how the program uses them (`evaluate(…, return_dict=True)`,
    or the names given to `compile`).
    """

    code = "KER121"
    name = "grouped-metrics-names"
    message = (
        "`{receiver}.metrics_names` is `{names} on target {target} (Keras {keras3_checked}) for a model {made}: one "
        "name for all the compiled metrics, while `evaluate` returns a value for each"
    )
    fix_title = "Use `evaluate(…, return_dict=True)`, a value per metric name, or the names given to `compile`"
    severity = Severity.WARNING
    targets = ONLY_KERAS3
    valid = (
        Valid(
            "import keras\nmodel = keras.Sequential()\nmodel.compile(loss='mse')\nprint(model.metrics_names)\n",
            target=Target.KERAS3,
        ),
        Valid(
            "import keras\nmodel.compile(loss='mse', metrics=['mae'])\nprint(model.metrics_names)\n",  # untyped
            target=Target.KERAS3,
        ),
        Valid(
            "import keras\nmodel = keras.Sequential()\nmodel.compile(loss='mse', metrics=[])\n"
            "other = keras.Sequential()\nother.compile(loss='mse', metrics=None)\nprint(model.metrics_names)\n",
            target=Target.KERAS3,
        ),
        Valid(  # a loaded model's first name is the loss on every Keras
            "import keras\nmodel = keras.models.load_model('m.keras')\nprint(model.metrics_names[0])\n",
            target=Target.KERAS3,
        ),
    )
    invalid = (
        Invalid(
            "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.compile(loss='mse', metrics=['mae'])\nposition = model.metrics_names.index('mae')\n",
            at=((4, 11),),
            target=Target.KERAS3,
        ),
        Invalid(
            "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.compile('adam', 'mse', metrics=['mae', 'mse'])\nlast = model.metrics_names[2]\n",
            at=((4, 7),),
            target=Target.KERAS3,
        ),
        Invalid(  # a loaded model keeps the metrics it was compiled with (Keras 3.15.1, .keras and .h5 alike)
            "import keras\nbase = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "base.compile(loss='mse', metrics=['mae'])\nbase.save('m.keras')\n"
            "model = keras.models.load_model('m.keras')\nposition = model.metrics_names.index('mae')\n",
            at=((6, 11),),
            target=Target.KERAS3,
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if f".{METRICS_NAMES}" not in text or ("metrics=" not in text and "load_model" not in text):
            return
        uses = typed_models(ctx)
        # the receiver as written -> the first line compiling it with metrics (None: one compile without)
        compiled: Dict[str, Optional[int]] = {}
        for use in uses:
            if use.call is not None and use.node.attr == "compile":
                receiver = ctx.source_of(use.node.value)
                line = use.call.lineno if _compiles_metrics(use.call) else None
                compiled[receiver] = line if compiled.get(receiver, line) is not None else None
        lines = [line for line in compiled.values() if line is not None]
        for use in uses:
            if use.node.attr != METRICS_NAMES or use.assigned:
                continue
            receiver = ctx.source_of(use.node.value)
            # the model compiled under that name; ``self`` (a model class) when every compile passes metrics
            line = compiled.get(receiver) if receiver in compiled else None
            if line is None and receiver == "self" and lines and len(lines) == len(compiled):
                line = min(lines)
            if line is not None:
                made = f"compiled with `metrics=` (line {line})"
            elif receiver in compiled:
                continue  # compiled here without metrics
            else:
                loaded = _loaded_at(ctx, use.node.value)
                if loaded is None or not _read_per_metric(ctx, use.node):
                    continue
                made = f"loaded (line {loaded}) with the metrics it was compiled with"
            yield self.finding(
                ctx, use.node, receiver=shown_source(receiver), names=KERAS3_METRICS_NAMES_SHOWN, made=made
            )


def _loaded_at(ctx: Context, receiver: ast.expr) -> Optional[int]:
    """The line of ``load_model(…)`` when the receiver is a name bound once to what it returns, or None."""
    made = value_of(ctx, receiver)
    if made is receiver or not isinstance(made, ast.Call) or not isinstance(made.func, (ast.Name, ast.Attribute)):
        return None
    uncompiled = any(
        keyword.arg == "compile" and isinstance(keyword.value, ast.Constant) and not keyword.value.value
        for keyword in made.keywords
    )  # `load_model(path, compile=False)`: no metrics, `[]` on every Keras (run on Keras 3.15.1)
    return made.lineno if ctx.canonical(made.func) in LOADING_CALLS and not uncompiled else None


def _asks_for_loss(ctx: Context, index: ast.Attribute) -> bool:
    """``metrics_names.index("loss")``: the first name on every Keras."""
    return any(
        isinstance(node, ast.Call)
        and node.func is index
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Constant)
        and node.args[0].value == "loss"
        for node in ctx.nodes
    )


def _read_per_metric(ctx: Context, names: ast.Attribute) -> bool:
    """Whether ``model.metrics_names`` is read as a name per compiled metric: ``[1]`` (or further), ``.index(…)``,
    or paired with values in ``zip(…)``. A loaded model without compiled metrics lists only ``loss`` on every Keras,
    and code reading just that is right everywhere."""
    for node in ctx.nodes:
        if isinstance(node, ast.Subscript) and node.value is names:
            index = node.slice
            return not (isinstance(index, ast.Constant) and type(index.value) is int and index.value == 0)
        if isinstance(node, ast.Attribute) and node.value is names:
            return node.attr == "index" and not _asks_for_loss(ctx, node)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "zip":
            if any(argument is names for argument in node.args):
                return True
    return False


def _compiles_metrics(call: ast.Call) -> bool:
    """Whether ``compile(…)`` passes metrics (a literal ``None`` or empty list passes none)."""
    for keyword in call.keywords:
        if keyword.arg in _METRIC_KEYWORDS:
            value = keyword.value
            empty = isinstance(value, (ast.List, ast.Tuple, ast.Dict)) and not (
                value.keys if isinstance(value, ast.Dict) else value.elts
            )
            if not (empty or (isinstance(value, ast.Constant) and value.value is None)):
                return True
    return False


class CompiledLossShim(Rule):
    """## What it does
    Finds `self.compiled_loss(…)` and `self.compiled_metrics` (in a custom `train_step` or `test_step`) and
    the same on any model the module shows, on Keras 3.

    ## Why is this bad?
    Keras 3 (3.15.1) keeps them only in its TensorFlow backend, as deprecated shims that warn at every step
    (`` `model.compiled_loss()` is deprecated ``); on the JAX, PyTorch and NumPy backends the model has no
    such attribute (`AttributeError`). `compute_loss` is the method every backend has; `compiled_loss`
    only calls it.

    ## Example
    ```python
    loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)
    self.compiled_metrics.update_state(y, y_pred)
    ```

    ## Use instead
    ```python
    loss = self.compute_loss(y=y, y_pred=y_pred)
    for metric in self.metrics:
        metric.update_state(y, y_pred) if metric.name != "loss" else metric.update_state(loss)
    ```

    ## Fix safety
    Safe for `compiled_loss(y, y_pred[, sample_weight])`: it becomes the `compute_loss` call the shim makes
    (`regularization_losses=` is dropped, as the shim ignores it: `compute_loss` adds the model's losses).
    None for `compiled_metrics`: the loss tracker among `self.metrics` takes the loss, not `(y, y_pred)`.
    """

    code = "KER122"
    name = "compiled-loss-shim"
    message = (
        "`{receiver}.{attribute}` is a deprecated shim of Keras 3's TensorFlow backend (a warning at every step) and "
        "raises AttributeError on its JAX, PyTorch and NumPy backends (target {target}, Keras {keras3_checked})"
    )
    fix_title = "{remedy}"
    severity = Severity.WARNING
    fix_safety = FixSafety.SOMETIMES
    targets = ONLY_KERAS3
    valid = (
        Valid(
            "import keras\nclass M(keras.Model):\n    def train_step(self, data):\n        x, y = data\n"
            "        return self.compute_loss(y=y, y_pred=self(x))\n",
            target=Target.KERAS3,
        ),
        Valid("import keras\ndef step(model, y, p):\n    return model.compiled_loss(y, p)\n", target=Target.KERAS3),
    )
    invalid = (
        Invalid(
            "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.compile(loss='mse')\ny, y_pred = keras.ops.zeros((2, 1)), keras.ops.ones((2, 1))\n"
            "loss = model.compiled_loss(y, y_pred, regularization_losses=model.losses)\n",
            at=((5, 7),),
            target=Target.KERAS3,
            fixed=(
                "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
                "model.compile(loss='mse')\ny, y_pred = keras.ops.zeros((2, 1)), keras.ops.ones((2, 1))\n"
                "loss = model.compute_loss(y=y, y_pred=y_pred)\n"
            ),
        ),
        Invalid(
            "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.compile(loss='mse', metrics=['mae'])\ny, y_pred = keras.ops.zeros((2, 1)), keras.ops.ones((2, 1))\n"
            "model.compiled_metrics.update_state(y, y_pred)\n",
            at=((5, 0),),
            target=Target.KERAS3,
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if f".{COMPILED_LOSS}" not in text and f".{COMPILED_METRICS}" not in text:
            return
        for use in typed_models(ctx):
            name = use.node.attr
            if name not in (COMPILED_LOSS, COMPILED_METRICS) or use.assigned:
                continue
            receiver = ctx.source_of(use.node.value)
            shown = shown_source(receiver)
            if name == COMPILED_METRICS:
                remedy = f"Update each of `{shown}.metrics` (the loss tracker takes the loss)"
                yield self.finding(ctx, use.node, receiver=shown, attribute=name, remedy=remedy)
                continue
            new = _compute_loss_call(ctx, use.call, receiver) if use.call is not None else None
            span = ctx.span(use.call) if new is not None and use.call is not None else ctx.span(use.node)
            edits = (Edit(*span, new),) if new is not None else ()
            remedy = f"Use `{shown}.compute_loss(y=…, y_pred=…, sample_weight=…)`, the call the shim makes"
            yield self.finding(
                ctx, use.node, span=ctx.span(use.node), edits=edits, receiver=shown, attribute=f"{name}(…)",
                remedy=remedy,
            )  # fmt: skip


def _compute_loss_call(ctx: Context, call: ast.Call, receiver: str) -> Optional[str]:
    """``receiver.compute_loss(y=…, y_pred=…[, sample_weight=…])`` for a ``compiled_loss`` call whose
    arguments bind as the shim's parameters; None for any other (``*args``, an unknown keyword, …)."""
    if any(isinstance(arg, ast.Starred) for arg in call.args) or len(call.args) > len(COMPILED_LOSS_PARAMETERS):
        return None
    bound: Dict[str, ast.expr] = dict(zip(COMPILED_LOSS_PARAMETERS, call.args))
    for keyword in call.keywords:
        if keyword.arg is None or keyword.arg not in COMPILED_LOSS_PARAMETERS or keyword.arg in bound:
            return None
        bound[keyword.arg] = keyword.value
    if "y" not in bound or "y_pred" not in bound:
        return None
    passed = [f"{name}={ctx.source_of(bound[name])}" for name in ("y", "y_pred", "sample_weight") if name in bound]
    if any("\n" in each for each in passed):
        return None
    return f"{receiver}.compute_loss({', '.join(passed)})"


class LossReductionAuto(Rule):
    """## What it does
    Finds `reduction="auto"` given to a Keras loss class (`MeanSquaredError(reduction="auto")`) on Keras 3.

    ## Why is this bad?
    tf.keras's `Reduction.AUTO` (`"auto"`) meant a sum over the batch size wherever a model computes the
    loss. Keras 3 (3.15.1) has no such value and raises `ValueError: Invalid value for argument
    `reduction`` when the loss is made; its default, `"sum_over_batch_size"`, is what `"auto"` was.

    ## Example
    ```python
    loss = keras.losses.CategoricalCrossentropy(from_logits=True, reduction="auto")
    ```

    ## Use instead
    ```python
    loss = keras.losses.CategoricalCrossentropy(from_logits=True, reduction="sum_over_batch_size")
    ```

    ## Fix safety
    Safe: the same reduction in `fit`, `evaluate` and `compute_loss`.
    """

    code = "KER213"
    name = "loss-reduction-auto"
    fix_safety = FixSafety.SAFE
    message = (
        "`reduction={value}` of `{callable}`: target {target} (Keras {keras3_checked}) has no such reduction and "
        'raises `ValueError` ("Invalid value for argument `reduction`")'
    )
    fix_title = "Use `reduction='sum_over_batch_size'`, what `'auto'` was for a model's loss"
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    valid = (
        Valid("import keras\nloss = keras.losses.MeanSquaredError(reduction='sum_over_batch_size')\n",
              target=Target.KERAS3),
        Valid("from tensorflow import keras\nloss = keras.losses.MeanSquaredError(reduction='auto')\n"),
    )  # fmt: skip
    invalid = (
        Invalid(
            "import keras\nloss = keras.losses.MeanSquaredError(reduction='auto')\n",
            at=((2, 47),),
            target=Target.KERAS3,
            fixed="import keras\nloss = keras.losses.MeanSquaredError(reduction='sum_over_batch_size')\n",
        ),
        Invalid(
            "from keras.losses import CategoricalCrossentropy\n"
            'loss = CategoricalCrossentropy(from_logits=True, reduction="auto")\n',
            at=((2, 59),),
            target=Target.KERAS3,
            fixed="from keras.losses import CategoricalCrossentropy\n"
            'loss = CategoricalCrossentropy(from_logits=True, reduction="sum_over_batch_size")\n',
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if "reduction" not in text or (OLD_REDUCTION not in text and _AUTO not in text):
            return
        for node in ctx.index.calls:
            value = next((item.value for item in node.keywords if item.arg == "reduction"), None)
            if value is None or not _auto_reduction(ctx, value):
                continue
            target = callee(ctx, node)
            if target is None or not _loss_class(target.owner):
                continue
            yield self._finding(ctx, value, target.display)
        for klass in ctx.index.classes:  # ``super().__init__(reduction=reduction)`` of a loss class of the module's
            call = (
                super_init(ctx, klass) if any(_loss_class(ctx.canonical(base) or "") for base in klass.bases) else None
            )
            value = None if call is None else next((k.value for k in call.keywords if k.arg == "reduction"), None)
            if value is None:
                continue
            if isinstance(value, ast.Name):  # ``def __init__(self, reduction=Reduction.AUTO)``: the default
                value = _default_of(klass, value.id)
            if value is not None and _auto_reduction(ctx, value):
                yield self._finding(ctx, value, f"{klass.name}.__init__")

    def _finding(self, ctx: Context, value: ast.expr, shown: str) -> Finding:
        if isinstance(value, ast.Constant):
            edits = string_replaced(ctx, value, KERAS3_REDUCTION)
        else:
            edits = (Edit(*ctx.span(value), repr(KERAS3_REDUCTION)),)
        spelled = (
            repr(OLD_REDUCTION) if isinstance(value, ast.Constant) else f"{ctx.source_of(value)}`, that is `'auto'"
        )
        return self.finding(ctx, value, edits=edits, value=spelled, callable=shown)


_AUTO = "Reduction.AUTO"


def _loss_class(owner: str) -> bool:
    return owner.startswith("losses.") and owner[7:8].isupper() and owner.count(".") == 1


def _auto_reduction(ctx: Context, value: ast.expr) -> bool:
    """``"auto"``, or tf.keras's ``losses.Reduction.AUTO`` (which TF >= 2.16's tf.keras, Keras 3's ``_tf_keras``,
    still has, as `"auto"`; standalone Keras 3 has no ``Reduction``: KER111)."""
    if isinstance(value, ast.Constant):
        return value.value == OLD_REDUCTION
    if not isinstance(value, ast.Attribute) or ctx.canonical(value) != "losses.Reduction.AUTO":
        return False
    reference = ctx.reference(value)
    return reference is not None and reference.implementation == TF_KERAS


def _default_of(klass: ast.ClassDef, name: str) -> Optional[ast.expr]:
    """The default of parameter ``name`` of the class's ``__init__``, or None."""
    for item in klass.body:
        if isinstance(item, ast.FunctionDef) and item.name == "__init__":
            arguments = item.args
            positional = arguments.posonlyargs + arguments.args
            defaults = dict(
                zip([a.arg for a in positional[len(positional) - len(arguments.defaults) :]], arguments.defaults)
            )
            defaults.update((a.arg, d) for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults) if d is not None)
            return defaults.get(name)
    return None


_FITS = ("fit", "fit_generator")


class ClassWeightString(Rule):
    """## What it does
    Finds `fit(…, class_weight="auto")` (or any string) on an object the module shows to be a Keras model.

    ## Why is this bad?
    Keras 1 and 2.2 weighted the classes only for a dict and silently ignored anything else, so
    `class_weight="auto"` (scikit-learn's habit) trained unweighted. tf.keras (TF 2.15.1) and Keras 3 (3.15.1)
    raise `AttributeError` as `fit` starts.

    ## Example
    ```python
    model.fit(x, y, class_weight="auto")
    ```

    ## Use instead
    ```python
    model.fit(x, y)  # or class_weight={0: 1.0, 1: 4.0}
    ```

    ## Fix safety
    Safe: deleting the argument trains as the old Keras did, unweighted.
    """

    code = "KER214"
    name = "class-weight-string"
    message = "`class_weight={value!r}` of `{call}`: target {target} raises `{error}`; Keras 2.2 ignored it"
    fix_title = "Remove it (Keras 2.2 trained unweighted), or pass a dict of class weights"
    severity = Severity.ERROR
    fix_safety = FixSafety.SAFE
    valid = (
        Valid(_MODEL + "model.fit(x, y, class_weight={0: 1.0, 1: 2.0})\n"),
        Valid("import keras\ndef train(model):\n    model.fit(x, y, class_weight='auto')\n"),
    )
    invalid = (
        Invalid(
            _MODEL + "model.fit(x, y, epochs=2, class_weight='auto')\n",
            at=((3, 26),),
            fixed=_MODEL + "model.fit(x, y, epochs=2)\n",
        ),
        Invalid(
            "from keras.models import load_model\nmodel = load_model('m.h5')\n"
            "model.fit_generator(batches, class_weight='balanced', epochs=3)\n",
            at=((3, 29),),
            target=Target.KERAS3,
            fixed="from keras.models import load_model\nmodel = load_model('m.h5')\n"
            "model.fit_generator(batches, epochs=3)\n",
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        if "class_weight" not in module_text(ctx):
            return
        from kerascheck.rules.api_checks import keyword_deletion  # here: read only when a module may need it

        for use in typed_models(ctx):
            if use.call is None or use.node.attr not in _FITS:
                continue
            for keyword in use.call.keywords:
                value = keyword.value
                if keyword.arg == "class_weight" and isinstance(value, ast.Constant) and isinstance(value.value, str):
                    yield self.finding(
                        ctx, keyword, span=ctx.span(keyword), edits=keyword_deletion(ctx, use.call, keyword),
                        value=value.value, call=f"{use.node.attr}(…)", error=CLASS_WEIGHT_STRING_ERRORS[ctx.target],
                    )  # fmt: skip


class ValidationSplitWithSequence(Rule):
    """## What it does
    Finds `fit(batches, validation_split=…)` on a Keras model, where `batches` is an instance of a class of the
    module that derives from `keras.utils.Sequence` (or `PyDataset`).

    ## Why is this bad?
    `validation_split` slices arrays. tf.keras (TF 2.15.1) and Keras 3 (3.15.1) raise `ValueError` for
    anything else before training starts: a Sequence cannot be split.

    ## Example
    ```python
    model.fit(TrainBatches(paths), epochs=10, validation_split=0.2)
    ```

    ## Use instead
    ```python
    model.fit(TrainBatches(train_paths), epochs=10, validation_data=TrainBatches(validation_paths))
    ```

    ## Fix safety
    None: which samples validate is the program's choice.
    """

    code = "KER215"
    name = "validation-split-with-sequence"
    message = (
        "`{call}(…, validation_split=…)` on `{batches}`, a `keras.utils.Sequence`: target {target} raises "
        "`ValueError` ({error})"
    )
    fix_title = "Pass `validation_data=` a Sequence of its own instead"
    severity = Severity.ERROR
    _GEN = (
        "import numpy as np\nimport keras\nclass Batches(keras.utils.Sequence):\n    def __len__(self):\n"
        "        return 4\n    def __getitem__(self, i):\n        return np.ones((8, 3)), np.ones((8, 1))\n"
        "model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
    )
    valid = (
        Valid(_GEN + "model.fit(Batches(), validation_data=Batches())\n"),
        Valid(_GEN + "model.fit(np.ones((8, 3)), np.ones((8, 1)), validation_split=0.25)\n"),
        Valid(_GEN + "def train(net):\n    net.fit(Batches(), validation_split=0.2)\n"),
    )
    invalid = (
        Invalid(_GEN + "model.fit(Batches(), epochs=2, validation_split=0.25)\n", at=((9, 31),)),
        Invalid(_GEN.replace("import keras", "from tensorflow import keras") + "train = Batches()\n"
                "model.fit(train, validation_split=0.1)\n", at=((10, 17),)),
    )  # fmt: skip

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        if "validation_split" not in module_text(ctx):
            return
        sequences = _sequence_classes(ctx)
        if not sequences:
            return
        for use in typed_models(ctx):
            if use.call is None or use.node.attr not in _FITS:
                continue
            keyword = next((each for each in use.call.keywords if each.arg == "validation_split"), None)
            batches = argument(use.call, 0, "x")
            if keyword is None or batches is None or _literal_none(keyword.value):
                continue
            made = value_of(ctx, batches)
            if isinstance(made, ast.Call) and isinstance(made.func, ast.Name) and made.func.id in sequences:
                shown = shown_source(ctx.source_of(batches))
                yield self.finding(
                    ctx, keyword, span=ctx.span(keyword), call=use.node.attr, batches=shown,
                    error=VALIDATION_SPLIT_ERRORS[ctx.target],
                )  # fmt: skip


def _literal_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value in (None, 0, 0.0)


def _sequence_classes(ctx: Context) -> FrozenSet[str]:
    """The module's top-level classes that derive from ``keras.utils.Sequence`` (or ``PyDataset``), directly or
    through other such classes of the module."""
    top = [node for node in ctx.index.classes if ctx.index.scope_of.get(id(node)) is ctx.index.module_scope]
    found: Set[str] = set()
    grown = True
    while grown:
        grown = False
        for node in top:
            if node.name not in found and any(
                (isinstance(base, ast.Name) and base.id in found) or ctx.canonical(base) in SEQUENCE_CLASSES
                for base in node.bases
            ):
                found.add(node.name)
                grown = True
    names = [node.name for node in top]
    return frozenset(name for name in found if names.count(name) == 1)  # one class of that name


_LAYERS = frozenset({"layers"})


class LayersListPop(Rule):
    """## What it does
    Finds `model.layers.pop()` on an object the module shows to be a Keras model: the Keras 2.2 way to drop
    the last layer (followed by `model.outputs = [model.layers[-1].output]`).

    ## Why is this bad?
    Keras 2.2's `layers` was the model's own list. tf.keras (TF 2.15.1) and Keras 3 (3.15.1) build a new list
    at each read (keras 2.15.0 keras/src/engine/training.py:3522, keras 3.15.1 keras/src/models/functional.py:160
    and sequential.py:267-274), so `pop()` removes nothing and the model keeps its last layer, silently.

    ## Example
    ```python
    model = load_model("vgg.h5")
    model.layers.pop()
    ```

    ## Use instead
    ```python
    model.pop()  # a Sequential model
    features = keras.Model(model.inputs, model.layers[-2].output)  # any model
    ```

    ## Fix safety
    None: `model.pop()` exists only for a Sequential model, and also updates its outputs, which Keras 2.2's
    `layers.pop()` did not.
    """

    code = "KER123"
    name = "layers-list-pop"
    message = "`{receiver}.layers.pop()` removes nothing on target {target}: `layers` is a new list at each read"
    fix_title = (
        "Use `{receiver}.pop()` for a Sequential model, or `keras.Model({receiver}.inputs, "
        "{receiver}.layers[-2].output)`"
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.NONE
    valid = (
        Valid(_MODEL + "model.pop()\nlayers = list(model.layers)\nlayers.pop()\n"),
        Valid("import keras\ndef drop(model):\n    model.layers.pop()\n"),
    )
    invalid = (
        Invalid(
            "from keras.models import load_model\nmodel = load_model('vgg.h5')\nmodel.layers.pop()\n"
            "model.outputs = [model.layers[-1].output]\n",
            at=((3, 0),),
            target=Target.KERAS3,
        ),
        Invalid(_MODEL + "last = model.layers.pop()\n", at=((3, 7),)),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        if "layers.pop(" not in module_text(ctx):
            return
        from kerascheck.rules.objects import MODEL_KINDS, typed_uses  # here: read only when a module may need it

        typed = {
            id(use.node): use for use in typed_uses(ctx, _LAYERS) if use.type.kind in MODEL_KINDS and not use.assigned
        }
        for node in ctx.nodes:
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "pop"
                and id(node.func.value) in typed
                and not node.args
            ):
                receiver = shown_source(ctx.source_of(typed[id(node.func.value)].node.value))
                yield self.finding(ctx, node, receiver=receiver)


class SequenceBaseArguments(Rule):
    """## What it does
    Finds a `keras.utils.Sequence` subclass whose `__init__` passes `workers=`, `use_multiprocessing=` or
    `max_queue_size=` to `super().__init__`, or forwards its `**kwargs` there while the module makes it with one
    of them, on tf.keras.

    ## Why is this bad?
    Keras 3's `Sequence` is its `PyDataset`, whose constructor takes those three. tf.keras's (TF 2.15) has no
    constructor: `object.__init__` gets them and raises `TypeError: object.__init__() takes exactly one argument`
    (run on TF 2.15.1). tf.keras takes them in `fit` instead. The finding is on the `super().__init__` call, where
    it raises.

    ## Example
    ```python
    class Batches(keras.utils.Sequence):
        def __init__(self, x, y, **kwargs):
            super().__init__(**kwargs)
    train = Batches(x, y, workers=2)
    ```

    ## Use instead
    ```python
    train = Batches(x, y)
    model.fit(train, workers=2)  # tf.keras; Keras 3 reads them from the Sequence
    ```

    ## Fix safety
    None: where the arguments go differs between the two Kerases.
    """

    code = "KER246"
    name = "sequence-base-arguments"
    message = (
        "`super().__init__(…)` of `{cls}`, a `keras.utils.Sequence`, gets {given}: target {target}'s `Sequence` has "
        "no constructor, and `object.__init__` raises `TypeError`"
    )
    fix_title = "Pass {keywords} to `fit` instead (tf.keras reads them there), and not to the Sequence"
    severity = Severity.ERROR
    targets = frozenset({Target.TF_KERAS})
    valid = (
        Valid("import keras\nclass B(keras.utils.Sequence):\n    def __init__(self, x, **kwargs):\n"
              "        super().__init__(**kwargs)\nb = B(1, workers=2)\n", target=Target.KERAS3),
        Valid("from tensorflow import keras\nclass B(keras.utils.Sequence):\n    def __init__(self, x, **kwargs):\n"
              "        super().__init__(**kwargs)\nb = B(1)\n"),
    )  # fmt: skip
    invalid = (
        Invalid(
            "from tensorflow import keras\nclass B(keras.utils.Sequence):\n    def __init__(self, x, **kwargs):\n"
            "        super().__init__(**kwargs)\nb = B(1, workers=2, use_multiprocessing=True)\n",
            at=((4, 8),),
        ),
        Invalid(
            "from tensorflow import keras\nclass B(keras.utils.Sequence):\n    def __init__(self, x, workers=1):\n"
            "        super().__init__(workers=workers)\n",
            at=((4, 8),),
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if "Sequence" not in text or "__init__" not in text or not any(word in text for word in PY_DATASET_KEYWORDS):
            return
        sequences = _sequence_classes(ctx)
        for node in ctx.index.classes:
            if node.name not in sequences:
                continue
            init = next(
                (item for item in node.body if isinstance(item, ast.FunctionDef) and item.name == "__init__"), None
            )
            call = super_init(ctx, node) if init is not None else None
            if init is None or call is None:
                continue
            given = [keyword.arg for keyword in call.keywords if keyword.arg in PY_DATASET_KEYWORDS]
            where = ""
            kwargs = init.args.kwarg.arg if init.args.kwarg is not None else None
            forwards = any(
                keyword.arg is None and isinstance(keyword.value, ast.Name) and keyword.value.id == kwargs
                for keyword in call.keywords
            )
            if not given and forwards:
                named = {argument.arg for argument in init.args.posonlyargs + init.args.args + init.args.kwonlyargs}
                for made in ctx.index.keyword_calls:
                    if isinstance(made.func, ast.Name) and made.func.id == node.name:
                        given = [k.arg for k in made.keywords if k.arg in PY_DATASET_KEYWORDS and k.arg not in named]
                        if given:
                            where = f" through `**{kwargs}` (line {made.lineno})"
                            break
            if not given:
                continue
            shown = ", ".join(f"`{name}=`" for name in given)
            yield self.finding(ctx, call, cls=node.name, given=shown + where, keywords=shown)
