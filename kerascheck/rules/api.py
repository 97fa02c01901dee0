"""Calls and attributes checked against the target's real API (``kerascheck/catalog/api``, generated from
the Keras wheels): KER230, a call that does not bind; KER231, a keyword the target ignores or deprecates;
KER120, a method or attribute the class lacks.

Where a specific rule explains a problem (a Keras 1 keyword, ``lr=``, ``decay=``, a Keras 1 positional
form, ``save_format=``, ``add_weight("name", …)``, a removed method), these stay silent: one finding per
problem.
"""

from __future__ import annotations

import ast
from typing import FrozenSet, Iterator

from kerascheck.catalog.model import Target
from kerascheck.context import Context
from kerascheck.findings import Finding
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid


def _checks():
    from kerascheck.rules import api_checks  # on the first check: kerascheck starts without it

    return api_checks


# The public modules the tables cover (scripts/generate_api_tables.py PUBLIC_MODULES): the calls worth a
# look, told by their canonical name without loading a table.
_TABLED_MODULES = frozenset(
    {"activations", "applications", "backend", "callbacks", "constraints", "datasets", "initializers", "layers",
     "losses", "metrics", "models", "optimizers", "preprocessing", "regularizers", "saving", "utils"}
)  # fmt: skip


class _TabledOwners:
    """The callees KER230 looks at: public names of the tabled modules (never a method: ``.fit`` on a
    receiver of unknown type is no call of a Keras method)."""

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.partition(".")[0] in _TABLED_MODULES

    def __iter__(self) -> Iterator[str]:
        return iter(())


class CallDoesNotBind(Rule):
    """## What it does
    Checks each call of a Keras callable (and each method call on an object known to be a Keras model,
    optimizer, callback or metric) against the target's real signature, generated from the Keras wheel:
    an unknown keyword, a keyword the target refuses by name, too many positional arguments, one argument
    given positionally and by keyword, a required argument missing. The same goes for the keywords a custom
    layer or model hands to Keras's `__init__` through `super().__init__(…)`, and for those a
    `functools.partial` of a Keras callable fixes.

    ## Why is this bad?
    tf.keras raises `TypeError: Keyword argument not understood`, Keras 3 `ValueError: Unrecognized
    keyword arguments`, Python `TypeError` for the rest: the call fails. (A keyword the target still
    takes, only to ignore it or with a deprecation warning, is KER231's.)

    ## Example
    ```python
    model.add(LSTM(32, batch_input_shape=(8, 10, 1), stateful=True))  # keras3: ValueError
    Conv2D(64, 1, 1, strides=2)  # strides given twice: TypeError
    ```

    ## Use instead
    ```python
    model.add(Input(batch_shape=(8, 10, 1)))
    model.add(LSTM(32, stateful=True))
    Conv2D(64, 1, strides=2)
    ```

    ## Fix safety
    Safe for a keyword Keras 3 only renamed (`relu(x, alpha=0.2)` → `negative_slope=0.2`, `regularizers.l2(l=…)` →
    `l2=…`, read in the keras 3.15.1 and 2.15.0 sources; the fixed calls run). None otherwise: what the argument was
    for decides the change (`period=5` epochs is not `save_freq=5` batches).
    """

    code = "KER230"
    name = "call-does-not-bind"
    message = "{what} on target {target}: {effect}"
    fix_title = "{remedy}"
    severity = Severity.ERROR
    fix_safety = FixSafety.SOMETIMES
    valid = (
        Valid("from tensorflow.keras.layers import Dense\nDense(3, input_shape=(4,), name='d')\n"),
        Valid("from tensorflow import keras\ny = keras.activations.relu(x, alpha=0.2)\n"),
        Valid("import keras\nkeras.layers.Dense(3, **config)\nkeras.layers.Conv2D(8, 3, 2)\n", target=Target.KERAS3),
        Valid("from mylib import Dense\nDense(3, batch_input_shape=(1, 2))\n", target=Target.KERAS3),
        Valid("from keras.layers import Conv2D\nConv2D(8, 3, 3, border_mode='same')\n"),
    )
    invalid = (
        Invalid(
            "import keras\ny = keras.activations.relu(x, alpha=0.2)\nr = keras.regularizers.l2(l=1e-4)\n",
            at=((2, 30), (3, 26)),
            target=Target.KERAS3,
            fixed="import keras\ny = keras.activations.relu(x, negative_slope=0.2)\n"
            "r = keras.regularizers.l2(l2=1e-4)\n",
        ),
        Invalid(
            "from keras.layers import LSTM\nLSTM(4, batch_input_shape=(8, 10, 1))\n",
            at=((2, 8),),
            target=Target.KERAS3,
        ),
        Invalid(
            "from tensorflow.keras.layers import Conv2D\nConv2D(64, 1, 1, strides=2)\n",
            at=((2, 17),),
        ),
        Invalid(
            "import keras\nm = keras.Sequential()\nm.fit(x, y, workers=4)\n",
            at=((3, 12),),
            target=Target.KERAS3,
        ),
        Invalid(
            "from tensorflow import keras\nkeras.callbacks.ModelCheckpoint('m.h5', period=5)\n",
            at=((2, 40),),
            target=Target.KERAS3,
        ),
    )

    owners = _TabledOwners()  # type: ignore[assignment]  # contains every tabled name, lists none

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        checks = _checks()
        return checks.call_findings(self, ctx, node, checks.FAILING_KINDS)

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        checks = _checks()
        return checks.method_findings(self, ctx, checks.FAILING_KINDS)


