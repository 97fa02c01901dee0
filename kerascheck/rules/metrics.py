"""KER222 and KER226, the keys training logs hold: ``'acc'``/``'val_acc'`` read from logs that, since Keras 2.3,
hold ``'accuracy'``/``'val_accuracy'`` for ``metrics=['accuracy']`` (and the short names Keras 2.2 logged under
their functions' names); ``'lr'``, which Keras 3's rate callbacks log as ``'learning_rate'``."""

from __future__ import annotations

import ast
import re
import string
from typing import Dict, FrozenSet, Iterator, List, Optional, Set, Tuple, Union

from kerascheck.catalog import api
from kerascheck.catalog.metric_keys import (
    AUTO_MODE,
    BATCH_HOOKS,
    CALLBACK_PARAM_KEYS,
    CALLBACK_PARAMS,
    FILEPATH_KEY_EFFECT,
    KERAS1_CALLBACK_PARAMS,
    KERAS3_AUTO_MODE_EFFECT,
    KERAS3_RATE_KEY,
    KEYS_RENAMED_IN,
    MISSING_KEY_EFFECTS,
    MONITORING_CALLBACKS,
    OLD_BATCH_LOGS,
    OLD_CALLBACK_PARAMS,
    OLD_HISTORY_PARAMS,
    OLD_KEY_OF_METRIC,
    OLD_RATE_KEY,
    RATE_LOGGING_CALLBACKS,
)
from kerascheck.catalog.model import Target
from kerascheck.catalog.releases import KERAS3_CHECKED
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.lazy import LazyPattern
from kerascheck.record import Record
from kerascheck.rules.base import (
    FixSafety,
    Invalid,
    Rule,
    Severity,
    Valid,
    graph_mode,
    module_text,
    string_replaced,
)
from kerascheck.rules.values import is_keras_model, module_values, value_of


def _string(node: Optional[ast.AST]) -> Optional[str]:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


class _OldKey(Record):
    """A string literal naming a key the logs no longer hold (``'acc'``), and the one they hold."""

    node: ast.Constant
    key: str
    new: str
    given: str  # how the module compiles the metric (``metrics=['accuracy']``), shown
    sure: bool = True  # whether the logs hold ``new``: not when the module compiles other metrics too


def _old_key(node: Optional[ast.AST], renamed: Dict[str, Tuple[str, str, bool]]) -> Optional[_OldKey]:
    key = _string(node)
    if not isinstance(node, ast.Constant) or key not in renamed:
        return None
    return _OldKey(node, key, *renamed[key])


class _Renamed(Dict[str, Tuple[str, str, bool]]):
    """Old key -> (new key, how the module compiles the metric, whether that is sure), and for the metrics compiled
    as a flat list, the keys of each output of a model of several: Keras 2.2 logged ``predictions_acc`` for an
    output ``predictions``, tf.keras and Keras 3 log ``predictions_accuracy`` (run on TF 2.15.1 and Keras 3.15.1;
    keras-contrib's NASNet-CIFAR example monitors ``val_predictions_acc``). Which outputs the model has is not
    known here: ``<output>`` must be a name the module gives a layer (``Dense(2, name='gender')``), and the key is
    none the module compiles or writes itself (``logs['val_f1_acc'] = f1``). Not sure even then (the layer may be no
    output): no fix."""

    def __init__(
        self, exact: Dict[str, Tuple[str, str, bool]], flat: List[Tuple[str, str]], names: Set[str], module: _Written
    ):
        super().__init__(exact)
        self.flat, self.names = flat, names  # (old key, metric given) of a flat list; every metric name compiled
        self.module = module  # the keys the module writes itself, the names it gives layers

    def __bool__(self) -> bool:
        return bool(len(self)) or bool(self.flat)

    def __contains__(self, key: object) -> bool:
        return super().__contains__(key) or (isinstance(key, str) and self._per_output(key) is not None)

    def __getitem__(self, key: str) -> Tuple[str, str, bool]:
        if super().__contains__(key):
            return super().__getitem__(key)
        found = self._per_output(key)
        if found is None:
            raise KeyError(key)
        return found

    def _per_output(self, key: str) -> Optional[Tuple[str, str, bool]]:
        written = self.module.keys
        if key in written or (key.startswith("val_") and key[4:] in written):
            return None
        for old, given in self.flat:
            match = re.fullmatch(rf"(val_)?([A-Za-z_]\w*?)_{re.escape(old)}", key)
            if match is None or match.group(2) not in self.module.layer_names:
                continue
            if f"{match.group(2)}_{old}" in self.names:
                continue
            validation, output = match.group(1) or "", match.group(2)
            shown = f"`metrics=[{given!r}]` on each output (here `{output}`, a layer of the module)"
            return f"{validation}{output}_{given}", shown, False
        return None


def _renamed_keys(metrics: Set[Tuple[str, str]], module: _Written) -> Dict[str, Tuple[str, str, bool]]:
    """Old key -> (the key the logs hold, how the module compiles the metric, whether that is sure), for the metrics
    the module compiles whose Keras 2.2 key it does not compile as well (``metrics=['accuracy', 'acc']`` logs both). A
    metric of one output of several (``metrics={'capsnet': 'accuracy'}``) logs under the output's name:
    ``capsnet_accuracy``, Keras 2.2's ``capsnet_acc`` (run on TF 2.15.1 and Keras 3.15.1; held-out probe 18:
    CapsNet-Keras). A module that compiles other metrics of that output too (a notebook compiling one model with
    `metrics=['accuracy']`, then another with `metrics=[metrics.binary_accuracy]`) logs the old key under none, but
    which key the read's model logs is not known: not sure."""
    renamed: Dict[str, Tuple[str, str, bool]] = {}
    for output, given in metrics:
        old = OLD_KEY_OF_METRIC.get(given)
        if old is None or (output, old) in metrics:
            continue
        others = sorted(name for each, name in metrics if each == output and name != given)
        prefix = f"{output}_" if output else ""
        shown = f"`'{given}'` for output `{output}`" if output else f"`metrics=[{given!r}]`"
        if others:
            logged = ", ".join(f"`{prefix}{name}`" for name in others)
            shown = f"{shown} (another compile of the module logs {logged}; none logs `{prefix}{old}`)"
        renamed[f"{prefix}{old}"] = (f"{prefix}{given}", shown, not others)
        renamed[f"val_{prefix}{old}"] = (f"val_{prefix}{given}", shown, not others)
    if any(output for output, _ in metrics):
        return renamed  # metrics given per output: the outputs' names are the dict's
    flat = [
        (OLD_KEY_OF_METRIC[given], given)
        for output, given in sorted(metrics)
        if given in OLD_KEY_OF_METRIC and (output, OLD_KEY_OF_METRIC[given]) not in metrics
    ]
    names = {name for _, name in metrics} | {_snake(name) for _, name in metrics}  # 'RootMeanSquaredError' logs so
    return _Renamed(renamed, flat, names, module)


