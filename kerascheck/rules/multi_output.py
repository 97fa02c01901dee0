"""KER218: one flat list of metrics given to `compile` of a functional model with several outputs, on Keras 3
(keras 3.15.1 keras/src/trainers/compile_utils.py:255-336: a list is one entry per output)."""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from kerascheck.catalog.model import ONLY_KERAS3, Target
from kerascheck.catalog.releases import KERAS3_CHECKED
from kerascheck.catalog.training import MULTI_OUTPUT_METRICS_ERROR
from kerascheck.context import Context
from kerascheck.findings import Finding
from kerascheck.rules.base import Invalid, Rule, Severity, Valid, module_text
from kerascheck.rules.calls import argument
from kerascheck.rules.shared_optimizer import TRAINS, later_method_calls
from kerascheck.rules.values import value_of

_RUNS_METRICS = TRAINS | {"evaluate", "test_on_batch", "evaluate_generator"}
_TWO_OUTPUTS = (
    "import numpy as np\nimport keras\ninputs = keras.Input((4,))\n"
    "model = keras.Model(inputs, [keras.layers.Dense(1, name='a')(inputs), keras.layers.Dense(1, name='b')(inputs)])\n"
)


class MultiOutputFlatMetrics(Rule):
    """## What it does
    Finds `compile(metrics=[…])` given a flat list whose length is not the number of outputs of the functional
    model it compiles (`Model(inputs, [out_a, out_b])`), on a model the module then trains or evaluates.

    ## Why is this bad?
    Keras 2 applied each metric of the list to every output. Keras 3 (3.15.1) reads a list as one entry per
    output: with another length, the first `fit` or `evaluate` raises `ValueError: tuple arity mismatch;
    expected: 2, got: 1; tuple: ('accuracy',). … Invalid metrics` (run with JAX; TF 2.15.1 trains).

    ## Example
    ```python
    model = Model(inputs, [age, gender])
    model.compile(optimizer="adam", loss=["mse", "binary_crossentropy"], metrics=["accuracy"])
    ```

    ## Use instead
    ```python
    model.compile(optimizer="adam", loss=["mse", "binary_crossentropy"], metrics=[[], ["accuracy"]])
    ```
    (one list per output, or a dict keyed by the outputs' names).

    ## Fix safety
    None: which metric belongs to which output is the author's to say.
    """

    code = "KER218"
    name = "multi-output-flat-metrics"
    message = (
        "`metrics=` lists {given} metric(s) for the {outputs} outputs of `{model}`: target {target} (Keras {version}) "
        "reads a list as one entry per output, and `{model}.{runs}(…)` (line {at_line}) raises "
        "`{error}`; Keras 2 applied each metric to every output"
    )
    fix_title = "Give one list of metrics per output (`metrics=[[…], […]]`) or a dict keyed by the outputs' names"
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    walked_methods = _RUNS_METRICS | {"compile"}
    valid = (
        Valid(_TWO_OUTPUTS + "model.compile(loss='mse', metrics=[['mae'], ['mae']])\nmodel.fit(x, [y, y])\n",
              target=Target.KERAS3),
        Valid(_TWO_OUTPUTS + "model.compile(loss='mse', metrics={'a': 'mae'})\nmodel.fit(x, [y, y])\n",
              target=Target.KERAS3),
        Valid(_TWO_OUTPUTS + "model.compile(loss='mse', metrics=['accuracy'])\n", target=Target.KERAS3),
        Valid(_TWO_OUTPUTS.replace("import keras", "from tensorflow import keras")
              + "model.compile(loss='mse', metrics=['accuracy'])\nmodel.fit(x, [y, y])\n"),
    )  # fmt: skip
    invalid = (
        Invalid(
            _TWO_OUTPUTS + "model.compile(optimizer='adam', loss='mse', metrics=['mae'])\n"
            "x, y = np.random.rand(8, 4), np.random.rand(8, 1)\nmodel.fit(x, [y, y], epochs=1, verbose=0)\n",
            at=((5, 52),),
            target=Target.KERAS3,
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if "metrics=[" not in text or ".compile(" not in text:
            return
        for call in ctx.index.calls:
            func = call.func
            if not (isinstance(func, ast.Attribute) and func.attr == "compile" and isinstance(func.value, ast.Name)):
                continue
            metrics = next((keyword.value for keyword in call.keywords if keyword.arg == "metrics"), None)
            if not isinstance(metrics, (ast.List, ast.Tuple)) or not metrics.elts:
                continue
            if any(isinstance(each, (ast.Starred, ast.List, ast.Tuple, ast.Dict)) for each in metrics.elts):
                continue  # nested already, or of a length not seen
            outputs = _outputs(ctx, func.value)
            if outputs is None or outputs < 2 or outputs == len(metrics.elts):
                continue
            runs = next(iter(later_method_calls(ctx, func.value, call, _RUNS_METRICS)), None)
            if runs is None:
                continue
            assert isinstance(runs.func, ast.Attribute)
            yield self.finding(
                ctx, metrics, given=len(metrics.elts), outputs=outputs, model=func.value.id, version=KERAS3_CHECKED,
                runs=runs.func.attr, at_line=runs.lineno, error=MULTI_OUTPUT_METRICS_ERROR,
            )  # fmt: skip


def _outputs(ctx: Context, name: ast.Name) -> Optional[int]:
    """How many outputs the functional model bound to ``name`` has, when its ``Model(…)`` call lists them."""
    made = value_of(ctx, name)
    if not isinstance(made, ast.Call) or not isinstance(made.func, (ast.Name, ast.Attribute)):
        return None
    if id(made.func) not in ctx.index.scope_of or ctx.keras2_on_keras3(made.func):
        return None
    if ctx.canonical(made.func) != "models.Model":
        return None
    outputs = argument(made, 1, "outputs")
    if not isinstance(outputs, (ast.List, ast.Tuple)) or any(isinstance(each, ast.Starred) for each in outputs.elts):
        return None
    return len(outputs.elts)
