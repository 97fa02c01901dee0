"""KER236: a model whose layer takes a function of the module as its activation, saved to ``.h5`` and loaded
again in the same module, on tf.keras (keras 2.15 names the function ``'function'`` in the file)."""

from __future__ import annotations

import ast
from typing import Iterator

from kerascheck.catalog.model import ONLY_TF_KERAS
from kerascheck.catalog.saving import H5_FUNCTION_ACTIVATION_ERROR, H5_FUNCTION_ACTIVATION_SUFFIXES
from kerascheck.context import Context
from kerascheck.findings import Finding
from kerascheck.rules.base import Invalid, Rule, Severity, Valid, module_text
from kerascheck.rules.saving import quoted_suffix, saves_and_loads


class H5FunctionActivationReload(Rule):
    """## What it does
    Finds `load_model(path)` of a `.h5` file the same module saves from a model with a layer whose
    activation is a function the module defines (`Dense(4, activation=scaled_tanh)`,
    `Activation(scaled_tanh)`), on tf.keras.

    ## Why is this bad?
    TF 2.15's Keras writes such a function to a `.h5` file as `{'class_name': 'function', 'config':
    'scaled_tanh', …}` and cannot read it back: `load_model` raises `TypeError: … Unknown activation
    function: 'function'`, whatever `custom_objects`, a `custom_object_scope` or
    `register_keras_serializable` say. A `.keras` file loads (with the function in `custom_objects`), and
    Keras 3 reads the same `.h5` file.

    ## Example
    ```python
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4, activation=scaled_tanh)])
    model.save("scaled.h5")
    restored = keras.models.load_model("scaled.h5", custom_objects={"scaled_tanh": scaled_tanh})
    ```

    ## Use instead
    ```python
    model.save("scaled.keras")
    restored = keras.models.load_model("scaled.keras", custom_objects={"scaled_tanh": scaled_tanh})
    ```

    ## Fix safety
    None: the file name may be read elsewhere (a serving script, a checkpoint path).
    """

    code = "KER236"
    name = "h5-function-activation-reload"
    message = (
        "`{call}` reads a model whose layer ({layer_at}) has the module's function `{function}` as its activation "
        "from {path}: target {target} raises `{error}`"
    )
    fix_title = "Save to and load from a `.keras` file, with the function in `custom_objects`"
    targets = ONLY_TF_KERAS
    severity = Severity.ERROR
    valid = (
        Valid(
            "from tensorflow import keras\ndef act(x):\n    return x\n"
            "model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4, activation=act)])\n"
            "model.save('m.keras')\nkeras.models.load_model('m.keras', custom_objects={'act': act})\n"
        ),
        Valid(
            "from tensorflow import keras\n"
            "model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4, activation='tanh')])\n"
            "model.save('m.h5')\nkeras.models.load_model('m.h5')\n"
        ),
    )
    invalid = (
        Invalid(  # held-out probe 12, MISS-2 (tests/data/api_programs/tf_h5_function_activation_reload.py)
            "from tensorflow import keras\ndef act(x):\n    return x\n"
            "model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4, activation=act)])\n"
            "model.save('m.h5')\nkeras.models.load_model('m.h5', custom_objects={'act': act})\n",
            at=((6, 0),),
        ),
        Invalid(
            "from tensorflow import keras\ndef act(x):\n    return x\ninputs = keras.Input((3,))\n"
            "model = keras.Model(inputs, keras.layers.Activation(act)(inputs))\n"
            "keras.models.save_model(model, 'm.hdf5')\nrestored = keras.models.load_model('m.hdf5')\n",
            at=((7, 11),),
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if "ctivation" not in text or not saves_and_loads(text):
            return
        if not quoted_suffix(text, H5_FUNCTION_ACTIVATION_SUFFIXES):
            return
        from kerascheck.rules.model_files import function_activation, model_files, shown_model_path

        files = model_files(ctx)
        for load in files.loads:
            if not load.path.lower().endswith(H5_FUNCTION_ACTIVATION_SUFFIXES):
                continue
            layers = [layer for save in files.saved(load.path) for layer in files.function_layers(save)]
            found = next(((layer, name) for layer in layers if (name := function_activation(ctx, layer))), None)
            if found is not None:
                layer, function = found
                yield self._finding(ctx, load.call, load.spelled, layer, function, shown_model_path(load.path))

    def _finding(
        self, ctx: Context, call: ast.Call, spelled: str, layer: ast.Call, function: str, path: str
    ) -> Finding:
        return self.finding(
            ctx, call, span=ctx.span(call)[:2] + ctx.span(call.func)[2:], call=f"{spelled}()", function=function,
            layer_at=f"line {layer.lineno}", path=path, error=H5_FUNCTION_ACTIVATION_ERROR,
        )  # fmt: skip