class _Written(Record):
    keys: FrozenSet[str]  # the string keys the module stores or writes in a dict
    layer_names: FrozenSet[str]  # the strings it passes as ``name=``


def _written(ctx: Context) -> _Written:
    """The keys the module writes (``logs['val_f1_acc'] = f1``, a dict literal, ``logs.update(val_f1_acc=f1)``,
    ``dict(…)``, ``logs.setdefault('val_f1_acc', …)``) and the names it gives (``name='gender'``)."""
    keys: Set[str] = set()
    names: Set[str] = set()
    for node in ctx.nodes:
        if isinstance(node, ast.Subscript) and not isinstance(node.ctx, ast.Load):
            key = _string(node.slice)
            if key is not None:
                keys.add(key)
        elif isinstance(node, ast.Dict):
            keys |= {key for key in map(_string, node.keys) if key is not None}
        elif isinstance(node, ast.Call):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            if called in ("update", "dict", "setdefault"):
                keys |= {keyword.arg for keyword in node.keywords if keyword.arg}
                if called == "setdefault" and node.args:
                    keys |= {key for key in [_string(node.args[0])] if key is not None}
            names |= {
                value
                for keyword in node.keywords
                if keyword.arg == "name"
                for value in [_string(keyword.value)]
                if value
            }
    return _Written(frozenset(keys), frozenset(names))


