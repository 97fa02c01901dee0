"""KER233: ``optimizer.learning_rate(optimizer.iterations)``, a learning-rate schedule called through the optimizer;
KER237: ``optimizer.learning_rate.decay_steps``, one of its attributes read through it; KER243:
``tf.keras.backend.set_value(optimizer.learning_rate, v)``, which Keras 3's legacy backend cannot do."""

from __future__ import annotations

import ast
import re
from typing import FrozenSet, Iterator, Optional, Tuple

from kerascheck.catalog.model import Target
from kerascheck.catalog.training import (
    FLOAT_HYPERPARAMETERS,
    FLOAT_SET_VALUE_ERROR,
    LEARNING_RATE_CALL_ERRORS,
    LEARNING_RATE_READ,
    SCHEDULE_ATTRIBUTE_ERRORS,
    SCHEDULE_ATTRIBUTES,
    TF1_OPTIMIZERS,
    VARIABLE_LISTS,
)
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding
from kerascheck.names import TF_KERAS
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid, module_text, shown_source
from kerascheck.rules.calls import callee
from kerascheck.rules.objects import TypedUse, typed_uses
from kerascheck.walk import every_node

_RATES: FrozenSet[str] = frozenset({"learning_rate", "lr"})
# A Keras layer's own variables (keras 3.15.1 Dense, Conv, Embedding, BatchNormalization, RNN cells …), and the
# lists of a layer's or model's variables: what `set_value` is given besides an optimizer's rate (held-out probe 17)
_LAYER_VARIABLES: FrozenSet[str] = frozenset(
    {"kernel", "bias", "gamma", "beta", "moving_mean", "moving_variance", "embeddings", "recurrent_kernel",
     "depthwise_kernel", "pointwise_kernel"}
)  # fmt: skip
_VARIABLE_LISTS: FrozenSet[str] = VARIABLE_LISTS
_LAYER_KINDS = frozenset({"Layer", "Model", "Sequential"})


