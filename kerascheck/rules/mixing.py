"""KER4xx: one module using two Keras implementations.

Layers, models, tensors and optimizers of one implementation are not instances of the other's
classes, so combining them fails far from the cause (FIELD-NOTES section D). Each rule reports once
per module, at the first use of the second implementation, naming the line of the first.
"""

from __future__ import annotations

import ast
from typing import Any, Dict, FrozenSet, Iterator, List, Optional, Set, Tuple, Union

from kerascheck.catalog import canonical_name
from kerascheck.catalog.implementations import NON_MIXING_PAIRS, NonMixingPair
from kerascheck.catalog.model import ONLY_TF_KERAS, Target
from kerascheck.context import Context, ModuleUses, Project
from kerascheck.context.module import sets_legacy_tf_keras
from kerascheck.findings import Finding
from kerascheck.import_graph import ImportGraph
from kerascheck.names import KERAS, TF_KERAS, TF_KERAS_PACKAGE, TF_PYTHON_KERAS
from kerascheck.rules.base import Invalid, Rule, Severity, Valid, module_text
from kerascheck.rules.versions import TF_KERAS_WORLD, mixing_versions

_SHOWN = {
    KERAS: "standalone `keras`",
    TF_KERAS: "`tf.keras`",
    TF_KERAS_PACKAGE: "`tf_keras`",
    TF_PYTHON_KERAS: "`tensorflow.python.keras`",
}


_MAX_PLACES = 200  # places per implementation compared: bounds the work on huge generated modules


def _pairs_of(first: str) -> Tuple[NonMixingPair, ...]:
    return tuple(pair for pair in NON_MIXING_PAIRS if pair.first == first)


class _MixingRule(Rule):
    """Report when the module uses both implementations of one of ``pairs`` (the catalog's pairs that do
    not mix, reported under ``pairs[0].first``)."""

    pairs: Tuple[NonMixingPair, ...]
    severity = Severity.ERROR

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        if len(ctx.first_uses) < 2:
            return  # one Keras: nothing to mix (most modules)
        uses = ctx.implementation_uses
        meetings = [
            (first, second, a, b)
            for first, second, _, _ in self.pairs
            if uses.get(first) and uses.get(second) and not self._one_keras(ctx, first, second)
            for a in uses.get(first, ())[:_MAX_PLACES]
            for b in uses.get(second, ())[:_MAX_PLACES]
            if a.meets(b)
        ]
        if not meetings:
            return
        first, second, a, b = min(meetings, key=lambda m: max(_position(m[2].node), _position(m[3].node)))
        (earlier, early), (later, late) = sorted([(first, a), (second, b)], key=lambda item: _position(item[1].node))
        severity, fields = self._effect(ctx)
        yield self.finding(
            ctx,
            late.node,
            severity=severity,
            this=_SHOWN[later],
            other=_SHOWN[earlier],
            other_line=early.node.lineno,
            versions=self._versions(ctx, first, second),
            **fields,
        )

    def _effect(self, ctx: Context) -> Tuple[Optional[Severity], Dict[str, Any]]:
        """This module's severity (None: the rule's) and the message's other fields."""
        return None, {}

    @staticmethod
    def _versions(ctx: Context, first: str, second: str) -> str:
        """:func:`_versions`; the tf_keras world where that alone makes standalone ``keras`` another Keras."""
        if (
            {first, second} == {KERAS, TF_KERAS}
            and ctx.in_tf_keras_world
            and one_keras(first, second, ctx.settings.pins)
        ):
            return TF_KERAS_WORLD
        return _versions(first, second, ctx.settings.pins, ctx.target)

    @staticmethod
    def _one_keras(ctx: Context, first: str, second: str) -> bool:
        """:func:`one_keras`; and standalone ``keras`` is another Keras than tf.keras in the tf_keras world."""
        if {first, second} == {KERAS, TF_KERAS} and ctx.in_tf_keras_world:
            return False
        return one_keras(first, second, ctx.settings.pins)


def one_keras(first: str, second: str, pins: Tuple[str, ...]) -> bool:
    """Whether the two implementations are one Keras, where nothing mixes and nothing is reported: standalone
    ``keras`` and tf.keras unless the project's pins make them two (TF 2.6–2.15 come with the keras package
    their tf.keras is loaded from: ``keras.layers.Dense is tf.keras.layers.Dense``, run on TF 2.15.1); the
    others (``tensorflow.python.keras`` before TF 2.6) where the pins say so."""
    pair = {first, second}
    if TF_KERAS_PACKAGE in pair:
        return False
    if pair == {KERAS, TF_KERAS} and not pins:
        return True
    if not pins:
        return False
    from kerascheck.pins import implementations_differ  # here: only a module with two Kerases and pins needs it

    if pair == {KERAS, TF_KERAS}:
        return implementations_differ(False, pins) is not True

    # each of the two that is not tf.keras itself must be tf.keras with these pins
    return all(
        implementations_differ(implementation == TF_PYTHON_KERAS, pins) is False for implementation in pair - {TF_KERAS}
    )