def _snake(name: str) -> str:
    """``RootMeanSquaredError`` -> ``root_mean_squared_error``: how Keras names a metric given as a class name."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


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


def _compiled_metrics(ctx: Context) -> Optional[Set[Tuple[str, str]]]:
    """(output, metric name) for each metric the module's ``compile(metrics=…)`` calls pass (the output is "" in a
    list; in a dict, ``{'capsnet': 'accuracy'}``, the output it is keyed by), or None when one of them is not a
    literal list or dict of names (then which keys the logs hold is not known). Such a call passes a keyword: the
    walk recorded it."""
    names: Set[Tuple[str, str]] = set()
    for node in ctx.index.keyword_calls:
        if isinstance(node.func, ast.Attribute) and node.func.attr == "compile":
            metrics = next((keyword.value for keyword in node.keywords if keyword.arg == "metrics"), None)
            if metrics is None:
                continue
            if isinstance(metrics, ast.Name):  # ``METRICS = ['accuracy']`` bound once, never grown (held-out probe 20)
                text = ctx.text
                if any(f"{metrics.id}{grows}" in text for grows in (".append(", ".extend(", ".insert(", " +=", "+=")):
                    return None
                metrics = value_of(ctx, metrics)
            if isinstance(metrics, ast.Dict):
                groups = []
                for key, value in zip(metrics.keys, metrics.values):
                    output = _string(key)
                    if output is None:
                        return None
                    groups.append((output, value.elts if isinstance(value, (ast.List, ast.Tuple)) else [value]))
            elif isinstance(metrics, (ast.List, ast.Tuple)):
                groups = [("", metrics.elts)]
            else:
                return None
            for output, items in groups:
                for item in items:
                    name = _metric_key(item)
                    if name is None:
                        return None
                    names.add((output, name))
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
    `metrics=['accuracy']` (and `'val_out_acc'` for `metrics={'out': 'accuracy'}`): `history.history['acc']`,
    `logs['acc']` in a Keras callback's `on_epoch_end`, and `monitor='val_acc'` of `ModelCheckpoint`,
    `EarlyStopping` and `ReduceLROnPlateau`, and a placeholder of one in `ModelCheckpoint`'s file name
    (`"weights-{epoch:02d}-{val_acc:.2f}.h5"`). Likewise the function names Keras 2.2 logged short metric names
    under (`'val_mean_absolute_error'` for `metrics=['mae']`, which now logs `val_mae`).

    ## Why is this bad?
    Keras 2.2 logged `metrics=['accuracy']` as `acc`; since Keras 2.3 (and in every tf.keras and
    Keras 3) the key is `accuracy` / `val_accuracy`. `history.history['acc']` raises `KeyError`.
    On tf.keras (checked on TF 2.15.1) the callbacks only log a warning each epoch: `ModelCheckpoint(…,
    save_best_only=True)` never saves, `EarlyStopping` never stops. Keras 3.15.1 raises `ValueError`
    after the first epoch (it cannot tell whether to maximize `val_acc`), or with `mode=` given warns
    and saves every epoch. `ModelCheckpoint` formats its file name with the logs at every save, before it
    looks at `monitor`: a placeholder of a key the logs lack raises `KeyError` ("Failed to format this
    callback filepath") on both targets.
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
    Safe where the old key fails: `history.history['acc']` and a file name's placeholder (`KeyError`), and a
    callback Keras 3 refuses. No fix for a file name held by a name that is read elsewhere too
    (`CKPT.format(val_acc=…)` would fail once renamed).
    Unsafe for a callback that runs as written (tf.keras, or Keras 3 with `mode=` given): the fix makes
    it act — save, stop, lower the rate — where it did nothing, which is what was meant but changes the
    training.
    """

    code = "KER222"
    name = "legacy-metric-key"
    message = "{use} reads `{old}`, but {given} logs `{new}` (since {since}); on target {target} {effect}"
    fix_title = "Use `'{new}'`"
    severity = Severity.ERROR
    fix_safety = FixSafety.SOMETIMES
    valid = (
        Valid("import keras\nmodel.compile(loss='mse', metrics=['acc'])\nprint(history.history['acc'])\n"),
        Valid(  # no layer of the module is named so: `train_acc` was never logged; `RootMeanSquaredError` logs
            # `root_mean_squared_error`
            "from tensorflow import keras\n"
            "model.compile('adam', 'mse', metrics=['accuracy', 'mse', 'RootMeanSquaredError'])\n"
            "print(h.history['train_acc'])\nkeras.callbacks.EarlyStopping(monitor='val_root_mean_squared_error')\n"
            "keras.layers.Dense(1, name='root')\n"
        ),
        Valid(  # a key the module logs itself, not an output's
            "from tensorflow import keras\nmodel.compile('adam', 'mse', metrics=['accuracy'])\n"
            "class F1(keras.callbacks.Callback):\n    def on_epoch_end(self, epoch, logs=None):\n"
            "        logs['val_f1_acc'] = 0.5\n        print(logs['val_f1_acc'])\n"
            "best = keras.callbacks.ModelCheckpoint('w.h5', monitor='val_f1_acc')\n"
        ),
        Valid("import keras\nmodel.compile(loss=['mse', 'mse'], metrics={'out': ['accuracy', 'acc']})\n"
              "keras.callbacks.EarlyStopping(monitor='val_out_acc')\n"),
        Valid("import keras\nmodel.compile(loss=['mse', 'mse'], metrics={name: 'accuracy'})\n"
              "keras.callbacks.EarlyStopping(monitor='val_out_acc')\n"),
        Valid("import keras\nprint(history.history['acc'])\n"),
        Valid("import keras\nmodel.compile(loss='mse', metrics=['accuracy', 'acc'])\n"
              "keras.callbacks.EarlyStopping(monitor='val_acc')\n"),
        Valid("import keras\nmodel.compile(loss='mse', metrics=['accuracy'])\n"
              "keras.callbacks.ModelCheckpoint('m.h5', monitor='val_acc')\n"),
        Valid("import keras\nmodel.compile(loss='mse', metrics=METRICS)\nprint(logs['acc'], h.history['acc'])\n"),
        Valid("import keras\nmodel.compile(loss='mse', metrics=['acc'])\n"
              "keras.callbacks.ModelCheckpoint('w-{val_acc:.2f}.h5')\n"),
        Valid("import keras\nmodel.compile(loss='mse', metrics=['accuracy'])\n"
              "keras.callbacks.ModelCheckpoint('w-{val_accuracy:.2f}-{{val_acc}}.h5')\n"),
        Valid("import keras\nmodel.compile(loss='mse', metrics=['mean_absolute_error'])\n"
              "print(h.history['val_mean_absolute_error'])\n"),
        Valid("import keras\nmodel.compile(loss='mse', metrics=['accuracy'])\n"
              "class Log(keras.callbacks.Callback):\n    def on_epoch_end(self, epoch, logs=None):\n"
              "        if 'acc' in logs:\n            print(logs['acc'])\n"),
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
            "from keras.callbacks import ModelCheckpoint\nmodel.compile('adam', 'mse', metrics=['accuracy'])\n"
            "path = 'weights-{epoch:02d}-{val_acc:.2f}.h5'\nbest = ModelCheckpoint(path, monitor='val_loss')\n",
            at=((3, 7),),
            fixed="from keras.callbacks import ModelCheckpoint\nmodel.compile('adam', 'mse', metrics=['accuracy'])\n"
            "path = 'weights-{epoch:02d}-{val_accuracy:.2f}.h5'\nbest = ModelCheckpoint(path, monitor='val_loss')\n",
        ),
        Invalid(  # tests/data/api_programs/tf_callback_logs_acc.py runs it on TF 2.15.1
            "from tensorflow import keras\nmodel.compile(loss='mse', metrics=['accuracy'])\n"
            "class Log(keras.callbacks.Callback):\n    def on_epoch_end(self, epoch, logs={}):\n"
            "        print(logs['acc'], logs.get('val_acc'))\n",
            at=((5, 19), (5, 36)),  # the second finds None
            fixed="from tensorflow import keras\nmodel.compile(loss='mse', metrics=['accuracy'])\n"
            "class Log(keras.callbacks.Callback):\n    def on_epoch_end(self, epoch, logs={}):\n"
            "        print(logs['accuracy'], logs.get('val_accuracy'))\n",
        ),
        Invalid(  # a flat list on a model of several outputs logs each under the output's name (keras-contrib's
            # NASNet-CIFAR example; tests/data/api_programs/tf_two_output_flat_metric_key.py runs it on TF 2.15.1)
            "from tensorflow import keras\nout = keras.layers.Dense(10, name='predictions')(x)\n"
            "model.compile('adam', ['categorical_crossentropy'] * 2, metrics=['accuracy'])\n"
            "best = keras.callbacks.ModelCheckpoint('w.h5', monitor='val_predictions_acc', save_best_only=True)\n",
            at=((4, 55),),  # no fix: the layer may be no output
        ),
        Invalid(  # a metric of one output logs under the output's name (held-out probe 18: CapsNet-Keras; run on both)
            "from tensorflow import keras\n"
            "model.compile('adam', ['categorical_crossentropy', 'mse'], metrics={'capsnet': 'accuracy'})\n"
            "best = keras.callbacks.ModelCheckpoint('w.h5', monitor='val_capsnet_acc', save_best_only=True)\n",
            at=((3, 55),),
            fixed="from tensorflow import keras\n"
            "model.compile('adam', ['categorical_crossentropy', 'mse'], metrics={'capsnet': 'accuracy'})\n"
            "best = keras.callbacks.ModelCheckpoint('w.h5', monitor='val_capsnet_accuracy', save_best_only=True)\n",
        ),
        Invalid(
            "from tensorflow import keras\nmodel.compile('adam', 'mse', metrics=['mae'])\nh = model.fit(x, y)\n"
            "print(h.history['val_mean_absolute_error'][-1])\n",
            at=((4, 16),),
            fixed="from tensorflow import keras\nmodel.compile('adam', 'mse', metrics=['mae'])\nh = model.fit(x, y)\n"
            "print(h.history['val_mae'][-1])\n",
        ),
        Invalid(  # two compiles, two keys: `acc` is logged by neither, but which one the model logs is not known
            "from tensorflow import keras\nmodel.compile('adam', 'mse', metrics=['accuracy'])\n"
            "model.compile('adam', 'mse', metrics=[keras.metrics.binary_accuracy])\nh = model.fit(x, y)\n"
            "print(h.history['acc'])\n",
            at=((5, 16),),
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if (
            "history" not in text
            and _EPOCH_HOOK not in text
            and "batch_end" not in text
            and not any(callback.rpartition(".")[2] in text for callback in MONITORING_CALLBACKS)
        ):
            return  # the logs are read from a history, a callback's hook or by a monitoring callback
        if (
            not ctx.imports_keras
            or not any(word in text for word in _OLD_KEY_WORDS)  # one scan a word where most modules write neither
            or not any(end in text for end in _OLD_KEY_ENDS)
            or not _OLD_KEY_TEXT.search(text)
        ):
            return
        metrics = _compiled_metrics(ctx)
        renamed = _renamed_keys(metrics, _written(ctx)) if metrics else {}
        if not renamed:
            return
        found: List[Finding] = []
        for node in ctx.nodes:
            if isinstance(node, ast.Call):
                found += self._monitor(ctx, node, renamed)
            elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) and _is_history(ctx, node.value):
                old = _old_key(node.slice, renamed)
                if old is not None:
                    found.append(self._report(ctx, old, f"`{ctx.source_of(node)}`", "raises `KeyError`"))
                elif isinstance(node.slice, ast.Name):  # ``for key in ['acc', 'val_acc']: history.history[key]``
                    found += self._looped_keys(ctx, node, renamed)
        if _EPOCH_HOOK in text or "batch_end" in text:
            for read in _epoch_log_reads(ctx):
                old = _old_key(_log_key(read, ctx.source_of(_logs_of(read))), renamed)
                if old is not None:
                    found.append(self._report(ctx, old, f"`{ctx.source_of(read)}`", _read_effect(read)))
        yield from sorted(found, key=lambda finding: (finding.line, finding.col))

    def _looped_keys(
        self, ctx: Context, read: ast.Subscript, renamed: Dict[str, Tuple[str, str, bool]]
    ) -> List[Finding]:
        """``history.history[key]`` inside ``for key in ['acc', 'val_acc']:``: each old key of the loop's own list,
        reported at the read, which raises ``KeyError`` (held-out probe 20, run on TF 2.15.1); no fix, as the list
        may label what the loop prints."""
        name = read.slice.id  # type: ignore[attr-defined]
        found: List[Finding] = []
        for loop in ctx.nodes:
            if not (
                isinstance(loop, ast.For)
                and isinstance(loop.target, ast.Name)
                and loop.target.id == name
                and isinstance(loop.iter, (ast.List, ast.Tuple))
                and loop.body
                and loop.body[0].lineno <= read.lineno <= (loop.body[-1].end_lineno or loop.body[-1].lineno)
            ):
                continue
            for item in loop.iter.elts:
                old = _old_key(item, renamed)
                if old is not None:
                    finding = self._report(
                        ctx, old, f"`{ctx.source_of(read)}` (`{name}` = '{old.key}')", "raises `KeyError`"
                    )
                    line, col, end_line, end_col = ctx.span(read)
                    found.append(finding._replace(fix=None, line=line, col=col, end_line=end_line, end_col=end_col))
                    break  # the read raises at the first old key the loop reaches
        return found

    def _monitor(self, ctx: Context, node: ast.Call, renamed: Dict[str, Tuple[str, str, bool]]) -> Iterator[Finding]:
        canonical = ctx.canonical(node.func) if isinstance(node.func, (ast.Name, ast.Attribute)) else None
        if canonical not in MONITORING_CALLBACKS:
            return
        if canonical == CHECKPOINT:
            yield from self._file_name(ctx, node, renamed)
        given = _argument(node, ctx.target, canonical, "monitor")
        old = _old_key(given, renamed)
        named = None  # ``monitor=MONITOR`` with ``MONITOR = 'val_acc'``: reported here, the literal left as it is
        if old is None and isinstance(given, ast.Name):
            named, old = given, _old_key(value_of(ctx, given), renamed)
        if old is None:
            return
        effect = self._effect(ctx.target, canonical, node)
        if effect is not None:
            shown = f"`{canonical.rsplit('.', 1)[-1]}(monitor={ctx.source_of(named or old.node)})`"
            # the program runs as written unless Keras 3 raises: then the fix changes what the callback does
            safe = effect == KERAS3_AUTO_MODE_EFFECT
            finding = self._report(ctx, old, shown, effect.format(key=old.key), safe=safe)
            if named is not None:  # the name may serve other code too: no fix
                finding = finding._replace(fix=None, line=named.lineno, col=ctx.span(named)[1],
                                           end_line=ctx.span(named)[2], end_col=ctx.span(named)[3])  # fmt: skip
            yield finding

    def _file_name(self, ctx: Context, node: ast.Call, renamed: Dict[str, Tuple[str, str, bool]]) -> Iterator[Finding]:
        """``ModelCheckpoint("w-{val_acc:.2f}.h5")``: a placeholder of an old key in the file name (a literal,
        or a name the module binds once to one)."""
        path = _argument(node, ctx.target, CHECKPOINT, "filepath")
        shared = False  # the string is read elsewhere too (``CKPT.format(val_acc=…)``): a rename could break that
        if isinstance(path, ast.Name):
            values = module_values(ctx)
            binding = values.binding(path)
            shared = path.id in ctx.exposure.imported or "*" in ctx.exposure.imported
            shared = shared or any(
                isinstance(other, ast.Name) and other.id == path.id and other is not path
                and isinstance(other.ctx, ast.Load) and values.binding(other) is binding
                for other in ctx.nodes
            )  # fmt: skip
            path = binding.value if binding is not None and isinstance(binding.value, ast.expr) else None
        value = _string(path)
        if value is None or not isinstance(path, ast.Constant):
            return
        try:
            fields = [field for _, field, _, _ in string.Formatter().parse(value) if field]
        except ValueError:  # not a valid format string: Keras fails on it whatever the keys
            return
        for field in dict.fromkeys(fields):
            if field not in renamed:
                continue
            new, given, sure = renamed[field]
            edits: Tuple[Edit, ...] = ()
            if sure and not shared and "{{" not in value and "}}" not in value:
                fixed = value
                for after in ":!}":
                    fixed = fixed.replace("{" + field + after, "{" + new + after)
                edits = string_replaced(ctx, path, fixed) if ctx.source_of(path)[1:-1] == value else ()
            yield self.finding(
                ctx, path, edits=edits, use="A placeholder in `ModelCheckpoint`'s file name", old=field, new=new,
                given=given, effect=FILEPATH_KEY_EFFECT.format(key=repr(field)), since=KEYS_RENAMED_IN,
            )  # fmt: skip

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
        edits = string_replaced(ctx, old.node, old.new) if old.sure else ()
        return self.finding(
            ctx, old.node, edits=edits, safe=safe, use=use, old=old.key, new=old.new, given=old.given, effect=effect,
            since=KEYS_RENAMED_IN,
        )  # fmt: skip