class LearningRateCalled(Rule):
    """## What it does
    Finds `optimizer.learning_rate(…)` and `optimizer.lr(…)` on an optimizer the module shows (`model.optimizer`,
    `self.model.optimizer` in a callback, a name bound to a Keras optimizer): the TF 2.0–2.10 way to read the rate a
    learning-rate schedule gives at a step (`lr(optimizer.iterations)`), common in callbacks that log it. A module
    that uses `optimizers.legacy` (whose optimizers still hand the schedule back) is left alone.

    ## Why is this bad?
    The optimizers of TF 2.11+ and Keras 3 hand back the current rate, a variable or an array, never the schedule:
    calling it raises `TypeError: … object is not callable` (run on TF 2.15.1 and Keras 3.15.1).

    ## Example
    ```python
    rate = self.model.optimizer.lr(self.model.optimizer.iterations)
    ```

    ## Use instead
    ```python
    rate = self.model.optimizer.learning_rate
    ```

    ## Fix safety
    When the call's argument is the optimizer's own `iterations`, it becomes `optimizer.learning_rate`: safe on
    Keras 3 (the rate at the current step, as the call computed it); unsafe on tf.keras, whose optimizers keep the
    rate of the last step taken, one step behind.
    """

    code = "KER233"
    name = "learning-rate-called"
    message = (
        "`{spelled}(…)` calls the optimizer's learning rate: on target {target} it is the current rate, not the "
        "schedule, and {failure}"
    )
    fix_title = "Read `{receiver}.learning_rate`: {same}"
    severity = Severity.ERROR
    fix_safety = FixSafety.SOMETIMES
    owners = frozenset({".learning_rate", ".lr"})
    valid = (
        Valid(
            "from tensorflow import keras\nschedule = keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.5)\n"
            "opt = keras.optimizers.SGD(schedule)\nrate = schedule(opt.iterations)\n"
        ),
        Valid(
            "from tensorflow import keras\nopt = keras.optimizers.legacy.SGD(0.1)\nrate = opt.lr(opt.iterations)\n"
        ),  # a legacy optimizer hands the schedule back
        Valid("def log(optimizer):\n    return optimizer.lr(optimizer.iterations)\n"),  # not shown to be Keras's
    )
    invalid = (
        Invalid(
            "from tensorflow import keras\nclass LogRate(keras.callbacks.Callback):\n"
            "    def on_epoch_end(self, epoch, logs=None):\n"
            "        optimizer = self.model.optimizer\n"
            "        logs['lr'] = float(optimizer.lr(optimizer.iterations))\n",
            at=((5, 27),),
            fixed="from tensorflow import keras\nclass LogRate(keras.callbacks.Callback):\n"
            "    def on_epoch_end(self, epoch, logs=None):\n"
            "        optimizer = self.model.optimizer\n"
            "        logs['lr'] = float(optimizer.learning_rate)\n",
        ),
        Invalid(
            "import keras\nschedule = keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.5)\n"
            "opt = keras.optimizers.Adam(learning_rate=schedule)\nprint(opt.learning_rate(opt.iterations))\n",
            at=((4, 6),),
            target=Target.KERAS3,
            fixed="import keras\nschedule = keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.5)\n"
            "opt = keras.optimizers.Adam(learning_rate=schedule)\nprint(opt.learning_rate)\n",
        ),
    )

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        if "legacy" in module_text(ctx):
            return  # optimizers.legacy, TF_USE_LEGACY_KERAS: their optimizers hand the schedule back
        use = _optimizer_use(ctx, node)
        if use is None:
            return
        receiver = ctx.source_of(use.node.value)
        spelled = f"{receiver}.{use.node.attr}"
        edits: Tuple[Edit, ...] = ()
        argument = node.args[0] if len(node.args) == 1 and not node.keywords else None
        if argument is not None and ctx.source_of(argument) == f"{receiver}.iterations":
            edits = (Edit(*ctx.span(node), f"{receiver}.learning_rate"),)
        if ctx.target is Target.KERAS3 and use.node.attr == "lr":
            # Keras 3's optimizers have no `lr` at all: the read fails before the call (held-out probe 23, run on
            # Keras 3.15.1: `AttributeError: 'Adam' object has no attribute 'lr'`)
            failure = (
                "reading `lr` raises `AttributeError: '…' object has no attribute 'lr'` first (only `learning_rate` "
                "is there)"
            )
        else:
            failure = f"the call raises `{LEARNING_RATE_CALL_ERRORS[ctx.target]}`"
        yield self.finding(
            ctx, node, edits=edits, safe=ctx.target is Target.KERAS3, spelled=spelled, receiver=receiver,
            failure=failure, same=LEARNING_RATE_READ[ctx.target],
        )  # fmt: skip