def _versions(first: str, second: str, pins: Tuple[str, ...], target: Target) -> str:
    """What the message says of when the two implementations mix."""
    pair = {first, second}
    if TF_KERAS_PACKAGE in pair:
        return "`tf_keras` is a separate copy of Keras 2 whose objects do not mix with other Keras"
    return mixing_versions(TF_PYTHON_KERAS in pair, pins, target)


def _position(node: Union[ast.stmt, ast.expr]) -> Tuple[int, int]:
    return node.lineno, node.col_offset


class StandaloneAndTfKeras(_MixingRule):
    """## What it does
    Finds modules that use both standalone `keras` and `tf.keras` where they are two Kerases: the project's
    pins say so, or the module runs in the tf_keras world (it imports `tf_keras`: TensorFlow >= 2.16, where
    `keras` is Keras 3). Without either, TF 2.6–2.15 comes with the keras 2.x its tf.keras is loaded from,
    and the two are one (`keras.layers.Dense is tf.keras.layers.Dense`, run on TF 2.15.1): not reported.

    ## Why is this bad?
    They are one implementation only with keras 2.4 (a wrapper of tf.keras) or when TF 2.6–2.15 loads
    tf.keras from the installed keras 2.x. With Keras 1/2.0–2.3, TF 2.5 (which installs keras-nightly
    beside its own tf.keras) or Keras 3, they are two libraries, and mixing their objects fails with
    errors such as "The added layer must be an instance
    of class Layer", "Could not interpret optimizer identifier" or "'Tensor' object has no attribute
    '_keras_history'".

    ## Example
    ```python
    import keras
    from tensorflow.keras.layers import Dense
    ```

    ## Use instead
    ```python
    from tensorflow import keras
    from tensorflow.keras.layers import Dense
    ```

    ## Fix safety
    None here; KER101 rewrites the standalone imports.
    """

    code = "KER401"
    name = "mixed-keras-and-tf-keras"
    message = "{this} is used here and {other} at line {other_line}: {versions}"
    fix_title = "Use one Keras throughout the module"
    targets = ONLY_TF_KERAS
    pairs = _pairs_of(KERAS)
    valid = (
        Valid("from tensorflow import keras\nfrom tensorflow.keras import layers\n"),
        Valid("try:\n    import keras\nexcept ImportError:\n    from tensorflow import keras\nkeras.layers.Dense(1)\n"),
        Valid(
            "import os\nif os.environ.get('TF'):\n    from tensorflow.keras import layers\n"
            "else:\n    from keras import layers\n"
        ),
        Valid("import keras\nimport tensorflow as tf\nmodel = keras.Sequential([tf.keras.layers.Dense(1)])\n"),
        Valid(
            "def standalone():\n    import keras\n    return keras.layers\n"
            "def bundled():\n    import tensorflow as tf\n    return tf.keras.layers\n"
        ),
    )
    invalid = (
        Invalid(
            "import keras\nimport tensorflow as tf\nimport tf_keras\n"
            "model = keras.Sequential([tf.keras.layers.Dense(1)])\n",
            at=((4, 26),),
        ),
    )


class TfKerasPackageMixed(_MixingRule):
    """## What it does
    Finds modules that use the `tf_keras` package together with `keras` or `tf.keras`.

    ## Why is this bad?
    `tf_keras` is a separate copy of Keras 2. Its classes are not those of Keras 3 (`keras`, or
    `tf.keras` on TF >= 2.16) nor of the keras 2.x behind `tf.keras` on TF <= 2.15. A Keras 3
    `Sequential` rejects its layers ("Only instances of `keras.Layer` can be added"), and optimizers do
    not cross over.

    ## Example
    ```python
    import tf_keras
    import keras
    ```

    ## Use instead
    ```python
    import tf_keras as keras  # and TF_USE_LEGACY_KERAS=1 for tf.keras
    ```

    ## Fix safety
    None.
    """

    code = "KER402"
    name = "mixed-tf-keras-package"
    message = "{this} is used here and {other} at line {other_line}; `tf_keras` objects do not mix with other Keras"
    fix_title = "Use `tf_keras` throughout, or not at all"
    pairs = _pairs_of(TF_KERAS_PACKAGE)
    valid = (
        Valid("import tf_keras as keras\nfrom tf_keras import layers\n"),
        Valid(  # the old import is bound again before anything reads it: no tf.keras object is ever made
            "from tensorflow import keras\nimport tf_keras as keras\n"
            "model = keras.Sequential([keras.layers.Dense(2)])\n"
        ),
    )
    invalid = (
        Invalid("import tf_keras\nimport keras\n", at=((2, 0),), target=Target.KERAS3),
        Invalid(  # tf.keras's Dense is made before the name is bound again
            "from tensorflow import keras\ndense = keras.layers.Dense(2)\nimport tf_keras as keras\n"
            "model = keras.Sequential([dense])\n",
            at=((3, 0),),
        ),
    )