CHECKPOINT = "callbacks.ModelCheckpoint"
_EPOCH_HOOK = "on_epoch_end"


def _epoch_log_reads(ctx: Context) -> Iterator[Union[ast.Subscript, ast.Call]]:
    """``logs['acc']`` read in ``on_epoch_end(self, epoch, logs)`` of a Keras callback class, where ``logs`` is
    the hook's (not rebound to another dict) and the read may raise (no ``'acc' in logs`` test, no ``except
    KeyError`` around it): the epoch's logs hold the compiled metrics' keys (held-out probe 10). Also in the batch
    hooks, whose logs hold the same keys, and ``logs.get('acc')``, which finds None there (held-out probe 20)."""
    from kerascheck.rules.objects import keras_classes  # here: read only when a module may need it

    hooks: List[Tuple[Union[ast.FunctionDef, ast.Lambda], str]] = []
    for node, kind in keras_classes(ctx):
        if kind.kind != "Callback":
            continue
        for statement in node.body:
            if not (isinstance(statement, ast.FunctionDef) and statement.name in _LOG_HOOKS):
                continue
            parameters = statement.args.posonlyargs + statement.args.args
            if len(parameters) < 3 or _rebound(statement, parameters[2].arg):
                continue
            hooks.append((statement, parameters[2].arg))
    hooks += _lambda_callback_hooks(ctx)
    for hook, logs in hooks:
        tested, caught = _guarded_reads(hook, logs)
        # ``logs.get('acc') or logs.get('accuracy')``: code for either key (held-out probe 19)
        either = {
            id(value)
            for boolean in ast.walk(hook)
            if isinstance(boolean, ast.BoolOp)
            and sum(_log_key(value, logs) is not None for value in boolean.values) > 1
            for value in boolean.values
        }
        for read in ast.walk(hook):
            key = _log_key(read, logs)
            if key is not None and _string(key) not in tested and id(read) not in caught | either:
                yield read  # type: ignore[misc]  # _log_key is None for any other node