class KeywordIgnoredOrDeprecated(Rule):
    """## What it does
    Finds keywords of Keras calls that the target still takes only to ignore them (with a warning or
    silently) or to honour them with a deprecation warning: `Embedding(input_length=…)` on Keras 3,
    `TensorBoard(write_grads=…)` on tf.keras (ignored), `ModelCheckpoint(period=…)` on tf.keras
    (deprecated, refused by Keras 3). Checked against the same generated signatures as KER230.

    ## Why is this bad?
    The code runs, but an ignored keyword does not do what it says (no gradient histograms, no fixed
    sequence length), and a deprecated one fails on the next Keras. The message quotes what Keras says.

    ## Example
    ```python
    Embedding(10000, 64, input_length=100)  # keras3: ignored with a warning
    ```

    ## Use instead
    ```python
    Embedding(10000, 64)
    ```

    ## Fix safety
    Safe for a keyword the target ignores (it is deleted); none for a deprecated one: what it was for
    decides the change (`period=5` epochs is not `save_freq=5` batches).
    """

    code = "KER231"
    name = "keyword-ignored-or-deprecated"
    message = "{what} on target {target}: {effect}"
    fix_title = "{remedy}"
    severity = Severity.WARNING
    fix_safety = FixSafety.SOMETIMES
    valid = (
        Valid("from tensorflow import keras\nkeras.layers.Embedding(10, 4, input_length=5)\n"),
        Valid("import keras\nkeras.layers.Embedding(10, 4, input_lenght=5)\n", target=Target.KERAS3),
    )
    invalid = (
        Invalid(
            "import keras\nkeras.layers.Embedding(10, 4, input_length=5)\n",
            at=((2, 30),),
            target=Target.KERAS3,
            fixed="import keras\nkeras.layers.Embedding(10, 4)\n",
        ),
        Invalid(
            "from tensorflow import keras\nkeras.callbacks.ModelCheckpoint('m.h5', period=5)\n",
            at=((2, 40),),
        ),
    )

    owners = _TabledOwners()  # type: ignore[assignment]  # contains every tabled name, lists none

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        checks = _checks()
        return checks.call_findings(self, ctx, node, checks.ACCEPTED_KINDS)

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        checks = _checks()
        return checks.method_findings(self, ctx, checks.ACCEPTED_KINDS)


