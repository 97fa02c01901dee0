"""KER327: a model frozen (``trainable = False``) after it was compiled, then trained: the Keras-GAN idiom."""

from __future__ import annotations

import ast
from typing import Dict, Iterator, List, Optional, Set

from kerascheck.catalog.model import ONLY_KERAS3, Target
from kerascheck.catalog.releases import KERAS3_CHECKED
from kerascheck.context import Context
from kerascheck.findings import Finding
from kerascheck.rules.base import Invalid, Rule, Severity, Valid, module_text, shown_source
from kerascheck.rules.shared_optimizer import TRAINS, model_made
from kerascheck.rules.values import module_values

_GAN = (
    "import numpy as np\nimport keras\n"
    "d = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation='sigmoid')])\n"
    "g = keras.Sequential([keras.Input((2,)), keras.layers.Dense(4)])\n"
    "d.compile(loss='binary_crossentropy', optimizer='adam')\n"
)
_TRAIN = "x, z, y = np.random.rand(8, 4), np.random.rand(8, 2), np.ones((8, 1))\n"


class ModelFrozenAfterCompile(Rule):
    """## What it does
    Finds `model.trainable = False` set after `model.compile(…)` on a model the module then trains with
    `fit`, `train_on_batch` or `fit_generator`, and never sets trainable again (nor hands it to a function of
    the module that sets its parameter's, `make_trainable(d, True)`) nor compiles it again before training
    it (Keras 2 then froze it too): the Keras 2 GAN idiom, which
    compiles the discriminator, freezes it, builds and compiles the combined model around it, and trains
    both (`discriminator.train_on_batch`, `combined.train_on_batch`). Only a model the module makes
    (`Sequential`, `Model`, `load_model`, a function or method of the module returning one), bound once.

    ## Why is this bad?
    Keras 2 and tf.keras read `trainable` when a model is compiled: the discriminator, compiled before it
    was frozen, kept training under its own `train_on_batch`, and only the combined model, compiled after,
    left it alone. Keras 3 (3.15.1) reads `trainable` each time it trains, so the discriminator's own
    training updates nothing: no error, no warning, and the GAN's discriminator never learns (run on Keras
    3.15.1 with JAX; the same code trains it on TF 2.15.1).

    ## Example
    ```python
    discriminator.compile(loss="binary_crossentropy", optimizer="adam")
    discriminator.trainable = False
    combined = Model(z, discriminator(generator(z)))
    combined.compile(loss="binary_crossentropy", optimizer="adam")
    discriminator.train_on_batch(images, real)
    combined.train_on_batch(noise, real)
    ```

    ## Use instead
    ```python
    discriminator.trainable = True
    discriminator.train_on_batch(images, real)
    discriminator.trainable = False
    combined.train_on_batch(noise, real)
    ```

    ## Fix safety
    None: where the model is trained, and where the combined model is, decides where the flag goes.
    """

    code = "KER327"
    name = "model-frozen-after-compile"
    message = (
        "`{receiver}.trainable = False` after `{receiver}.compile(…)` (line {compiled}): target {target} (Keras "
        "{version}) reads `trainable` when it trains, so `{receiver}.{trains}(…)` (line {trained}) updates no "
        "weight of it, silently; Keras 2 froze it only for models compiled after this line"
    )
    fix_title = (
        "Set `{receiver}.trainable = True` before training `{receiver}`, and back to False before training a "
        "model that holds it"
    )
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    walked_methods = TRAINS | {"compile"}
    valid = (
        Valid(  # toggled around its own training: Keras 3's way
            _GAN + "d.trainable = False\nz = keras.Input((2,))\ncombined = keras.Model(z, d(g(z)))\n"
            "combined.compile(loss='binary_crossentropy', optimizer='adam')\n" + _TRAIN
            + "d.trainable = True\nd.train_on_batch(x, y)\nd.trainable = False\ncombined.train_on_batch(z, y)\n",
            target=Target.KERAS3,
        ),
        Valid(  # frozen before it is compiled: frozen on every Keras
            "import keras\nbase = keras.applications.MobileNetV2(weights=None)\nbase.trainable = False\n"
            "base.compile(loss='mse', optimizer='adam')\nbase.fit(x, y)\n",
            target=Target.KERAS3,
        ),
        Valid(  # never trained itself after: a feature extractor
            _GAN + "d.trainable = False\nfeatures = d.predict(x)\n", target=Target.KERAS3
        ),
        Valid(_GAN.replace("import keras", "from tensorflow import keras") + "d.trainable = False\nd.fit(x, y)\n"),
        Valid(  # thawed around its own training by a helper of the module (Keras 2 GANs' make_trainable)
            "def make_trainable(net, val):\n    net.trainable = val\n    for layer in net.layers:\n"
            "        layer.trainable = val\n" + _GAN + "d.trainable = False\n" + _TRAIN
            + "make_trainable(d, True)\nd.train_on_batch(x, y)\nmake_trainable(d, False)\n",
            target=Target.KERAS3,
        ),
        Valid(  # compiled again once frozen: Keras 2 reads the flag there too, and trains nothing of it either
            _GAN + "d.fit(x, y)\nd.trainable = False\nd.layers[-1].trainable = True\n"
            "d.compile(loss='binary_crossentropy', optimizer='adam')\nd.fit(x, y)\n",
            target=Target.KERAS3,
        ),
    )  # fmt: skip
    invalid = (
        Invalid(
            _GAN + "d.trainable = False\nz = keras.Input((2,))\ncombined = keras.Model(z, d(g(z)))\n"
            "combined.compile(loss='binary_crossentropy', optimizer='adam')\n" + _TRAIN
            + "d.train_on_batch(x, y)\ncombined.train_on_batch(z, y)\n",
            at=((6, 0),),
            target=Target.KERAS3,
        ),
        Invalid(
            "from keras.layers import Dense, Input\nfrom keras.models import Model, Sequential\n"
            "class GAN:\n    def __init__(self):\n        self.discriminator = self.build_discriminator()\n"
            "        self.discriminator.compile(loss='binary_crossentropy', optimizer='adam')\n"
            "        self.discriminator.trainable = False\n"
            "    def build_discriminator(self):\n        return Sequential([Input((4,)), Dense(1)])\n"
            "    def train(self, x, y):\n        self.discriminator.train_on_batch(x, y)\n",
            at=((7, 8),),
            target=Target.KERAS3,
        ),
    )  # fmt: skip

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if ".trainable" not in text or ".compile(" not in text:
            return
        frozen: List[ast.Assign] = []
        thawed = set()  # receivers (ast.dump) the module sets trainable to anything but False
        for node in ctx.index.assigns:
            for target in node.targets:
                if isinstance(target, ast.Attribute) and target.attr == "trainable":
                    if isinstance(node.value, ast.Constant) and node.value.value is False and len(node.targets) == 1:
                        frozen.append(node)
                    else:
                        thawed.add(ast.dump(target.value))
        if not frozen:
            return
        thawed |= _thawed_by_functions(ctx)
        calls: Dict[str, List[ast.Call]] = {}  # receiver (ast.dump) -> its compile and training calls, in order
        for call in ctx.index.calls:
            func = call.func
            if isinstance(func, ast.Attribute) and (func.attr == "compile" or func.attr in TRAINS):
                calls.setdefault(ast.dump(func.value), []).append(call)
        for node in frozen:
            target = node.targets[0]
            assert isinstance(target, ast.Attribute)
            key = ast.dump(target.value)
            if key in thawed or key not in calls:
                continue
            finding = self._frozen(ctx, node, target.value, calls[key])
            if finding is not None:
                yield finding

    def _frozen(self, ctx: Context, node: ast.Assign, receiver: ast.expr, calls: List[ast.Call]) -> Optional[Finding]:
        values = module_values(ctx)
        scope = values.scope_of(receiver)
        here = (node.lineno, node.col_offset)
        compiled = next(
            (
                call
                for call in calls
                if _method(call) == "compile"
                and values.scope_of(call.func) is scope
                and (call.lineno, call.col_offset) < here
            ),
            None,
        )
        if compiled is None:
            return None
        owner = values.enclosing_class(receiver) if isinstance(receiver, ast.Attribute) else None
        trained = next((call for call in calls if _trained_after(values, call, scope, owner, here)), None)
        if trained is None:
            return None
        if any(_compiled_between(values, call, scope, here, trained) for call in calls):
            return None  # compiled again after it was frozen: frozen on Keras 2 too
        made = model_made(ctx, receiver)
        if made is None or (isinstance(made, ast.Call) and _tf_keras_package(ctx, made)):
            return None
        shown = shown_source(ctx.source_of(receiver))
        return self.finding(
            ctx, node, span=ctx.span(node.targets[0]), receiver=shown, compiled=compiled.lineno,
            version=KERAS3_CHECKED, trains=_method(trained), trained=trained.lineno,
        )  # fmt: skip