def _lambda_callback_hooks(ctx: Context) -> List[Tuple[Union[ast.FunctionDef, ast.Lambda], str]]:
    """The functions a ``LambdaCallback`` is given for a hook whose logs hold the metrics' keys, each with its ``logs``
    parameter: a lambda (``on_epoch_end=lambda epoch, logs: log.write(json.dumps(logs['acc']))``, the Keras
    documentation's JSON logger) or a module function of its own (``on_epoch_end=report``). Both Keras call
    ``on_epoch_end(epoch, logs)`` and the batch hooks ``(batch, logs)`` (TF 2.15.1 and Keras 3.15.1
    ``LambdaCallback``)."""
    functions = {node.name: node for node in ctx.tree.body if isinstance(node, ast.FunctionDef)}
    found: List[Tuple[Union[ast.FunctionDef, ast.Lambda], str]] = []
    for call in ctx.index.calls:
        if "LambdaCallback" not in ctx.source_of(call.func) or ctx.canonical(call.func) != "callbacks.LambdaCallback":
            continue
        for keyword in call.keywords:
            given = keyword.value
            hook = functions.get(given.id) if isinstance(given, ast.Name) else given
            if keyword.arg not in _LOG_HOOKS or not isinstance(hook, (ast.Lambda, ast.FunctionDef)):
                continue
            parameters = hook.args.posonlyargs + hook.args.args
            if len(parameters) == 2 and not (isinstance(hook, ast.FunctionDef) and _rebound(hook, parameters[1].arg)):
                found.append((hook, parameters[1].arg))
    return found


# the hooks whose ``logs`` hold the compiled metrics' keys (TF 2.15.1 and Keras 3.15.1 callbacks.py)
_LOG_HOOKS = frozenset({_EPOCH_HOOK, "on_batch_end", "on_train_batch_end", "on_test_batch_end"})


def _log_key(read: ast.AST, logs: str) -> Optional[ast.expr]:
    """The key of ``logs['key']`` or ``logs.get('key')`` (a read of the hook's ``logs``), else None."""
    if isinstance(read, ast.Subscript) and isinstance(read.ctx, ast.Load):
        if isinstance(read.value, ast.Name) and read.value.id == logs:
            return read.slice
    elif (
        isinstance(read, ast.Call)
        and isinstance(read.func, ast.Attribute)
        and read.func.attr == "get"
        and isinstance(read.func.value, ast.Name)
        and read.func.value.id == logs
        and len(read.args) == 1
        and not read.keywords
    ):
        return read.args[0]
    return None


def _logs_of(read: Union[ast.Subscript, ast.Call]) -> ast.expr:
    return read.value if isinstance(read, ast.Subscript) else read.func.value  # type: ignore[attr-defined]


def _read_effect(read: ast.AST) -> str:
    return "finds `None`" if isinstance(read, ast.Call) else "raises `KeyError`"


# how the old keys end (`acc`, `error`), before a quote or as a file name's placeholder (``{val_acc:.2f}``): a few plain
# searches of the text spare most modules the pattern's slower one
_OLD_KEY_WORDS = tuple(sorted({key.rpartition("_")[2] for key in OLD_KEY_OF_METRIC.values()}))  # "acc", "error"
_OLD_KEY_ENDS = tuple(f"{end}{after}" for end in _OLD_KEY_WORDS for after in "'\":}!")
_OLD_KEY_TEXT = LazyPattern(  # an old key at the end of a string (``'val_acc'``) or as a placeholder: one pass
    "(?:" + "|".join(sorted(set(OLD_KEY_OF_METRIC.values()))) + ")['\":}!]"
)


