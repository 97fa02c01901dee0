"""KER2xx, metric keys: ``'acc'``/``'val_acc'`` read from logs that, since Keras 2.3, hold
``'accuracy'``/``'val_accuracy'`` for ``metrics=['accuracy']``."""

from __future__ import annotations

import ast
from functools import cache
from typing import Dict, Iterator, List, Optional, Set, Tuple

from kerascheck.catalog import api
from kerascheck.catalog.metric_keys import (
    AUTO_MODE,
    COMPILE_NAME_ERRORS,
    COMPILE_NAMES,
    COMPILED_LOSS,
    COMPILED_LOSS_PARAMETERS,
    COMPILED_METRICS,
    KERAS3_AUTO_MODE_EFFECT,
    KERAS3_METRICS_NAMES,
    KERAS3_RATE_KEY,
    KEYS_RENAMED_IN,
    METRICS_NAMES,
    MISSING_KEY_EFFECTS,
    MONITORING_CALLBACKS,
    OLD_KEY_OF_METRIC,
    OLD_RATE_KEY,
    RATE_LOGGING_CALLBACKS,
    CompileName,
)
from kerascheck.catalog.model import Target
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.lazy import LazyPattern
from kerascheck.record import Record
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid, module_text
from kerascheck.rules.calls import argument
from kerascheck.rules.values import module_values


def _string(node: Optional[ast.AST]) -> Optional[str]:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


class _OldKey(Record):
    """A string literal naming a key the logs no longer hold (``'acc'``), and the one they hold."""

    node: ast.Constant
    key: str
    new: str
    given: str  # the metric as the module compiles it (``'accuracy'``)


def _old_key(node: Optional[ast.AST], renamed: Dict[str, Tuple[str, str]]) -> Optional[_OldKey]:
    key = _string(node)
    if not isinstance(node, ast.Constant) or key not in renamed:
        return None
    return _OldKey(node, key, *renamed[key])


def _renamed_keys(metrics: Set[str]) -> Dict[str, Tuple[str, str]]:
    """Old key -> (the key the logs hold, the metric as given), for the metrics the module compiles whose
    Keras 2.2 key it does not compile as well (``metrics=['accuracy', 'acc']`` logs both)."""
    renamed: Dict[str, Tuple[str, str]] = {}
    for given in metrics:
        old = OLD_KEY_OF_METRIC.get(given)
        if old is not None and old not in metrics:
            renamed[old] = (given, given)
            renamed[f"val_{old}"] = (f"val_{given}", given)
    return renamed


def _argument(node: ast.Call, target: Target, canonical: str, name: str) -> Optional[ast.expr]:
    """The argument of ``name`` in the call, by keyword or at its position in the target's signature."""
    for keyword in node.keywords:
        if keyword.arg == name:
            return keyword.value
    signature = api.callable_signature(target, canonical)
    if signature is None or name not in signature.positional:
        return None
    position = signature.positional.index(name)
    if any(isinstance(arg, ast.Starred) for arg in node.args[: position + 1]):
        return None
    return node.args[position] if len(node.args) > position else None


def _compiled_metrics(tree: ast.Module) -> Optional[Set[str]]:
    """The metric names the module's ``compile(metrics=[…])`` calls pass, or None when one of them is not
    a literal list of names (then which keys the logs hold is not known)."""
    names: Set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "compile":
            metrics = next((keyword.value for keyword in node.keywords if keyword.arg == "metrics"), None)
            if metrics is None:
                continue
            if not isinstance(metrics, (ast.List, ast.Tuple)):
                return None
            for item in metrics.elts:
                name = _metric_key(item)
                if name is None:
                    return None
                names.add(name)
    return names


def _metric_key(item: ast.expr) -> Optional[str]:
    """The log key a `metrics=[…]` item gives, where it is plain: a string is its name; a function
    (`rmse`, `keras.metrics.mae`) logs under its own name, which is ``acc`` only if it is called that.
    None for anything else (a metric object may be named anything)."""
    if isinstance(item, ast.Name):
        return item.id
    if isinstance(item, ast.Attribute):
        return item.attr
    return _string(item)