def _trained_after(values, call: ast.Call, scope: ast.AST, owner: Optional[ast.ClassDef], here: tuple) -> bool:
    """Whether ``call`` trains the model after it was frozen at ``here``: later in the same scope, or (for
    ``self.model``) in another method of the class."""
    if _method(call) not in TRAINS:
        return False
    where = values.scope_of(call.func)
    if where is scope:
        return (call.lineno, call.col_offset) > here
    return owner is not None and values.enclosing_class(call.func) is owner


def _compiled_between(values, call: ast.Call, scope: ast.AST, here: tuple, trained: ast.Call) -> bool:
    """Whether ``call`` compiles the model again after it was frozen at ``here`` (in the same scope, and before
    ``trained`` where that is in this scope too): Keras 2 then reads the frozen flag as well."""
    if _method(call) != "compile" or values.scope_of(call.func) is not scope:
        return False
    where = (call.lineno, call.col_offset)
    if values.scope_of(trained.func) is scope:
        return here < where < (trained.lineno, trained.col_offset)
    return here < where


def _thawed_by_functions(ctx: Context) -> Set[str]:
    """Receivers (ast.dump) given to a function of the module that sets a parameter's ``trainable`` to anything
    but False (``make_trainable(discriminator, True)``, ``set_trainable(net, val)``): the Keras 2 GAN helpers."""
    values = module_values(ctx)
    thawing: Set[str] = set()
    for node in ctx.index.assigns:
        if isinstance(node.value, ast.Constant) and node.value.value is False:
            continue
        for target in node.targets:
            if isinstance(target, ast.Attribute) and target.attr == "trainable" and isinstance(target.value, ast.Name):
                function = values.scope_of(target)
                if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    arguments = function.args
                    names = {a.arg for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs}
                    if target.value.id in names:
                        thawing.add(function.name)
    if not thawing:
        return set()
    found: Set[str] = set()
    for call in ast.walk(ctx.tree):  # a module that freezes models and has such a helper: rare
        if isinstance(call, ast.Call):
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
            if name in thawing:
                found.update(ast.dump(arg) for arg in [*call.args, *(keyword.value for keyword in call.keywords)])
    return found


def _method(call: ast.Call) -> str:
    return call.func.attr if isinstance(call.func, ast.Attribute) else ""


def _tf_keras_package(ctx: Context, made: ast.Call) -> bool:
    """A tf_keras model (Keras 2 beside Keras 3): it reads ``trainable`` when it is compiled."""
    func = made.func
    return isinstance(func, (ast.Name, ast.Attribute)) and id(func) in ctx.index.scope_of and ctx.keras2_on_keras3(func)