def _is_true(node: Optional[ast.expr]) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _is_history(ctx: Context, node: ast.expr) -> bool:
    """``….history`` (a ``History`` callback's dict), or a name bound once to one; not ``self.history``,
    which a class of the module may keep for itself. Where the module sets a ``history`` of its own on some object
    (``self.history = {"acc": []}`` in a wrapper class), only the ``history`` of what Keras's ``fit`` returns or
    of a Keras model is taken for Keras's (probe 15 FP-2: ``clf.history["acc"]`` of such a wrapper runs)."""
    if isinstance(node, ast.Name):
        binding = module_values(ctx).binding(node)
        node = binding.value if binding is not None and isinstance(binding.value, ast.expr) else node
    if not (isinstance(node, ast.Attribute) and node.attr == "history"):
        return False
    if isinstance(node.value, ast.Name) and node.value.id == "self":
        return False  # a class's own record
    return "history" not in ctx.index.attributes_set or _made_by_keras_fit(ctx, node.value)


def _made_by_keras_fit(ctx: Context, node: ast.expr) -> bool:
    """Whether the object is what a Keras model's ``fit`` returns (the call, or a name bound once to it), or a
    Keras model (whose ``history`` is the History of its last ``fit``)."""
    return _fit_result(ctx, node) or is_keras_model(ctx, node)


def _fit_result(ctx: Context, node: ast.expr) -> bool:
    """Whether the object is what a Keras model's ``fit`` returns: the call, or a name bound once to it."""
    made: Optional[ast.AST] = node
    if isinstance(made, ast.Name):
        binding = module_values(ctx).binding(made)
        made = binding.value if binding is not None and binding.unpacked_from is None else None
    return (
        isinstance(made, ast.Call)
        and isinstance(made.func, ast.Attribute)
        and made.func.attr in ("fit", "fit_generator")
        and is_keras_model(ctx, made.func.value)
    )


# ``logs["lr"] = …`` (``"learning_rate"`` on tf.keras): a callback of the module's own logs the rate
_LOGS_RATE = {
    Target.KERAS3: LazyPattern(r"\[\s*['\"]lr['\"]\s*\]\s*="),
    Target.TF_KERAS: LazyPattern(r"\[\s*['\"]learning_rate['\"]\s*\]\s*="),
}
# the key a target's ReduceLROnPlateau and LearningRateScheduler log the rate under, the other Keras's, and what ran
_RATE_KEYS = {
    Target.KERAS3: (KERAS3_RATE_KEY, OLD_RATE_KEY, f"Keras {KERAS3_CHECKED}"),
    Target.TF_KERAS: (OLD_RATE_KEY, KERAS3_RATE_KEY, "TF 2.15.1"),
}