class ScheduleReadThroughOptimizer(Rule):
    """## What it does
    Finds a learning-rate schedule's own attribute read through the optimizer it drives,
    `optimizer.learning_rate.decay_steps` or `optimizer.lr.initial_learning_rate`, on an optimizer the module shows
    (a name bound to a Keras optimizer, `model.optimizer`, `self.model.optimizer` in a callback): the built-in
    schedules' parameters (`decay_steps`, `initial_learning_rate`, `boundaries`, …, `get_config`) and what the
    module's own `LearningRateSchedule` subclasses set on `self`. TF 2.0–2.10 optimizers handed the schedule back
    there. A module that uses `optimizers.legacy` (whose optimizers still do) is left alone.

    ## Why is this bad?
    The optimizers of TF 2.11+ and Keras 3 hand back the current rate, a variable or an array, never the schedule:
    the read raises `AttributeError` (run on TF 2.15.1 and Keras 3.15.1).

    ## Example
    ```python
    schedule = keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=1000, decay_rate=0.9)
    optimizer = keras.optimizers.Adam(learning_rate=schedule)
    print(optimizer.learning_rate.decay_steps)
    ```

    ## Use instead
    ```python
    print(schedule.decay_steps)
    ```

    ## Fix safety
    No fix: where the schedule is kept, if anywhere, is the program's own.
    """

    code = "KER237"
    name = "schedule-read-through-optimizer"
    message = (
        "`{spelled}.{attribute}` reads the learning-rate schedule through the optimizer: on target {target} "
        "`{spelled}` is the current rate, not the schedule, and `.{attribute}` raises `{error}`"
    )
    fix_title = "Read `{attribute}` from the schedule object itself (keep it in a name of its own)"
    severity = Severity.ERROR
    valid = (
        Valid(
            "from tensorflow import keras\nschedule = keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.5)\n"
            "opt = keras.optimizers.SGD(schedule)\nprint(schedule.decay_steps, float(opt.learning_rate))\n"
        ),
        Valid(
            "from tensorflow import keras\nschedule = keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.5)\n"
            "opt = keras.optimizers.legacy.SGD(schedule)\nprint(opt.lr.decay_steps)\n"
        ),  # a legacy optimizer hands the schedule back
        Valid("def steps(optimizer):\n    return optimizer.learning_rate.decay_steps\n"),  # not shown to be Keras's
    )
    invalid = (
        Invalid(
            "from tensorflow import keras\nclass LogDecay(keras.callbacks.Callback):\n"
            "    def on_train_begin(self, logs=None):\n"
            "        print(self.model.optimizer.lr.decay_steps)\n",
            at=((4, 14),),
        ),
        Invalid(
            "import keras\nschedule = keras.optimizers.schedules.CosineDecay(0.1, 1000)\n"
            "opt = keras.optimizers.Adam(learning_rate=schedule)\nstart = opt.learning_rate.initial_learning_rate\n",
            at=((4, 8),),
            target=Target.KERAS3,
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if "legacy" in text:
            return  # optimizers.legacy, TF_USE_LEGACY_KERAS: their optimizers hand the schedule back
        read = set(_RATE_ATTRIBUTE.findall(text))
        if not read:
            return
        names = read & (SCHEDULE_ATTRIBUTES | _own_schedule_attributes(ctx))
        if not names:
            return
        rates = {
            id(use.node): use
            for use in typed_uses(ctx, _RATES)
            if _current_rate(use) and not (use.node.attr == "lr" and ctx.target is Target.KERAS3)
        }  # Keras 3 has no `lr` at all: KER120 says so, and once it is `learning_rate` this rule does
        for node in ctx.nodes:
            if type(node) is ast.Attribute and node.attr in names and id(node.value) in rates:
                use = rates[id(node.value)]
                yield self.finding(
                    ctx, node, spelled=f"{ctx.source_of(use.node.value)}.{use.node.attr}", attribute=node.attr,
                    error=SCHEDULE_ATTRIBUTE_ERRORS[ctx.target],
                )  # fmt: skip


# ``.learning_rate.<name>`` / ``.lr.<name>`` in the text: the names read through an optimizer's rate
_RATE_ATTRIBUTE = re.compile(r"\.[ \t]*(?:learning_rate|lr)[ \t]*\.[ \t]*([A-Za-z_]\w*)")


def _own_schedule_attributes(ctx: Context) -> FrozenSet[str]:
    """What the module's own schedules (classes deriving from Keras's ``LearningRateSchedule``) set on
    ``self`` (``self.warmup_steps = warmup_steps``): the schedule has them, the current rate does not."""
    names = set()
    for klass in ctx.index.classes:
        if not any((ctx.dotted(base) or "").endswith("schedules.LearningRateSchedule") for base in klass.bases):
            continue
        for node in every_node(klass):
            if (
                type(node) is ast.Attribute
                and type(node.ctx) is ast.Store
                and type(node.value) is ast.Name
                and node.value.id == "self"
            ):
                names.add(node.attr)
    return frozenset(names)


def _current_rate(use: TypedUse) -> bool:
    """Whether the use reads the rate of a Keras optimizer of TF 2.11+/Keras 3 (which is never the schedule)."""
    return use.call is None and not use.assigned and use.type.kind == "Optimizer" and _new_optimizer(use)


def _new_optimizer(use: TypedUse) -> bool:
    """Whether the optimizer is not one of the legacy classes, which hand the schedule back."""
    return not any(".legacy." in name for name in use.type.classes)


def _optimizer_use(ctx: Context, node: ast.Call) -> Optional[TypedUse]:
    """The typed use of the called rate when its receiver is certainly a Keras optimizer of TF 2.11+/Keras 3."""
    for use in typed_uses(ctx, _RATES):
        if use.call is node and use.type.kind == "Optimizer":
            return use if _new_optimizer(use) else None
    return None


class LegacySetValueOnKerasVariable(Rule):
    """## What it does
    Finds `tf.keras.backend.set_value(optimizer.learning_rate, value)` (also `.lr`, and `K.set_value` with `K`
    imported from `tensorflow.keras`) on an optimizer the module shows, on Keras 3: the learning-rate warm-up and
    schedule callbacks of tf.keras 2.x. The same for a variable of a layer or model the module shows
    (`layer.kernel`, `model.layers[1].bias`, `model.weights[0]`, or a name bound once to one).

    ## Why is this bad?
    On TF >= 2.16, `tf.keras.backend` is Keras 3's legacy module, whose `set_value(x, value)` runs
    `np.asarray(value, dtype=x.dtype.name)`: a Keras 3 variable's `dtype` is a string, so it raises
    `AttributeError: 'str' object has no attribute 'name'` (keras 3.15.1 `src/legacy/backend.py`, run on Keras 3.15.1;
    the TensorFlow backend's variables keep the same `dtype`). The rate is never set. (Standalone Keras 3's
    `keras.backend` has no `set_value` at all: KER111.)

    ## Example
    ```python
    tf.keras.backend.set_value(self.model.optimizer.learning_rate, rate)
    ```

    ## Use instead
    ```python
    self.model.optimizer.learning_rate.assign(rate)
    ```

    ## Fix safety
    Safe: `assign` stores the value in the variable's dtype, what `set_value` meant to do (`x.assign(value)` after
    the same conversion).
    """

    code = "KER243"
    name = "legacy-set-value-on-keras3-variable"
    message = (
        "`{spelled}(…)` sets `{variable}`{first}: on target {target} (Keras {keras3_checked}, tf.keras of TF >= 2.16) "
        "the legacy `set_value` reads `dtype.name` of a Keras 3 variable, whose dtype is a string: "
        "`AttributeError: 'str' object has no attribute 'name'`"
    )
    fix_title = "Assign the value to the variable: `{fixed}`"
    severity = Severity.ERROR
    fix_safety = FixSafety.SAFE
    targets = frozenset({Target.KERAS3})
    owners = frozenset({"backend.set_value"})
    valid = (
        Valid("from tensorflow import keras\nopt = keras.optimizers.Adam()\n"
              "keras.backend.set_value(opt.learning_rate, 0.1)\n"),
        Valid("import tensorflow as tf\nv = tf.Variable(1.0)\ntf.keras.backend.set_value(v, 0.5)\n", Target.KERAS3),
    )  # fmt: skip
    invalid = (
        Invalid(
            "import tensorflow as tf\nopt = tf.keras.optimizers.Adam(0.01)\n"
            "tf.keras.backend.set_value(opt.learning_rate, 0.1)\n",
            at=((3, 0),),
            target=Target.KERAS3,
            fixed="import tensorflow as tf\nopt = tf.keras.optimizers.Adam(0.01)\nopt.learning_rate.assign(0.1)\n",
        ),
        Invalid(  # a layer's variable (held-out probe 17)
            "import numpy as np\nfrom tensorflow import keras\nfrom tensorflow.keras import backend as K\n"
            "model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])\n"
            "w = model.layers[0].kernel\nK.set_value(w, np.ones((2, 1)))\nK.set_value(model.weights[1], np.zeros(1))\n",
            at=((6, 0), (7, 0)),
            target=Target.KERAS3,
            fixed="import numpy as np\nfrom tensorflow import keras\nfrom tensorflow.keras import backend as K\n"
            "model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])\n"
            "w = model.layers[0].kernel\nw.assign(np.ones((2, 1)))\nmodel.weights[1].assign(np.zeros(1))\n",
        ),
        Invalid(
            "from tensorflow import keras\nfrom tensorflow.keras import backend as K\n"
            "model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])\n"
            "model.compile(optimizer='adam', loss='mse')\nK.set_value(model.optimizer.learning_rate, 0.001)\n",
            at=((5, 0),),
            target=Target.KERAS3,
            fixed="from tensorflow import keras\nfrom tensorflow.keras import backend as K\n"
            "model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])\n"
            "model.compile(optimizer='adam', loss='mse')\nmodel.optimizer.learning_rate.assign(0.001)\n",
        ),
    )

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner != "backend.set_value":
            return
        reference = target.reference
        if (
            reference is None
            or reference.implementation != TF_KERAS
            or reference.dotted.startswith("tensorflow.compat.v1.")
            or not node.args
            or "legacy" in module_text(ctx)  # TF_USE_LEGACY_KERAS: tf.keras is Keras 2's, whose set_value works
        ):
            return
        variable = node.args[0]
        use = next(
            (use for use in typed_uses(ctx, _RATES) if use.node is variable and use.type.kind == "Optimizer"), None
        )
        if use is not None and _new_optimizer(use):
            rate = f"{ctx.source_of(use.node.value)}.learning_rate"
        elif _keras_variable(ctx, variable):
            rate = ctx.source_of(variable)
        else:
            return
        edits: Tuple[Edit, ...] = ()
        fixed = f"{rate}.assign(…)"
        if len(node.args) == 2 and not node.keywords:
            fixed = f"{rate}.assign({ctx.source_of(node.args[1])})"
            edits = (Edit(*ctx.span(node), fixed),)
        finding = self.finding(
            ctx, node, span=ctx.span(node)[:2] + ctx.span(node.func)[2:], edits=edits,
            spelled=ctx.source_of(node.func), variable=shown_source(ctx.source_of(variable)),
            fixed=fixed if len(fixed) <= 60 else f"{shown_source(rate)}.assign(…)",
            first=_GONE_RATE if use is not None and use.node.attr == "lr" else "",
        )  # fmt: skip
        yield finding if edits else finding.unfixed("the call is not `set_value(variable, value)`")


# Where TF 2.15's optimizers with variable hyperparameters come from: `optimizers.legacy`, and TF 1's API
# (`tf.compat.v1.keras.optimizers.SGD` is the legacy SGD: held-out probe 22, run on TF 2.15.1)
_LEGACY_OPTIMIZERS = re.compile(r"legacy|" + re.escape(TF1_OPTIMIZERS.partition(".")[2]))


class SetValueOnOptimizerNumber(Rule):
    """## What it does
    Finds `K.set_value(optimizer.momentum, value)` (also `beta_1`, `beta_2`, `rho`, `epsilon`) on an optimizer the
    module shows: the momentum half of a Keras 2 one-cycle or cyclical-momentum callback.

    ## Why is this bad?
    Keras 2.2's optimizers made their hyperparameters variables (`self.momentum = K.variable(momentum)`). The TF
    2.11+ optimizers of tf.keras and Keras 3's keep them as plain Python numbers, and the backend's `set_value`
    reads the `dtype` of what it sets: `AttributeError: 'float' object has no attribute 'dtype'` (run on TF 2.15.1
    and on Keras 3.15.1's legacy backend, which `tf.keras.backend` is on TF >= 2.16). TF 2.15's
    `optimizers.legacy` ones keep variables: a module that names them is left alone.

    ## Example
    ```python
    K.set_value(self.model.optimizer.momentum, 0.85)
    ```

    ## Use instead
    ```python
    self.model.optimizer = keras.optimizers.legacy.SGD(learning_rate=0.1, momentum=0.95)  # tf.keras
    K.set_value(self.model.optimizer.momentum, 0.85)
    ```

    ## Fix safety
    None: a number set on the optimizer after its train step is traced does not reach it, so what replaces the
    schedule is the author's choice.
    """

    code = "KER254"
    name = "set-value-on-optimizer-number"
    message = (
        "`{spelled}(…)` sets `{variable}`, which the TF 2.11+ and Keras 3 optimizers keep as a Python number, not a "
        "variable: on target {target} it raises `{error}`"
    )
    fix_title = "{remedy}"
    severity = Severity.ERROR
    owners = frozenset({"backend.set_value"})
    valid = (
        Valid("from tensorflow import keras\nopt = keras.optimizers.legacy.SGD(0.1, momentum=0.9)\n"
              "keras.backend.set_value(opt.momentum, 0.8)\n"),
        Valid("import tensorflow as tf\nopt = tf.keras.optimizers.SGD(0.1, momentum=0.9)\n"
              "opt.momentum = tf.Variable(0.9)\ntf.keras.backend.set_value(opt.momentum, 0.8)\n"),  # probe 22
        Valid("from tensorflow import keras\nopt = keras.optimizers.SGD(0.1)\n"
              "keras.backend.set_value(opt.learning_rate, 0.05)\nprint(keras.backend.get_value(opt.momentum))\n"),
    )  # fmt: skip
    invalid = (
        Invalid(
            "from tensorflow import keras\nfrom tensorflow.keras import backend as K\n"
            "class OneCycle(keras.callbacks.Callback):\n    def on_batch_begin(self, batch, logs=None):\n"
            "        K.set_value(self.model.optimizer.momentum, 0.85)\n",
            at=((5, 8),),
        ),
        Invalid(
            "import tensorflow as tf\nopt = tf.keras.optimizers.Adam(0.01)\n"
            "tf.keras.backend.set_value(opt.beta_1, 0.8)\n",
            at=((3, 0),),
            target=Target.KERAS3,
        ),
    )

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner != "backend.set_value" or not node.args:
            return
        reference = target.reference
        text = module_text(ctx)
        if reference is None or reference.dotted.startswith("tensorflow.compat.v1.") or _LEGACY_OPTIMIZERS.search(text):
            return  # TF 1's, or a module that names the legacy optimizers, whose hyperparameters are variables
        variable = node.args[0]
        if not (isinstance(variable, ast.Attribute) and variable.attr in FLOAT_HYPERPARAMETERS):
            return
        if variable.attr in ctx.index.attributes_set:
            return  # the module sets it itself (`opt.momentum = tf.Variable(0.9)`, an optimizer class of its own)
        use = next(
            (each for each in typed_uses(ctx, FLOAT_HYPERPARAMETERS) if each.node is variable), None
        )  # fmt: skip
        if use is None or use.type.kind != "Optimizer" or not _new_optimizer(use):
            return
        remedy = "Set it before training (`optimizer.{0} = value`): a compiled train step reads it once"
        if ctx.target is Target.TF_KERAS:
            remedy += ", or make the optimizer an `optimizers.legacy` one, whose `{0}` is a variable"
        yield self.finding(
            ctx, node, span=ctx.span(node)[:2] + ctx.span(node.func)[2:], spelled=ctx.source_of(node.func),
            variable=shown_source(ctx.source_of(variable)), error=FLOAT_SET_VALUE_ERROR,
            remedy=remedy.format(variable.attr),
        )  # fmt: skip


# Keras 3 optimizers have no `lr` (KER120): reading it fails before `set_value` runs (corpus triage 15, horovod)
_GONE_RATE = " (Keras 3 optimizers have no `lr`: reading it raises `AttributeError` first; with `learning_rate`)"


def _keras_variable(ctx: Context, node: ast.expr) -> bool:
    """Whether the expression (or the value a name is bound to once) is a variable of a Keras layer or model the
    module shows: ``layer.kernel``, ``model.layers[1].bias``, ``model.weights[0]``."""
    from kerascheck.rules.values import value_of  # here: only a module that sets a value needs it

    made = value_of(ctx, node) if isinstance(node, ast.Name) else node
    if isinstance(made, ast.Subscript):
        lists = made.value
        return any(
            use.node is lists and use.type.kind in _LAYER_KINDS and use.call is None
            for use in typed_uses(ctx, _VARIABLE_LISTS)
        )
    return any(
        use.node is made and use.type.kind in _LAYER_KINDS and use.call is None and not use.assigned
        for use in typed_uses(ctx, _LAYER_VARIABLES)
    )