class MissingKerasAttribute(Rule):
    """## What it does
    Finds methods and attributes that the target's class lacks, used on an object the module shows to
    be a Keras model, layer, optimizer, callback or metric (a Keras constructor's result, `load_model`,
    `model.layers[i]`, `model.optimizer`, `self` in a custom layer, an instance of the module's own subclass of
    a Keras class (`model = MyModel()`, less the names the class defines), a call of the module's own
    `build_model()` whose every `return` is one): `predict_proba`,
    `_make_predict_function`, `layer.output_shape` and `optimizer.lr` on Keras 3, `model.reset_states`,
    `state_updates`, `to_yaml`. Also an assignment to a name the target replaced
    (`model.optimizer.lr = 0.5` on Keras 3), and a call of a property whose value is never callable there
    (`optimizer.variables()` on Keras 3, where tf.keras's optimizers let it be called).

    ## Why is this bad?
    `AttributeError` at run time (`to_yaml` on tf.keras raises `RuntimeError`; a called property
    `TypeError: 'list' object is not callable`). Only names that some
    Keras release had are reported; an object whose type is not shown is never guessed at. An assignment
    fails silently: Keras 3's optimizer takes `opt.lr = 0.5` as a new attribute of its own and trains on
    at its `learning_rate`.

    ## Example
    ```python
    model = load_model("m.h5")
    model._make_predict_function()
    K.set_value(model.optimizer.lr, 1e-4)
    ```

    ## Use instead
    ```python
    model = load_model("m.h5")
    K.set_value(model.optimizer.learning_rate, 1e-4)
    ```

    ## Fix safety
    Safe where the replacement is exact: `.lr` → `.learning_rate`, `predict_proba` → `predict`,
    `Metric.reset_states` → `reset_state`, deleting a bare `model._make_predict_function()`,
    `optimizer.variables()` → `optimizer.variables` (tf.keras's call gave that very list); none otherwise
    (`model.layers()` was never a method, so what the call meant is not known). Unsafe where the module sets
    `.lr` itself (`opt.lr = 0.5` → `opt.learning_rate = 0.5`): the optimizer then trains at that rate, which
    Keras 3 did not, and a read of it finds a Variable, not the number set; its uses of `.lr` are renamed only
    all together, when every one is on an object the module shows to be an optimizer.
    """

    code = "KER120"
    name = "missing-keras-attribute"
    message = "`{receiver}.{attribute}` {effect} on target {target}: {kind} {lacks}{removed}"
    fix_title = "{remedy}"
    severity = Severity.ERROR
    fix_safety = FixSafety.SOMETIMES
    valid = (
        Valid(  # the annotated parameter is bound again: its type is not the annotation's
            "from keras.models import Sequential\ndef describe(model: Sequential):\n"
            "    model = model.to_json()\n    return model.output_shape\n",
            target=Target.KERAS3,
        ),
        Valid(  # read where the model has it (probe 11: prints ['feats'] on both targets)
            "import keras\ninputs = keras.Input((5,), name='feats')\nmodel = keras.Model(inputs, inputs)\n"
            "names = model.input_names if hasattr(model, 'input_names') else [t.name for t in model.inputs]\n",
            target=Target.KERAS3,
        ),
        Valid("import keras\nopt = keras.optimizers.Adam()\nopt.learning_rate\n", target=Target.KERAS3),
        Valid(  # tf.keras's optimizers let `variables` be called (a callable list)
            "from tensorflow import keras\nopt = keras.optimizers.Adam()\nn = len(opt.variables())\n"
        ),
        Valid(  # code for either Keras asks first
            "import keras\nopt = keras.optimizers.Adam()\n"
            "v = opt.variables() if callable(opt.variables) else opt.variables\n",
            target=Target.KERAS3,
        ),
        Valid("import keras\ndef f(model):\n    return model.predict_proba(x)\n", target=Target.KERAS3),
        Valid("import keras\nm = keras.Sequential()\nm.output_shape\n", target=Target.KERAS3),
        Valid(  # tf.keras's Callback keeps `model` as a plain attribute
            "from tensorflow import keras\nclass Plot(keras.callbacks.Callback):\n    def __init__(self, model):\n"
            "        super().__init__()\n        self.model = model\n",
        ),
        Valid(  # the subclass defines it; a class name bound again may be anything
            "import keras\nclass M(keras.Model):\n    def predict_proba(self, x):\n        return self.predict(x)\n"
            "class N(keras.Model):\n    pass\nN = wrap(N)\nM().predict_proba(1)\nN().predict_proba(1)\n",
            target=Target.KERAS3,
        ),
        Valid(  # an optimizer of unknown class: only one the module shows to be a LossScaleOptimizer is judged
            "import keras\nmodel = keras.models.load_model('m.keras')\n"
            "scaled = model.optimizer.get_scaled_loss(loss)\n",
            target=Target.KERAS3,
        ),
        Valid(  # TF 2.15.1's LossScaleOptimizer has it
            "from tensorflow import keras\nopt = keras.mixed_precision.LossScaleOptimizer(keras.optimizers.Adam())\n"
            "scaled = opt.get_scaled_loss(loss)\n"
        ),
    )
    invalid = (
        Invalid(  # an instance of the module's own Model subclass (held-out probe 18)
            "import keras\nclass Net(keras.Model):\n    def __init__(self):\n        super(Net, self).__init__()\n"
            "        self.dense = keras.layers.Dense(2)\n    def call(self, x):\n        return self.dense(x)\n"
            "net = Net()\nnet._set_inputs(keras.Input((3,)))\nprobabilities = net.predict_proba(x)\n",
            at=((9, 0), (10, 16)),
            target=Target.KERAS3,
            fixed="import keras\nclass Net(keras.Model):\n    def __init__(self):\n"
            "        super(Net, self).__init__()\n        self.dense = keras.layers.Dense(2)\n"
            "    def call(self, x):\n        return self.dense(x)\n"
            "net = Net()\nnet._set_inputs(keras.Input((3,)))\nprobabilities = net.predict(x)\n",
        ),
        Invalid(  # a read-only property of Keras 3's Callback (held-out probe 18: keras-attention's callback)
            "import keras\nclass Plot(keras.callbacks.Callback):\n    def __init__(self, model):\n"
            "        super().__init__()\n        self.model = model\n",
            at=((5, 8),),
            target=Target.KERAS3,
        ),
        Invalid(  # a parameter annotated with a Keras class (corpus triage 9: segmentation_keras)
            "from keras.models import Sequential\ndef describe(model: Sequential):\n"
            "    return model.layers[-1].output_shape\n",
            at=((3, 11),),
            target=Target.KERAS3,
        ),
        Invalid(  # a comprehension over a typed model's layers (corpus triage 9: Neural-Style-Transfer)
            "import keras\nmodel = keras.applications.VGG16(weights=None)\n"
            "shapes = dict([(layer.name, layer.output_shape) for layer in model.layers])\n",
            at=((3, 28),),
            target=Target.KERAS3,
        ),
        Invalid(
            "import keras\nmodel = keras.models.load_model('m.keras')\n"
            "model._make_predict_function()\nlr = model.optimizer.lr\n",
            at=((3, 0), (4, 5)),
            target=Target.KERAS3,
            fixed=(
                "import keras\nmodel = keras.models.load_model('m.keras')\npass\nlr = model.optimizer.learning_rate\n"
            ),
        ),
        Invalid(
            "from tensorflow import keras\nm = keras.Sequential()\np = m.predict_proba(x)\n",
            at=((3, 4),),
            fixed="from tensorflow import keras\nm = keras.Sequential()\np = m.predict(x)\n",
        ),
        Invalid(
            "from keras import layers\nclass L(layers.Layer):\n    def f(self):\n        return self.output_shape\n",
            at=((4, 15),),
            target=Target.KERAS3,
        ),
        Invalid(  # probe 11 MISS-5: TypeError: 'list' object is not callable
            "import keras\nopt = keras.optimizers.Adam()\nn = len(opt.variables())\n",
            at=((3, 8),),
            target=Target.KERAS3,
            fixed="import keras\nopt = keras.optimizers.Adam()\nn = len(opt.variables)\n",
        ),
        Invalid(  # a property no Keras had as a method: reported, not fixed
            "import keras\nmodel = keras.Sequential()\nfor layer in model.layers():\n    pass\n",
            at=((3, 13),),
            target=Target.KERAS3,
        ),
        Invalid(  # held-out probe 15 MISS-10: a tf.keras LossScaleOptimizer's name; Keras 3's has scale_loss
            "import keras\nopt = keras.optimizers.Adam()\nopt = keras.mixed_precision.LossScaleOptimizer(opt)\n"
            "scaled = opt.get_scaled_loss(loss)\n",
            at=((4, 9),),
            target=Target.KERAS3,
        ),
        Invalid(
            "import keras\nmodel = keras.models.load_model('m.keras')\nmodel.optimizer.lr = 1e-4\n",
            at=((3, 0),),
            target=Target.KERAS3,
            fixed="import keras\nmodel = keras.models.load_model('m.keras')\nmodel.optimizer.learning_rate = 1e-4\n",
        ),
    )

    other_methods: FrozenSet[str] = frozenset()  # the methods some other call rule is about (see bind)

    def bind(self, active) -> None:
        """``.to_yaml``, ``.save``…: a call another rule explains is not reported here."""
        self.other_methods = frozenset(
            owner
            for rule in active.call_rules
            if rule.code not in ("KER230", "KER231") and rule.owners is not None
            for owner in rule.owners
            if owner.startswith(".")
        )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        return _checks().attribute_findings(self, ctx)