class LearningRateLogKey(Rule):
    """## What it does
    Finds `history.history['lr']`, and `logs['lr']` in `on_epoch_end` of a Keras callback class (where no
    `'lr' in logs` test or `except KeyError` guards it), in a module that trains with `ReduceLROnPlateau` or
    `LearningRateScheduler`, on Keras 3; and the same reads of Keras 3's key `'learning_rate'` on tf.keras.

    ## Why is this bad?
    tf.keras's two callbacks log the rate as `lr`, in the epoch's logs that later callbacks and the History
    see (keras 2.15.0 `callbacks.py`; TF 2.15.1 run); Keras 3's (3.15.1) log it as `learning_rate`. Reading
    the other Keras's key raises `KeyError` after the first epoch.

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
    Safe: the target's logs hold the rate under its own key only.
    """

    code = "KER226"
    name = "learning-rate-log-key"
    fix_safety = FixSafety.SAFE
    message = (
        "`{use}` reads `'{old}'`, but on target {target} ({version}) `{callback}` (line {callback_at}) "
        "logs the rate as `'{new}'`: `KeyError`"
    )
    fix_title = "Read `'{new}'`"
    severity = Severity.ERROR
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
        Valid(
            "import keras\nhistory = model.fit(x, y, callbacks=[keras.callbacks.ReduceLROnPlateau()])\n"
            "print(history.history['learning_rate'])\n",
            target=Target.KERAS3,
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
        Invalid(  # a callback that records the rate, after the one that logs it (held-out probe 16)
            "import keras\nclass Rates(keras.callbacks.Callback):\n    def on_epoch_end(self, epoch, logs=None):\n"
            "        print(logs['lr'])\n"
            "model.fit(x, y, callbacks=[keras.callbacks.ReduceLROnPlateau(), Rates()])\n",
            at=((4, 19),),
            target=Target.KERAS3,
            fixed=(
                "import keras\nclass Rates(keras.callbacks.Callback):\n    def on_epoch_end(self, epoch, logs=None):\n"
                "        print(logs['learning_rate'])\n"
                "model.fit(x, y, callbacks=[keras.callbacks.ReduceLROnPlateau(), Rates()])\n"
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
        Invalid(  # Keras 3's key, on tf.keras (held-out probe 16)
            "from tensorflow import keras\nhistory = model.fit(x, y, callbacks=[keras.callbacks.ReduceLROnPlateau()])\n"
            "print(history.history['learning_rate'])\n",
            at=((3, 22),),
            fixed=(
                "from tensorflow import keras\n"
                "history = model.fit(x, y, callbacks=[keras.callbacks.ReduceLROnPlateau()])\n"
                "print(history.history['lr'])\n"
            ),
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        new, old, version = _RATE_KEYS[ctx.target]
        if f"'{old}'" not in text and f'"{old}"' not in text:
            return
        if not any(callback.rpartition(".")[2] in text for callback in RATE_LOGGING_CALLBACKS):
            return
        if _LOGS_RATE[ctx.target].search(text):
            return  # a callback of the module's own logs the rate itself: which history holds it is not seen
        callbacks = [
            node
            for node in ctx.index.calls
            if isinstance(node.func, (ast.Name, ast.Attribute)) and ctx.canonical(node.func) in RATE_LOGGING_CALLBACKS
        ]
        if not callbacks:
            return
        first = callbacks[0]
        callback = str(ctx.canonical(first.func)).rpartition(".")[2]
        reads = [
            node
            for node in ctx.nodes
            if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) and _is_history(ctx, node.value)
        ]
        if _EPOCH_HOOK in text:  # ``logs['lr']`` in the epoch hook of a callback that runs after the rate's
            reads += [read for read in _epoch_log_reads(ctx) if isinstance(read, ast.Subscript)]
        for node in sorted(reads, key=lambda read: (read.lineno, read.col_offset)):
            key = node.slice
            if _string(key) != old or not isinstance(key, ast.Constant):
                continue
            yield self.finding(
                ctx, key, edits=string_replaced(ctx, key, new), use=ctx.source_of(node), callback=callback,
                callback_at=first.lineno, old=old, new=new, version=version,
            )  # fmt: skip


class CallbackParamsKey(Rule):
    """## What it does
    Finds `self.params['metrics']`, `['samples']`, `['batch_size']` and `['do_validation']` (and Keras 1's
    `['nb_epoch']`, `['nb_sample']`) in a Keras callback class, and the same keys of the `params` of the History a
    Keras model's `fit` returns (`history.params['metrics']`): keys Keras 1 and 2.2 passed their callbacks and no
    later Keras does. Finds
    `logs['size']` and `logs['batch']` too, where `logs` is the parameter of a batch hook
    (`on_batch_end`, `on_train_batch_begin`, …) of a Keras callback class: Keras 2.2's batch logs held them.

    ## Why is this bad?
    `fit` now gives a callback's `params` only `epochs`, `steps` and `verbose` (TF 2.15.1 and Keras 3.15.1,
    run), and a batch hook's `logs` only the batch's metrics (`outputs` in `predict`): reading another key
    raises `KeyError` as training starts. tf.keras still passes the old keys in graph mode
    (`tf.compat.v1.disable_eager_execution()`), where nothing is reported. `logs.get('size')` is not reported:
    it gives None (or its default), and code written for both loops reads it so.

    ## Example
    ```python
    class Printer(keras.callbacks.Callback):
        def on_train_begin(self, logs=None):
            self.names = self.params["metrics"]

        def on_batch_end(self, batch, logs=None):
            self.seen += logs["size"]
    ```

    ## Use instead
    ```python
    class Printer(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            print(sorted(logs))
    ```

    ## Fix safety
    No fix: what replaces the key depends on what the callback did with it.
    """

    code = "KER227"
    name = "callback-params-key"
    message = "`{use}` raises `KeyError` on target {target}: {given} ({passed} passed `{key}` too)"
    fix_title = "{remedy}"
    severity = Severity.ERROR
    fix_safety = FixSafety.NONE
    valid = (
        Valid(
            "import keras\nclass P(keras.callbacks.Callback):\n"
            "    def on_train_begin(self, logs=None):\n"
            "        print(self.params['epochs'], self.params.get('metrics'))\n"
        ),
        Valid("import keras\nclass P:\n    def f(self):\n        return self.params['metrics']\n"),
        Valid(
            "import tensorflow as tf\nfrom tensorflow import keras\ntf.compat.v1.disable_eager_execution()\n"
            "class P(keras.callbacks.Callback):\n    def on_train_begin(self, logs=None):\n"
            "        self.n = self.params['samples']\n"
        ),
        Valid(  # .get gives None; not a batch hook; not a Keras callback
            "import keras\nclass P(keras.callbacks.Callback):\n    def on_batch_end(self, batch, logs=None):\n"
            "        self.n = logs.get('size', 0)\n    def on_epoch_end(self, epoch, logs=None):\n"
            "        print(logs['batch'])\nclass Q:\n    def on_batch_end(self, batch, logs=None):\n"
            "        print(logs['size'])\n",
            target=Target.KERAS3,
        ),
        Valid(
            "import tensorflow as tf\nfrom tensorflow import keras\ntf.compat.v1.disable_eager_execution()\n"
            "class P(keras.callbacks.Callback):\n    def on_batch_end(self, batch, logs=None):\n"
            "        self.seen += logs['size']\n"
        ),
        Valid(  # logs bound to another dict, or given the key by the module
            "from tensorflow import keras\nclass P(keras.callbacks.Callback):\n"
            "    def on_batch_end(self, batch, logs=None):\n        logs = {'batch': batch}\n"
            "        print(logs['batch'])\nclass Q(keras.callbacks.Callback):\n"
            "    def on_batch_end(self, batch, logs=None):\n        logs['size'] = 32\n"
            "class R(keras.callbacks.Callback):\n    def on_batch_end(self, batch, logs=None):\n"
            "        print(logs['size'])\n"
        ),
        Valid(  # read where the key is tested or KeyError caught: written for both loops (runs on both, programs)
            "import keras\nclass P(keras.callbacks.Callback):\n    def on_train_batch_end(self, batch, logs=None):\n"
            "        if 'size' in logs:\n            print(logs['size'])\n"
            "        n = logs['batch'] if 'batch' in logs else batch\n"
            "        try:\n            s = logs['size']\n        except KeyError:\n            s = 0\n",
            target=Target.KERAS3,
        ),
    )  # fmt: skip
    invalid = (
        Invalid(
            "from tensorflow import keras\nclass P(keras.callbacks.Callback):\n"
            "    def on_train_begin(self, logs=None):\n        self.names = self.params['metrics']\n",
            at=((4, 21),),
        ),
        Invalid(
            "import keras\nclass P(keras.callbacks.ProgbarLogger):\n    def on_epoch_begin(self, epoch, logs=None):\n"
            "        total = self.params['samples'] // self.params['batch_size']\n",
            at=((4, 16), (4, 42)),
            target=Target.KERAS3,
        ),
        Invalid(
            "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "history = model.fit(x, y)\nprint(history.params['epochs'], history.params['metrics'])\n",
            at=((4, 32),),
            target=Target.KERAS3,
        ),
        Invalid(
            "from tensorflow.keras.callbacks import Callback\nclass Throughput(Callback):\n"
            "    def on_batch_end(self, batch, logs=None):\n        logs = logs or {}\n"
            "        self.seen += logs['size']\n    def on_train_batch_begin(self, batch, log=None):\n"
            "        print(log['batch'], log['size'])\n",
            at=((5, 21), (7, 14), (7, 28)),
        ),
        Invalid(
            "import keras\nclass Throughput(keras.callbacks.Callback):\n    def on_batch_end(self, batch, logs=None):\n"
            '        self.seen += logs["size"]\n',
            at=((4, 21),),
            target=Target.KERAS3,
        ),
    )  # fmt: skip

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        if ctx.target is Target.TF_KERAS and graph_mode(ctx):
            return
        text = module_text(ctx)
        if f"{CALLBACK_PARAMS}[" in text:
            yield from self._params(ctx)
        if (
            ("batch_begin" in text or "batch_end" in text)
            and "[" in text
            and any(f"[{quote}{key}{quote}]" in text for key in OLD_BATCH_LOGS for quote in "'\"")
        ):  # a read such as ``logs['size']`` is written in the text (spaces inside brackets are rare)
            yield from self._batch_logs(ctx)

    def _params(self, ctx: Context) -> Iterator[Finding]:
        from kerascheck.rules.api_checks import interesting_names  # here: read only when a module may need it
        from kerascheck.rules.objects import typed_uses

        typed = {
            id(use.node)
            for use in typed_uses(ctx, interesting_names(ctx.target))
            if use.type.kind == "Callback" and use.node.attr == CALLBACK_PARAMS and not use.assigned
        }
        keys = ", ".join(f"`{key}`" for key in CALLBACK_PARAM_KEYS)
        given = f"`fit` passes a callback only {keys}"
        for node in ctx.nodes:
            if not (isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load)):
                continue
            if id(node.value) in typed:
                remedies = OLD_CALLBACK_PARAMS
            elif _is_history_params(ctx, node.value):
                remedies = OLD_HISTORY_PARAMS
            else:
                continue
            key = _string(node.slice)
            if key in remedies:
                passed = "Keras 1" if key in KERAS1_CALLBACK_PARAMS else "Keras 2.2"
                yield self.finding(
                    ctx, node, use=ctx.source_of(node), given=given, key=key, remedy=remedies[key], passed=passed
                )

    def _batch_logs(self, ctx: Context) -> Iterator[Finding]:
        """``logs['size']`` where ``logs`` is the parameter of a batch hook of a Keras callback class."""
        from kerascheck.rules.objects import keras_classes

        given = _batch_logs_given(ctx)
        for node, kind in keras_classes(ctx):
            if kind.kind != "Callback":
                continue
            for hook in node.body:
                if not (isinstance(hook, ast.FunctionDef) and hook.name in BATCH_HOOKS):
                    continue
                parameters = hook.args.posonlyargs + hook.args.args
                if len(parameters) < 3 or _rebound(hook, parameters[2].arg):
                    continue
                logs = parameters[2].arg
                what = "the batch's `outputs`" if hook.name.startswith("on_predict") else "the batch's metrics"
                tested, caught = _guarded_reads(hook, logs)
                for read in ast.walk(hook):
                    if not (
                        isinstance(read, ast.Subscript)
                        and isinstance(read.ctx, ast.Load)
                        and isinstance(read.value, ast.Name)
                        and read.value.id == logs
                    ):
                        continue
                    key = _string(read.slice)
                    if key in OLD_BATCH_LOGS and key not in given and key not in tested and id(read) not in caught:
                        yield self.finding(
                            ctx,
                            read,
                            use=ctx.source_of(read),
                            given=f"the `logs` of `{hook.name}` hold only {what}",
                            key=key,
                            remedy=OLD_BATCH_LOGS[key],
                            passed="Keras 2.2",
                        )


_CATCHING = frozenset({"KeyError", "LookupError", "Exception", "BaseException"})


def _guarded_reads(hook: Union[ast.FunctionDef, ast.Lambda], logs: str) -> Tuple[Set[str], Set[int]]:
    """What of ``logs`` the hook reads only where it may not raise: the keys it tests (``'size' in logs``, code
    written for both Kerases), and the ids of the nodes in a ``try`` that catches ``KeyError``."""
    tested: Set[str] = set()
    caught: Set[int] = set()
    for node in ast.walk(hook):
        if isinstance(node, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
            key = _string(node.left)
            if key is not None and any(logs in _names(each) for each in node.comparators):
                tested.add(key)
        elif isinstance(node, ast.Try) and any(_catches_key_error(handler) for handler in node.handlers):
            caught.update(id(inner) for statement in node.body for inner in ast.walk(statement))
    return tested, caught


def _names(node: ast.expr) -> Set[str]:
    return {each.id for each in ast.walk(node) if isinstance(each, ast.Name)}


def _catches_key_error(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    caught = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(
        (isinstance(each, ast.Name) and each.id in _CATCHING)
        or (isinstance(each, ast.Attribute) and each.attr in _CATCHING)
        for each in caught
    )


def _rebound(function: ast.FunctionDef, name: str) -> bool:
    """Whether the function binds ``name`` to something not made from it (``logs = logs or {}`` keeps it)."""
    stores = kept = 0
    for node in ast.walk(function):
        if isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return True
        if isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Load):
            stores += 1
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.NamedExpr)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(target, ast.Name) and target.id == name for target in targets) and any(
                isinstance(sub, ast.Name) and sub.id == name for sub in ast.walk(node.value)
            ):
                kept += 1
    return stores > kept


def _batch_logs_given(ctx: Context) -> Set[str]:
    """The old batch-log keys the module writes into some dict itself (``logs['size'] = …``,
    ``logs.update(size=…)``, ``logs.setdefault('size', …)``): those reads are not reported."""
    given: Set[str] = set()
    for node in ctx.nodes:
        if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store):
            key = _string(node.slice)
            if key in OLD_BATCH_LOGS:
                given.add(key)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in ("update", "setdefault"):
                given.update(keyword.arg for keyword in node.keywords if keyword.arg in OLD_BATCH_LOGS)
                given.update(
                    key for key in (_string(arg) for arg in node.args) if key is not None and key in OLD_BATCH_LOGS
                )
    return given


def _is_history_params(ctx: Context, node: ast.expr) -> bool:
    """``history.params`` of the History a Keras model's ``fit`` returns (``model.fit(…).params``, or a name bound
    once to that call)."""
    return isinstance(node, ast.Attribute) and node.attr == CALLBACK_PARAMS and _fit_result(ctx, node.value)