class TensorflowPythonKerasMixed(_MixingRule):
    """## What it does
    Finds modules that use `tensorflow.python.keras` together with any other Keras. On target tf.keras it is
    an error where the module shows a use that fails (its optimizer passed to tf.keras's `compile`, its `Dense`
    or `Flatten` called on a tf.keras tensor), a warning otherwise.

    ## Why is this bad?
    Up to TF 2.5 `tensorflow.python.keras` is tf.keras itself. From TF 2.6 it is a stale private copy, not
    the Keras behind `tf.keras` (still shipped in TF 2.15 and 2.16). Run on TF 2.15.1: tf.keras's `compile`
    cannot interpret its optimizers (`ValueError`), its `Dense` and `Flatten` raise when called on a tf.keras
    tensor; yet a tf.keras `Sequential` wraps its layers and trains them, and its `Conv2D`, `Dropout`,
    `Embedding` and utilities work with tf.keras's. A Keras 3 `Sequential` (TF 2.16+) refuses its layers.
    The message says which TF versions the pins allow.

    ## Example
    ```python
    from tensorflow.python.keras.layers import Dense
    from tensorflow import keras
    ```

    ## Use instead
    ```python
    from tensorflow.keras.layers import Dense
    from tensorflow import keras
    ```

    ## Fix safety
    None here; KER103 rewrites the private imports.
    """

    code = "KER403"
    name = "mixed-tensorflow-python-keras"
    message = "{this} is used here and {other} at line {other_line}: {versions}{failing}"
    fix_title = "Import everything from `tensorflow.keras`"
    severity = Severity.WARNING  # on tf.keras, an error where the module shows a use that fails (_effect)
    pairs = _pairs_of(TF_PYTHON_KERAS)
    valid = (
        Valid("from tensorflow.keras.layers import Dense\nfrom tensorflow import keras\n"),
        Valid(  # NumPy data from the copy's test helper: no Keras object of it meets tf.keras's
            "import tensorflow as tf\nfrom tensorflow.python.keras import testing_utils\n"
            "(x, y), _ = testing_utils.get_test_data(\n"
            "    train_samples=10, test_samples=2, input_shape=(4,), num_classes=2)\n"
            "model = tf.keras.Sequential([tf.keras.layers.Dense(2)])\n",
            target=Target.KERAS3,
        ),
    )
    invalid = (
        Invalid(  # the helper, and a layer of the copy too
            "import tensorflow as tf\nfrom tensorflow.python.keras import layers, testing_utils\n"
            "(x, y), _ = testing_utils.get_test_data(\n"
            "    train_samples=10, test_samples=2, input_shape=(4,), num_classes=2)\n"
            "model = tf.keras.Sequential([layers.Dense(2)])\n",
            at=((5, 8),),
        ),
        Invalid(  # a warning: a tf.keras Sequential trains its layers (probe 11 FP-2, run on TF 2.15.1)
            "from tensorflow.python.keras.layers import Dense\nfrom tensorflow import keras\n"
            "model = keras.Sequential([keras.Input((3,)), Dense(1)])\n",
            at=((2, 0),),
        ),
        Invalid(  # an error: ValueError: Could not interpret optimizer identifier
            "from tensorflow.python.keras.optimizer_v2.adam import Adam\nfrom tensorflow import keras\n"
            "model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.compile(optimizer=Adam(), loss='mse')\n",
            at=((2, 0),),
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        if len(ctx.first_uses) < 2 or _only_data_helpers(ctx):
            return
        yield from super().check_module(ctx)

    def _effect(self, ctx: Context) -> Tuple[Optional[Severity], Dict[str, Any]]:
        if ctx.target is Target.KERAS3:
            return Severity.ERROR, {"failing": ""}  # keras 3.15.1 Sequential.add: "Only instances of `keras.Layer`"
        failing = failing_private_use(ctx)
        if failing is None:  # probe 11 FP-2: such a module ran and trained on TF 2.15.1
            return None, {
                "failing": "; the module shows no such use (a tf.keras `Sequential` wraps its layers and trains them)"
            }
        line, what = failing
        return Severity.ERROR, {"failing": f"; line {line} {what}"}


# Functions of `tensorflow.python.keras` that give plain NumPy data, no Keras object (TF 2.15.1
# tensorflow/python/keras/testing_utils.py get_test_data; utils/np_utils.py; preprocessing/sequence.py): a module that
# takes only these from the copy mixes nothing (corpus triage 12 FP-E, larq's tests; run on TF 2.15.1).
_DATA_HELPERS = frozenset({
    ("testing_utils", "get_test_data"), ("utils", "to_categorical"), ("utils", "np_utils", "to_categorical"),
    ("utils", "np_utils", "normalize"), ("preprocessing", "sequence", "pad_sequences"),
})  # fmt: skip


def _only_data_helpers(ctx: Context) -> bool:
    """Whether every use the module makes of ``tensorflow.python.keras`` reads one of ``_DATA_HELPERS``."""
    private = [
        reference.path
        for chain in ctx.index.chains
        if (reference := ctx.reference(chain)) is not None and reference.implementation == TF_PYTHON_KERAS
    ]
    return bool(private) and all(tuple(path) in _DATA_HELPERS for path in private)


# Layers of `tensorflow.python.keras` that raise when called on a tf.keras tensor (run on TF 2.15.1: Dense raises
# TypeError "You are passing KerasTensor…", Flatten ValueError; Conv2D, Dropout, Embedding, Add and a Layer
# subclass of its own build a tf.keras model fine).
_FAILING_PRIVATE_LAYERS = frozenset({"layers.Dense", "layers.Flatten"})


def failing_private_use(ctx: Context) -> Optional[Tuple[int, str]]:
    """(line, what happens) of the first use in the module of a ``tensorflow.python.keras`` object that fails with
    tf.keras's (TF 2.15.1): its optimizer passed to ``compile``, or a layer of ``_FAILING_PRIVATE_LAYERS`` called on
    a tf.keras tensor."""
    for call in ctx.nodes:  # ctx.index.calls keeps no `Dense(1)(x)`; few modules mix this copy in
        if not isinstance(call, ast.Call):
            continue
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr == "compile":
            optimizer = next(
                (k.value for k in call.keywords if k.arg == "optimizer"), call.args[0] if call.args else None
            )
            made = _made_by(ctx, optimizer)
            if made is not None and _private(ctx, made, (("optimizers",), ("optimizer_v2",))):
                return (
                    call.lineno,
                    "passes its optimizer to tf.keras's `compile`, which cannot interpret it (ValueError)",
                )
        elif isinstance(func, ast.Call) and call.args and _tf_keras_tensor(ctx, call.args[0]):
            reference = ctx.reference(func.func)
            if reference is not None and reference.implementation == TF_PYTHON_KERAS:
                if canonical_name(reference) in _FAILING_PRIVATE_LAYERS:
                    shown = reference.path[-1]
                    return call.lineno, f"calls its `{shown}` on a tf.keras tensor, which raises"
    return None


def _made_by(ctx: Context, node: Optional[ast.expr]) -> Optional[ast.expr]:
    """The callee of the call that made the value: the call itself, or the one value a name is bound to."""
    if isinstance(node, ast.Name):
        node = _only_value(ctx, node.id)
    return node.func if isinstance(node, ast.Call) else None


def _only_value(ctx: Context, name: str) -> Optional[ast.expr]:
    values = [
        node.value
        for node in ctx.nodes
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
    ]
    return values[0] if len(values) == 1 else None


def _private(ctx: Context, callee: ast.expr, modules: Tuple[Tuple[str, ...], ...]) -> bool:
    """Whether the callee is a ``tensorflow.python.keras`` name below one of ``modules``."""
    reference = ctx.reference(callee)
    return reference is not None and reference.implementation == TF_PYTHON_KERAS and reference.path[:1] in modules


def _tf_keras_tensor(ctx: Context, node: ast.expr) -> bool:
    """Whether the value is a tf.keras tensor the module shows: ``Input(…)`` or a tf.keras layer's output."""
    if isinstance(node, ast.Name):
        value = _only_value(ctx, node.id)
        node = value if value is not None else node
    if not isinstance(node, ast.Call):
        return False
    callee = node.func.func if isinstance(node.func, ast.Call) else node.func
    reference = ctx.reference(callee)
    if reference is None or reference.implementation != TF_KERAS:
        return False
    return isinstance(node.func, ast.Call) or canonical_name(reference) == "layers.Input"


class MixedAcrossProject(Rule):
    """## What it does
    Finds projects whose modules use two Keras implementations that do not mix, such as one module on
    `tf_keras` and another on standalone `keras`, or on standalone `keras` and `tf.keras` where the
    project's pins make them two (a whole-project check: the `kerascheck` command on a folder, and pylint
    at the end of its run).

    ## Why is this bad?
    Objects cross module boundaries: a layer built in one module and a model in another fail together
    with the errors of KER401–KER403, far from either import.

    ## Example
    ```python
    # model.py
    import tf_keras as keras
    # layers.py
    import keras
    ```

    ## Use instead
    ```python
    # both modules
    import tf_keras as keras
    ```

    ## Fix safety
    None here; KER101 and KER103 rewrite the imports.
    """

    code = "KER404"
    name = "mixed-keras-across-project"
    message = "{this} is used here and {other} in `{other_path}`, which one program imports too: {versions}"
    fix_title = "Use one Keras throughout the project"
    severity = Severity.ERROR
    valid = (
        Valid("# a.py\nfrom tensorflow import keras\nimport b\n# b.py\nfrom tensorflow.keras import layers\n"),
        Valid("# a.py\nfrom tensorflow import keras\n# b.py\nimport keras\n"),  # two programs
        Valid("# a.py\nfrom tensorflow import keras\nimport b\n# b.py\nimport keras\n"),  # TF 2.15's keras: one Keras
        Valid(  # TF_USE_LEGACY_KERAS makes every tf.keras of the process the tf_keras package
            "# a.py\nimport os\nos.environ['TF_USE_LEGACY_KERAS'] = '1'\nimport tf_keras\nimport b\n"
            "# b.py\nfrom tensorflow import keras\n"
        ),
    )
    invalid = (Invalid("# a.py\nimport tf_keras\nimport b\n# b.py\nimport keras\n", at=((1, 0),)),)

    def module_facts(self, ctx: Context) -> Optional[object]:
        """True where the module sets ``TF_USE_LEGACY_KERAS`` (``os.environ["TF_USE_LEGACY_KERAS"] = "1"``): TensorFlow
        reads it for the whole process, so every module's ``tf.keras`` is then the tf_keras package (the backend
        switch of keras_cv_attention_models and of tensorflow_model_optimization's ``compat.py``)."""
        if "TF_USE_LEGACY_KERAS" in module_text(ctx) and sets_legacy_tf_keras(ctx.tree):
            return True
        return None

    def check_project(self, project: Project) -> Iterator[Tuple[str, Finding]]:
        target = project.settings.target
        pins = project.settings.pins
        pairs = {
            frozenset((pair.first, pair.second))
            for pair in NON_MIXING_PAIRS
            if target in pair.targets and not one_keras(pair.first, pair.second, pins)
        }
        if len({name for module in project.modules for name in module.implementations}) < 2:
            return  # one Keras in the whole project: nothing can mix
        graph = ImportGraph((module.path, module.name, module.imports) for module in project.modules)
        by_path = {module.path: module for module in project.modules}
        for entry in sorted(by_path):  # each module run as a program, with all it imports
            program = [by_path[path] for path in sorted(graph.program(entry))]
            found = _first_mix(program, pairs, legacy=any(module.facts_of(self.code) for module in program))
            if found is not None:
                path, line, col, this, other, other_path = found
                shown: Dict[str, Any] = {"this": _SHOWN[this], "other": _SHOWN[other], "other_path": other_path}
                versions = _versions(this, other, project.settings.pins, target)
                yield path, self.finding_at(target, line, col, line, col, versions=versions, **shown)
                return


def _first_mix(
    program: List[ModuleUses], pairs: Set[FrozenSet[str]], legacy: bool = False
) -> Optional[Tuple[str, int, int, str, str, str]]:
    """The first use, in path order, of a Keras implementation that does not mix with one a module of
    the same program used before (two modules: mixing inside one module is KER401–KER403). ``legacy``: a module of
    the program sets ``TF_USE_LEGACY_KERAS``, which makes ``tf.keras`` the tf_keras package in the whole process."""
    first: Dict[str, str] = {}  # implementation -> path of the first module using it
    for module in program:
        uses = sorted(module.implementations.items(), key=lambda item: item[1])
        for implementation, (line, col) in uses:
            if legacy and implementation == TF_KERAS:
                implementation = TF_KERAS_PACKAGE
            for seen, seen_path in first.items():
                if frozenset((seen, implementation)) in pairs and seen_path != module.path:
                    return module.path, line, col, implementation, seen, seen_path
            first.setdefault(implementation, module.path)
    return None
