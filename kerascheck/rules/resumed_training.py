"""KER216: a model read back from a legacy .h5 file with its optimizer, then trained, on Keras 3."""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from kerascheck.catalog.model import ONLY_KERAS3, Target
from kerascheck.catalog.releases import KERAS3_CHECKED
from kerascheck.catalog.saving import H5_RESUMED_TRAINING_ERROR, H5_SUFFIXES, MODEL_METHODS
from kerascheck.context import Context
from kerascheck.findings import Finding
from kerascheck.rules.base import Invalid, Rule, Severity, Valid, module_text
from kerascheck.rules.shared_optimizer import TRAINS, later_method_calls
from kerascheck.rules.values import module_values

_SAVED = (
    "import numpy as np\nimport keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
    "model.compile(optimizer='adam', loss='mean_squared_error')\nmodel.save('m.h5')\n"
)
_DATA = "x, y = np.random.rand(8, 3), np.random.rand(8, 1)\n"


class H5TrainingResumed(Rule):
    """## What it does
    Finds a model read back from a legacy `.h5`/`.hdf5` file with its training config (`load_model(path)`,
    `compile` not False) and trained again (`fit`, `train_on_batch`, `fit_generator`) without being compiled
    again (nor handed to a function that may compile it): the Keras 2 way to resume training from a
    checkpoint. Not tf_keras's `load_model` (Keras 2, kept for TF >= 2.16), which resumes.

    ## Why is this bad?
    Keras 3 (3.15.1) compiles the model it reads from a legacy file and builds the restored optimizer for
    none of the model's variables (`model._trainable_variables` of a `Sequential` or functional model is
    empty), so the first training step raises `ValueError: Argument optimizer_variables must be a list of
    tensors corresponding 1:1 to the trainable variables list that the optimizer was built with. … the
    optimizer was built with 0 variables` (run with JAX, whether Keras 3 or Keras 2 wrote the file). TF
    2.15 resumes training.

    ## Example
    ```python
    model = keras.models.load_model("checkpoint.h5")
    model.fit(x, y, epochs=10)
    ```

    ## Use instead
    ```python
    model = keras.models.load_model("checkpoint.h5", compile=False)
    model.compile(optimizer="adam", loss="mean_squared_error")  # a fresh optimizer state
    model.fit(x, y, epochs=10)
    ```
    (or save and resume from a `.keras` file, which keeps the optimizer state and trains on).

    ## Fix safety
    None: the compile arguments live in the file, not in the code.
    """

    code = "KER216"
    name = "h5-training-resumed"
    message = (
        "`{receiver}.{trains}(…)` trains the model `{load}` (line {loaded}) read back with its optimizer: target "
        "{target} (Keras {version}) builds that optimizer for none of the model's variables and raises `{error}`"
    )
    fix_title = "Load it with `compile=False` and `compile` it again, or resume from a `.keras` file"
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    walked_methods = TRAINS | MODEL_METHODS
    valid = (
        Valid(_SAVED + "model = keras.models.load_model('m.h5', compile=False)\n"
              "model.compile(optimizer='adam', loss='mean_squared_error')\n" + _DATA + "model.fit(x, y)\n",
              target=Target.KERAS3),
        Valid(_SAVED + "again = keras.models.load_model('m.h5')\n"
              "again.compile(optimizer='adam', loss='mean_squared_error')\n" + _DATA + "again.fit(x, y)\n",
              target=Target.KERAS3),
        Valid(_SAVED.replace("m.h5", "m.keras") + "again = keras.models.load_model('m.keras')\n" + _DATA
              + "again.fit(x, y)\n", target=Target.KERAS3),
        Valid(_SAVED + "again = keras.models.load_model('m.h5')\nprint(again.predict(np.ones((1, 3))))\n",
              target=Target.KERAS3),
        Valid(_SAVED.replace("import keras", "from tensorflow import keras")
              + "again = keras.models.load_model('m.h5')\n" + _DATA + "again.fit(x, y)\n"),
        Valid("import tf_keras\nmodel = tf_keras.models.load_model('best.h5')\nmodel.fit(x, y)\n",
              target=Target.KERAS3),  # tf_keras is Keras 2: it resumes as TF 2.15 does
        Valid("from keras.models import load_model\ndef compile_model(m):\n"
              "    m.compile(optimizer='adam', loss='mse')\nmodel = load_model('best.h5')\n"
              "compile_model(model)\nmodel.fit(x, y)\n", target=Target.KERAS3),  # compiled by a helper
    )  # fmt: skip
    invalid = (
        Invalid(
            _SAVED + "again = keras.models.load_model('m.h5')\n" + _DATA + "again.fit(x, y, epochs=1, verbose=0)\n",
            at=((8, 0),),
            target=Target.KERAS3,
        ),
        Invalid(
            "import numpy as np\nfrom keras.models import load_model\n\n\ndef resume(x, y):\n"
            "    model = load_model('checkpoints/best.hdf5')\n    for _ in range(3):\n"
            "        model.train_on_batch(x, y)\n    return model\n",
            at=((8, 8),),
            target=Target.KERAS3,
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if "load_model(" not in text or not (".h5" in text or ".hdf5" in text):
            return
        from kerascheck.rules.model_files import literal, model_files, shown_model_path  # here: read when needed

        files = model_files(ctx)
        for load in files.loads:
            if not load.path.lower().endswith(H5_SUFFIXES) or (
                "compile" in load.keywords and literal(load.keywords["compile"]) is not True
            ):
                continue
            if any(not save.with_compile for save in files.saved(load.path)):
                continue  # saved without its training config: read back uncompiled
            if ctx.keras2_on_keras3(load.call.func):
                continue  # tf_keras's load_model (Keras 2, kept for TF >= 2.16) resumes as TF 2.15's does
            name = _bound_to(ctx, load.call)
            if name is None:
                continue
            trained = _trained_uncompiled(ctx, name, load.call)
            if trained is not None:
                assert isinstance(trained.func, ast.Attribute)
                yield self.finding(
                    ctx, trained, span=ctx.span(trained.func), receiver=name.id, trains=trained.func.attr,
                    load=f"load_model({shown_model_path(load.path)})", loaded=load.call.lineno,
                    version=KERAS3_CHECKED,
                    error=H5_RESUMED_TRAINING_ERROR,
                )  # fmt: skip


def _bound_to(ctx: Context, call: ast.Call) -> Optional[ast.Name]:
    """The name ``name = load_model(…)`` binds, when it is bound once in its scope."""
    for node in ctx.index.assigns:
        if node.value is call and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            target = node.targets[0]
            values = module_values(ctx)
            bindings = values.bindings.get((id(values.scope_of(target)), target.id), [])
            return target if len(bindings) == 1 else None
    return None


def _trained_uncompiled(ctx: Context, name: ast.Name, loaded: ast.Call) -> Optional[ast.Call]:
    """The first training call of ``name`` after the load, in the same scope, with no ``name.compile`` first."""
    scope = module_values(ctx).scope_of(name)
    after = (loaded.lineno, loaded.col_offset)
    for call in later_method_calls(ctx, name, loaded, TRAINS | {"compile"}):
        assert isinstance(call.func, ast.Attribute)
        if call.func.attr == "compile":
            return None
        if call.func.attr in TRAINS:
            return None if _handed_over(ctx, name, scope, after, call) else call
    return None


def _handed_over(ctx: Context, name: ast.Name, scope: ast.AST, after: tuple, trained: ast.Call) -> bool:
    """Whether the model is given to a call that is not Keras's between its load and its training
    (``compile_model(model)``): that call may compile it."""
    values = module_values(ctx)
    until = (trained.lineno, trained.col_offset)
    for node in ast.walk(scope):
        if (
            isinstance(node, ast.Call)
            and after < (node.lineno, node.col_offset) < until
            and any(
                isinstance(arg, ast.Name) and arg.id == name.id
                for arg in [*node.args, *(keyword.value for keyword in node.keywords)]
            )
            and values.scope_of(node.func) is scope
            and not (isinstance(node.func, (ast.Name, ast.Attribute)) and ctx.reference(node.func) is not None)
        ):
            return True
    return False