class LegacyMetricKey(Rule):
    """## What it does
    Finds `'acc'` and `'val_acc'` read from the training logs of a module that compiles its models with
    `metrics=['accuracy']`: `history.history['acc']`, and `monitor='val_acc'` of `ModelCheckpoint`,
    `EarlyStopping` and `ReduceLROnPlateau`. Likewise the function names Keras 2.2 logged short metric names
    under (`'val_mean_absolute_error'` for `metrics=['mae']`, which now logs `val_mae`).

    ## Why is this bad?
    Keras 2.2 logged `metrics=['accuracy']` as `acc`; since Keras 2.3 (and in every tf.keras and
    Keras 3) the key is `accuracy` / `val_accuracy`. `history.history['acc']` raises `KeyError`.
    On tf.keras (checked on TF 2.15.1) the callbacks only log a warning each epoch: `ModelCheckpoint(…,
    save_best_only=True)` never saves, `EarlyStopping` never stops. Keras 3.15.1 raises `ValueError`
    after the first epoch (it cannot tell whether to maximize `val_acc`), or with `mode=` given warns
    and saves every epoch.
    A module that also compiles with `metrics=['acc']` (which logs `acc`) is left alone.

    ## Example
    ```python
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    checkpoint = ModelCheckpoint("best.keras", monitor="val_acc", save_best_only=True)
    plt.plot(history.history["acc"])
    ```

    ## Use instead
    ```python
    checkpoint = ModelCheckpoint("best.keras", monitor="val_accuracy", save_best_only=True)
    plt.plot(history.history["accuracy"])
    ```

    ## Fix safety
    Safe where the old key fails: `history.history['acc']` (`KeyError`), and a callback Keras 3 refuses.
    Unsafe for a callback that runs as written (tf.keras, or Keras 3 with `mode=` given): the fix makes
    it act — save, stop, lower the rate — where it did nothing, which is what was meant but changes the
    training.
    """

    code = "KER222"
    name = "legacy-metric-key"
    message = "{use} reads `{old}`, but `metrics=[{given!r}]` logs `{new}` (since {since}); on target {target} {effect}"
    fix_title = "Use `'{new}'`"
    severity = Severity.ERROR
    fix_safety = FixSafety.SOMETIMES
    valid = (
        Valid("import keras\nmodel.compile(loss='mse', metrics=['acc'])\nprint(history.history['acc'])\n"),
        Valid("import keras\nprint(history.history['acc'])\n"),
        Valid("import keras\nmodel.compile(loss='mse', metrics=['accuracy', 'acc'])\n"
              "keras.callbacks.EarlyStopping(monitor='val_acc')\n"),
        Valid("import keras\nmodel.compile(loss='mse', metrics=['accuracy'])\n"
              "keras.callbacks.ModelCheckpoint('m.h5', monitor='val_acc')\n"),
        Valid("import keras\nmodel.compile(loss='mse', metrics=METRICS)\nprint(logs['acc'], h.history['acc'])\n"),
        Valid("import keras\nmodel.compile(loss='mse', metrics=['mean_absolute_error'])\n"
              "print(h.history['val_mean_absolute_error'])\n"),
    )  # fmt: skip
    invalid = (
        Invalid(
            "import keras\nmodel.compile(optimizer='sgd', loss='mse', metrics=['accuracy'])\n"
            "stop = keras.callbacks.EarlyStopping(monitor='val_acc', patience=2)\n"
            "best = keras.callbacks.ModelCheckpoint('best.keras', 'val_acc', save_best_only=True)\n"
            "accuracy = history.history['acc']\n",
            at=((3, 45), (4, 53), (5, 27)),
            target=Target.KERAS3,
            fixed="import keras\nmodel.compile(optimizer='sgd', loss='mse', metrics=['accuracy'])\n"
            "stop = keras.callbacks.EarlyStopping(monitor='val_accuracy', patience=2)\n"
            "best = keras.callbacks.ModelCheckpoint('best.keras', 'val_accuracy', save_best_only=True)\n"
            "accuracy = history.history['accuracy']\n",
        ),
        Invalid(
            "from tensorflow.keras.callbacks import ReduceLROnPlateau\n"
            "model.compile('adam', 'binary_crossentropy', metrics=['accuracy'])\n"
            "lower = ReduceLROnPlateau(monitor=\"val_acc\", mode='max')\nh = model.fit(x, y)\n"
            "plt.plot(h.history['val_acc'])\n",
            at=((3, 34), (5, 19)),
            fixed="from tensorflow.keras.callbacks import ReduceLROnPlateau\n"
            "model.compile('adam', 'binary_crossentropy', metrics=['accuracy'])\n"
            "lower = ReduceLROnPlateau(monitor=\"val_accuracy\", mode='max')\nh = model.fit(x, y)\n"
            "plt.plot(h.history['val_accuracy'])\n",
        ),
        Invalid(
            "from tensorflow import keras\nmodel.compile('adam', 'mse', metrics=['mae'])\nh = model.fit(x, y)\n"
            "print(h.history['val_mean_absolute_error'][-1])\n",
            at=((4, 16),),
            fixed="from tensorflow import keras\nmodel.compile('adam', 'mse', metrics=['mae'])\nh = model.fit(x, y)\n"
            "print(h.history['val_mae'][-1])\n",
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if not ctx.imports_keras or not any(f"{old}'" in text or f'{old}"' in text for old in _OLD_KEYS):
            return
        metrics = _compiled_metrics(ctx.tree)
        renamed = _renamed_keys(metrics) if metrics else {}
        if not renamed:
            return
        found: List[Finding] = []
        for node in ast.walk(ctx.tree):
            if isinstance(node, ast.Call):
                found += self._monitor(ctx, node, renamed)
            elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) and _is_history(ctx, node.value):
                old = _old_key(node.slice, renamed)
                if old is not None:
                    found.append(self._report(ctx, old, f"`{ctx.source_of(node)}`", "raises `KeyError`"))
        yield from sorted(found, key=lambda finding: (finding.line, finding.col))

    def _monitor(self, ctx: Context, node: ast.Call, renamed: Dict[str, Tuple[str, str]]) -> Iterator[Finding]:
        canonical = ctx.canonical(node.func) if isinstance(node.func, (ast.Name, ast.Attribute)) else None
        if canonical not in MONITORING_CALLBACKS:
            return
        old = _old_key(_argument(node, ctx.target, canonical, "monitor"), renamed)
        if old is None:
            return
        effect = self._effect(ctx.target, canonical, node)
        if effect is not None:
            shown = f"`{canonical.rsplit('.', 1)[-1]}(monitor={ctx.source_of(old.node)})`"
            # the program runs as written unless Keras 3 raises: then the fix changes what the callback does
            safe = effect == KERAS3_AUTO_MODE_EFFECT
            yield self._report(ctx, old, shown, effect.format(key=old.key), safe=safe)

    @staticmethod
    def _effect(target: Target, canonical: str, node: ast.Call) -> Optional[str]:
        mode = _argument(node, target, canonical, "mode")
        best_only = _argument(node, target, canonical, "save_best_only")
        if target is Target.KERAS3:
            if mode is None or _string(mode) == AUTO_MODE:
                return KERAS3_AUTO_MODE_EFFECT
            if _string(mode) is None:
                return None  # mode= not a literal
            if canonical == "callbacks.ModelCheckpoint" and not _is_true(best_only):
                return None  # an explicit mode and every epoch saved anyway: the monitor is not read
            return MISSING_KEY_EFFECTS[target][canonical]
        if canonical == "callbacks.ModelCheckpoint" and not _is_true(best_only):
            return None  # tf.keras reads the monitor only to keep the best
        return MISSING_KEY_EFFECTS[target][canonical]

    def _report(self, ctx: Context, old: _OldKey, use: str, effect: str, safe: bool = True) -> Finding:
        written = ctx.source_of(old.node)
        edits = (Edit(*ctx.span(old.node), written[0] + old.new + written[0]),) if written[:1] in "'\"" else ()
        return self.finding(
            ctx, old.node, edits=edits, safe=safe, use=use, old=old.key, new=old.new, given=old.given, effect=effect,
            since=KEYS_RENAMED_IN,
        )  # fmt: skip


_OLD_KEYS = frozenset(OLD_KEY_OF_METRIC.values())


def _is_true(node: Optional[ast.expr]) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _is_history(ctx: Context, node: ast.expr) -> bool:
    """``….history`` (a ``History`` callback's dict), or a name bound once to one; not ``self.history``,
    which a class of the module may keep for itself."""
    if isinstance(node, ast.Name):
        binding = module_values(ctx).binding(node)
        node = binding.value if binding is not None and isinstance(binding.value, ast.expr) else node
    if not (isinstance(node, ast.Attribute) and node.attr == "history"):
        return False
    return not (isinstance(node.value, ast.Name) and node.value.id == "self")  # a class's own record


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
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        known = _compile_names(ctx.target)
        text = module_text(ctx)
        if not any(f"'{old}'" in text or f'"{old}"' in text for _, old in known):
            return
        from kerascheck.rules.api_checks import interesting_names  # here: read only when a module may need it
        from kerascheck.rules.objects import MODEL_KINDS, typed_uses

        for use in typed_uses(ctx, interesting_names(ctx.target)):
            if use.call is None or use.node.attr != "compile" or use.type.kind not in MODEL_KINDS:
                continue
            named = [("loss", "loss", argument(use.call, 1, "loss"))]
            named += [("metric", k.arg, k.value) for k in use.call.keywords if k.arg in _METRIC_KEYWORDS]
            for role, keyword, value in named:
                for node in _names_in(value):
                    fact = known.get((role, str(node.value)))
                    if fact is not None:
                        yield self._finding(ctx, node, fact, str(keyword))

    def _finding(self, ctx: Context, node: ast.Constant, fact: CompileName, keyword: str) -> Finding:
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
def _compile_names(target: Target) -> Dict[Tuple[str, str], CompileName]:
    return {(fact.role, fact.old): fact for fact in COMPILE_NAMES if target in fact.targets}


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


class GroupedMetricsNames(Rule):
    """## What it does
    Finds `model.metrics_names` read on Keras 3 from a model the module shows, in a module that compiles a
    model with `metrics=`.

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
        "`{receiver}.metrics_names` is `{names}` on target {target} (Keras {keras3_checked}) for a model compiled with "
        "`metrics=` (line {compiled_at}): one name for all the compiled metrics, while `evaluate` returns a value "
        "for each"
    )
    fix_title = "Use `evaluate(…, return_dict=True)`, a value per metric name, or the names given to `compile`"
    severity = Severity.WARNING
    targets = frozenset({Target.KERAS3})
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
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if f".{METRICS_NAMES}" not in text or "metrics=" not in text:
            return
        from kerascheck.rules.api_checks import interesting_names  # here: read only when a module may need it
        from kerascheck.rules.objects import MODEL_KINDS, typed_uses

        uses = [use for use in typed_uses(ctx, interesting_names(ctx.target)) if use.type.kind in MODEL_KINDS]
        # the receiver as written -> the first line compiling it with metrics (None: one compile without)
        compiled: Dict[str, Optional[int]] = {}
        for use in uses:
            if use.call is not None and use.node.attr == "compile":
                receiver = ctx.source_of(use.node.value)
                line = use.call.lineno if _compiles_metrics(use.call) else None
                compiled[receiver] = line if compiled.get(receiver, line) is not None else None
        lines = [line for line in compiled.values() if line is not None]
        if not lines:
            return
        for use in uses:
            if use.node.attr == METRICS_NAMES and not use.assigned:
                receiver = ctx.source_of(use.node.value)
                # the model compiled under that name; ``self`` (a model class) when every compile passes metrics
                line = compiled.get(receiver) if receiver in compiled else None
                if line is None and receiver == "self" and len(lines) == len(compiled):
                    line = min(lines)
                if line is None:
                    continue
                yield self.finding(
                    ctx, use.node, receiver=receiver if len(receiver) <= 40 and "\n" not in receiver else "…",
                    names=KERAS3_METRICS_NAMES, compiled_at=line,
                )  # fmt: skip


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
    targets = frozenset({Target.KERAS3})
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
        from kerascheck.rules.api_checks import interesting_names  # here: read only when a module may need it
        from kerascheck.rules.objects import MODEL_KINDS, typed_uses

        for use in typed_uses(ctx, interesting_names(ctx.target)):
            name = use.node.attr
            if name not in (COMPILED_LOSS, COMPILED_METRICS) or use.type.kind not in MODEL_KINDS or use.assigned:
                continue
            receiver = ctx.source_of(use.node.value)
            shown = receiver if len(receiver) <= 40 and "\n" not in receiver else "…"
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


_LOGS_RATE = LazyPattern(r"\[\s*['\"]lr['\"]\s*\]\s*=")  # ``logs["lr"] = …``


class LearningRateLogKey(Rule):
    """## What it does
    Finds `history.history['lr']` in a module that trains with `ReduceLROnPlateau` or
    `LearningRateScheduler`, on Keras 3.

    ## Why is this bad?
    tf.keras's two callbacks log the rate as `lr`; Keras 3's (3.15.1) log it as `learning_rate`, and
    reading `lr` raises `KeyError`.

    ## Example
    ```python
    history = model.fit(x, y, callbacks=[ReduceLROnPlateau(patience=2)])
    plt.plot(history.history["lr"])
    ```

    ## Use instead
    ```python
    plt.plot(history.history["learning_rate"])
    ```

    ## Fix safety
    Safe: on Keras 3 the logs hold the rate under `learning_rate` only.
    """

    code = "KER226"
    name = "learning-rate-log-key"
    message = (
        "`{use}` reads `'lr'`, but on target {target} (Keras {keras3_checked}) `{callback}` (line {callback_at}) "
        "logs the rate as `'learning_rate'`: `KeyError`"
    )
    fix_title = "Read `'learning_rate'`"
    severity = Severity.ERROR
    targets = frozenset({Target.KERAS3})
    valid = (
        Valid("import keras\nhistory = model.fit(x, y)\nprint(history.history['lr'])\n", target=Target.KERAS3),
        Valid(  # a callback of the module's own logs it: which fit's history is read is not seen
            "import keras\nclass Log(keras.callbacks.Callback):\n    def on_epoch_end(self, epoch, logs=None):\n"
            "        logs['lr'] = 0.1\nh = model.fit(x, y, callbacks=[Log(), keras.callbacks.ReduceLROnPlateau()])\n"
            "print(h.history['lr'])\n",
            target=Target.KERAS3,
        ),
        Valid(
            "from tensorflow import keras\nhistory = model.fit(x, y, callbacks=[keras.callbacks.ReduceLROnPlateau()])\n"
            "print(history.history['lr'])\n"
        ),
    )
    invalid = (
        Invalid(
            "import keras\nhistory = model.fit(x, y, callbacks=[keras.callbacks.ReduceLROnPlateau()])\n"
            "rates = history.history['lr']\n",
            at=((3, 24),),
            target=Target.KERAS3,
            fixed=(
                "import keras\nhistory = model.fit(x, y, callbacks=[keras.callbacks.ReduceLROnPlateau()])\n"
                "rates = history.history['learning_rate']\n"
            ),
        ),
        Invalid(
            "from keras.callbacks import LearningRateScheduler\n"
            "schedule = LearningRateScheduler(lambda epoch: 0.01 * 0.9**epoch)\n"
            'log = model.fit(x, y, callbacks=[schedule])\nprint(log.history["lr"][-1])\n',
            at=((4, 18),),
            target=Target.KERAS3,
            fixed=(
                "from keras.callbacks import LearningRateScheduler\n"
                "schedule = LearningRateScheduler(lambda epoch: 0.01 * 0.9**epoch)\n"
                'log = model.fit(x, y, callbacks=[schedule])\nprint(log.history["learning_rate"][-1])\n'
            ),
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if "'lr'" not in text and '"lr"' not in text:
            return
        if not any(callback.rpartition(".")[2] in text for callback in RATE_LOGGING_CALLBACKS):
            return
        if _LOGS_RATE.search(text):
            return  # a callback of the module's own logs `lr` itself: which history holds it is not seen
        callbacks = [
            node
            for node in ctx.index.calls
            if isinstance(node.func, (ast.Name, ast.Attribute)) and ctx.canonical(node.func) in RATE_LOGGING_CALLBACKS
        ]
        if not callbacks:
            return
        first = callbacks[0]
        callback = str(ctx.canonical(first.func)).rpartition(".")[2]
        for node in ast.walk(ctx.tree):
            if not (
                isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) and _is_history(ctx, node.value)
            ):
                continue
            key = node.slice
            if _string(key) != OLD_RATE_KEY or not isinstance(key, ast.Constant):
                continue
            written = ctx.source_of(key)
            edits = (Edit(*ctx.span(key), written[0] + KERAS3_RATE_KEY + written[0]),) if written[:1] in "'\"" else ()
            yield self.finding(
                ctx, key, edits=edits, use=ctx.source_of(node), callback=callback, callback_at=first.lineno
            )
