"""KER2xx, saving and loading: file names Keras 3 refuses, ``save_format=`` where it raises, SavedModel
directories given to ``load_model``, ``to_yaml``, and .h5 models whose loss Keras 3 cannot read back."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Iterator, List, Optional, Set, Tuple, Union

from kerascheck.catalog import api
from kerascheck.catalog.model import BOTH, ONLY_KERAS3, ONLY_TF_KERAS, Target
from kerascheck.catalog.saving import (
    BY_NAME_ERROR,
    BY_NAME_SUFFIXES,
    CHECKPOINT_WEIGHTS_ERROR,
    EXPORT_REMEDY,
    H5_LOSS_ERROR,
    H5_SUFFIXES,
    H5_UNREADABLE_LOSSES,
    HUB_PREFIX,
    KERAS3_VERSION,
    KNOWN_OBJECT_CALLS,
    LAMBDA_FUNCTION_ERROR,
    LAMBDA_KERAS3_ERROR,
    LAMBDA_SAFE_MODE_SUFFIXES,
    LAMBDA_TF_KERAS_ERROR,
    LATEST_CHECKPOINT,
    LEGACY_FORMAT_KEYWORDS,
    LOAD_WEIGHTS_FORMAT_ERROR,
    LOAD_WEIGHTS_SUFFIXES,
    LOADABLE_SUFFIXES,
    LOADING_CALLS,
    MODEL_METHODS,
    NATIVE_FORMAT_ERROR,
    RESTORE_STATUS_METHODS,
    SAVE_FORMAT_ERROR,
    SAVE_FORMAT_KEYWORD,
    SAVE_FORMAT_OWNERS,
    SAVE_FORMAT_REMEDY,
    SAVE_WEIGHTS_FORMAT_ERROR,
    SAVED_MODEL_FORMATS,
    SAVING_CALLS,
    SHARDED_WEIGHTS_SUFFIXES,
    SUFFIX_REMEDY,
    TO_YAML_EFFECTS,
    TO_YAML_REMEDY,
    WEIGHTS_SUFFIXES,
)
from kerascheck.context import Context, Project
from kerascheck.findings import Edit, Finding
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid, module_text, shown_source
from kerascheck.rules.calls import Callee, argument, callee
from kerascheck.rules.values import Tail, is_keras_model, module_values, refused_suffix, string_tail, value_of

if TYPE_CHECKING:
    from kerascheck.rules.model_files import Load, ModelFiles, Save


def _weights_only_position(target: Target) -> int:
    """Where ``ModelCheckpoint`` takes ``save_weights_only`` positionally on the target (its API table)."""
    signature = api.callable_signature(target, "callbacks.ModelCheckpoint")
    if signature is None:
        raise LookupError(f"the {target} API table has no callbacks.ModelCheckpoint")
    return signature.positional.index("save_weights_only")


def _keyword(node: ast.Call, name: str) -> Optional[ast.keyword]:
    return next((item for item in node.keywords if item.arg == name), None)


def _shown(tail: Tail) -> str:
    """The path as far as it is known; a format placeholder (``{epoch:02d}``) is left out."""
    text, complete = tail.text, tail.complete
    if "{" in text or "}" in text:
        text, complete = text[text.rfind("}") + 1 :].replace("{", ""), False
    if tail.number is not None and "{" not in tail.number[0] and "}" not in tail.number[0]:
        known, starts = tail.number
        return f"'{'' if starts else '…'}{known}<number>{text}'"  # ``"snap_%d" % epoch``: 'snap_<number>'
    return repr(text) if complete else f"'…{text}'"


def _is_true(node: Optional[ast.expr]) -> Optional[bool]:
    """A literal True/False, or None when it is not a literal."""
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, bool) else None


class Keras3SavingArguments(Rule):
    """## What it does
    Finds saving calls whose file name Keras 3 refuses, wherever the end of the name is visible (a
    literal, `dir + "w.h5"`, an f-string, `os.path.join(…)`, `"%s.h5" % name`, a name assigned once):
    `model.save` / `save_model` to a path not ending in `.keras`, `.h5` or `.hdf5`; `save_weights` to
    one not ending in `.weights.h5`; `ModelCheckpoint` to one not ending in `.keras` or `.h5`
    (`.weights.h5` with `save_weights_only=True`); and `save_format=` where Keras 3 raises for it (on
    `save_weights`, and on `save` with a path of no accepted suffix, or with `save_format="tf"` and a path
    whose end is not visible: a SavedModel directory's name, such as a TF Serving version folder).

    ## Why is this bad?
    Keras 3 (3.15.1) raises `ValueError: Invalid filepath extension for saving`, `The filename must
    end in .weights.h5`, `The filepath provided must end in .keras` (when the callback is built), or
    `The save_format argument is deprecated in Keras 3`: the model trains, then fails to save.
    `model.save("m.h5", save_format="h5")` is not reported: Keras 3 logs a warning and saves.

    ## Example
    ```python
    model.save("model_dir", save_format="tf")
    model.save_weights(os.path.join(out, "weights.h5"))
    ModelCheckpoint("best.hdf5", save_best_only=True)
    ```

    ## Use instead
    ```python
    model.export("model_dir")  # a SavedModel for serving; model.save("model.keras") to resume
    model.save_weights(os.path.join(out, "model.weights.h5"))
    ModelCheckpoint("best.keras", save_best_only=True)
    ```

    ## Fix safety
    None: a new file name changes what is written, and the code that reads it back.
    """

    code = "KER208"
    name = "keras3-saving-arguments"
    message = "{what}: target {target} (Keras {version}) raises {error}"
    fix_title = "{remedy}"
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    valid = (
        Valid("import keras\nmodel.save('m.keras')\nmodel.save_weights('m.weights.h5')\nmodel.save_weights(path)\n",
              target=Target.KERAS3),
        Valid("import keras\nmodel = keras.Sequential()\nmodel.save('m.h5', save_format='h5')\n"
              "model.save(f'{run}/model.keras')\nmodel.save(name + 's')\n", target=Target.KERAS3),
        Valid("import keras\nmodel = keras.Sequential()\nmodel.save('saved', zipped=False)\n"
              "keras.callbacks.ModelCheckpoint('w-{epoch:02d}.weights.h5', save_weights_only=True)\n",
              target=Target.KERAS3),
        Valid("import keras\nfrom PIL import Image\nimage = Image.open('a')\nimage.save('out.png')\n",
              target=Target.KERAS3),
        Valid("import keras\nmodel.save_weights('w.h5')\n"),
        Valid("import keras\nmodel = keras.Sequential()\nmodel.save('_'.join([name, 'best.keras']))\n"
              "model.save('-'.join(parts))\n", target=Target.KERAS3),
        Valid("import os\nimport keras\nmodel.save_weights(os.path.join(out, 'model.weights.h5'))\n",
              target=Target.KERAS3),
        Valid("import keras\nmodel = keras.Sequential()\ntry:\n    model.save_weights('w', save_format='h5')\n"
              "except TypeError:\n    model.save_weights('w.weights.h5')\n",
              target=Target.KERAS3),  # tried, the TypeError handled (NNPDF; Keras 3.15.1 raises TypeError there)
        Valid("import keras\nmodel = keras.Sequential()\ntry:\n    model.save('m', save_format='tf')\n"
              "except (TypeError, ValueError):\n    model.save('m.keras')\n", target=Target.KERAS3),  # probe 22
        Valid("import keras\nmodel = keras.Sequential()\ntry:\n    model.save_weights('w.h5', save_format='h5')\n"
              "except Exception:\n    model.save_weights('w.weights.h5')\n", target=Target.KERAS3),
    )  # fmt: skip
    invalid = (
        Invalid(
            "import keras\nmodel = keras.Sequential()\nmodel.save('dir', save_format='tf')\n",
            at=((3, 11), (3, 18)),
            target=Target.KERAS3,
        ),
        Invalid(  # a number ends the name: no suffix, or one no number can finish (`snap_3`, `gen_03.h5`)
            "import keras\nmodel = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])\nepoch = 3\n"
            "model.save('snap_%d' % epoch)\nmodel.save_weights(f'gen_{epoch:02d}.h5')\n"
            "model.save_weights('disc_{:03d}.h5'.format(epoch))\n",
            at=((4, 11), (5, 19), (6, 19)),
            target=Target.KERAS3,
        ),
        Invalid(  # an int written into the name: a `for` over `range`, an epoch (`str(epoch)`, `{}`, `{epoch}`)
            "import keras\nmodel = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])\n"
            "for epoch in range(2):\n    model.save_weights('gen_' + str(epoch) + '.h5')\n"
            "for step in range(2):\n    model.save(f'snapshots/step_{step}')\n"
            "for step in range(2):\n    model.save_weights('disc_{}.h5'.format(step))\n",
            at=((4, 23), (6, 15), (8, 23)),
            target=Target.KERAS3,
        ),
        Invalid(
            "import os\nimport keras\nout = 'runs'\nmodel.save_weights(os.path.join(out, 'w.h5'))\n"
            "model.save_weights(out + '/best.hdf5')\nmodel.save_weights(os.path.join(out, 'weights.h5'))\n",
            at=((4, 19), (5, 19), (6, 19)),
            target=Target.KERAS3,
        ),
        Invalid(
            "import keras\nfrom keras.callbacks import ModelCheckpoint\n"
            "best = ModelCheckpoint('best-{epoch:02d}.hdf5', save_best_only=True)\n"
            "last = ModelCheckpoint('last.h5', save_weights_only=True)\n",
            at=((3, 23), (4, 23)),
            target=Target.KERAS3,
        ),
        Invalid(  # a name joined from parts: the last one ends it (held-out probe 18: age-gender-estimation)
            "import keras\nfrom keras.callbacks import ModelCheckpoint\narch, size, out = 'resnet', 224, 'runs'\n"
            "name = '_'.join([arch, str(size), 'weights.{epoch:02d}-{val_loss:.2f}.hdf5'])\n"
            "best = ModelCheckpoint(out + '/' + name, save_best_only=True)\n",
            at=((5, 23),),
            target=Target.KERAS3,
        ),
        Invalid(
            "import keras\n\ndef build():\n    return keras.Sequential()\n\n"
            "model = build()\nmodel.save(f'{name}_model')\n",
            at=((7, 11),),
            target=Target.KERAS3,
        ),
        Invalid(  # a TF Serving export: the version directory (a number made a string), and `"tf"` says it is one
            "import os\nimport keras\nmodel = keras.Sequential()\nMODEL_DIR, version = 'serving', 1\n"
            "model.save(os.path.join(MODEL_DIR, str(version)), save_format='tf')\n",
            at=((5, 11), (5, 50)),  # the path ends in the version, a number
            target=Target.KERAS3,
        ),
    )

    owners = frozenset(SAVING_CALLS)

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner not in SAVING_CALLS or keras2_call(ctx, node):
            return
        found = list(self._findings(ctx, node, target))
        # only then is the receiver typed (it takes a look through the whole module)
        if found and (target.owner == ".save" or (target.owner == ".save_weights" and ctx.in_tf_keras_world)):
            from kerascheck.rules.model_files import model_receiver  # here: read only when a module may need it

            if not (isinstance(node.func, ast.Attribute) and model_receiver(ctx, node.func)):
                return  # another library's save() (images, word vectors, tokenizers); a tf_keras model's save_weights
        yield from found

    def _findings(self, ctx: Context, node: ast.Call, target: Callee) -> Iterator[Finding]:
        fact = SAVING_CALLS[target.owner]
        keyword = _keyword(node, SAVE_FORMAT_KEYWORD)
        if (
            target.owner == ".save_weights"
            and keyword is not None
            and ctx.handles(node, _raised(SAVE_WEIGHTS_FORMAT_ERROR))
        ):
            return  # the keyword fails first, and the program handles that TypeError: its fallback for Keras 3
        path = argument(node, fact.path_argument, fact.path_keyword)
        tail = None if path is None else string_tail(ctx, path)
        yield from self._save_format(ctx, node, target.owner, tail)
        if path is None or tail is None:
            return
        if target.owner == "callbacks.ModelCheckpoint":
            yield from self._checkpoint(ctx, node, path, tail)
            return
        if target.owner in SAVE_FORMAT_OWNERS and (
            _keyword(node, "zipped") is not None or tail.text.startswith(HUB_PREFIX)
        ):
            return  # an unzipped Keras directory, or the Hugging Face Hub: any name will do
        accepted = fact.accepted
        if target.owner == ".save_weights" and _keyword(node, "max_shard_size") is not None:
            accepted = SHARDED_WEIGHTS_SUFFIXES
        if refused_suffix(tail, accepted):
            yield from self._report(ctx, path, f"`{target.display}` to {_shown(tail)}", fact.error, accepted)

    def _checkpoint(self, ctx: Context, node: ast.Call, path: ast.expr, tail: Tail) -> Iterator[Finding]:
        position = _weights_only_position(ctx.target)
        weights_only = _is_true(argument(node, position, "save_weights_only"))
        fact = SAVING_CALLS["callbacks.ModelCheckpoint"]
        if weights_only is None and argument(node, position, "save_weights_only"):
            return  # not a literal: which suffix is wanted is not known
        if weights_only and refused_suffix(tail, WEIGHTS_SUFFIXES):
            what = f"`ModelCheckpoint({_shown(tail)}, save_weights_only=True)`"
            yield from self._report(ctx, path, what, CHECKPOINT_WEIGHTS_ERROR, WEIGHTS_SUFFIXES)
        elif not weights_only and refused_suffix(tail, fact.accepted):
            yield from self._report(ctx, path, f"`ModelCheckpoint({_shown(tail)})`", fact.error, fact.accepted)

    def _save_format(self, ctx: Context, node: ast.Call, owner: str, tail: Optional[Tail]) -> Iterator[Finding]:
        keyword = _keyword(node, SAVE_FORMAT_KEYWORD)
        if keyword is None:
            return
        if owner == ".save_weights":
            error = SAVE_WEIGHTS_FORMAT_ERROR
        elif owner in SAVE_FORMAT_OWNERS and (
            refused_suffix(tail, SAVING_CALLS[owner].accepted)
            or (_asks_saved_model(keyword) and not _visibly_accepted(tail, SAVING_CALLS[owner].accepted))
        ):
            error = SAVE_FORMAT_ERROR
        else:
            # with a `.keras`/`.h5` path Keras 3 only warns; with an unseen path and `"h5"` (or a format not
            # shown), the path may well end in `.h5`
            return
        if ctx.handles(node, _raised(error)):
            return  # tried, and what Keras 3 raises handled: the program's fallback for it
        line, col = keyword.lineno, ctx.column(keyword.lineno, keyword.col_offset)
        yield self.finding(
            ctx,
            keyword,
            span=(line, col, line, col + len(SAVE_FORMAT_KEYWORD)),
            what=f"`{SAVE_FORMAT_KEYWORD}=` of `{owner.lstrip('.')}()`",
            version=KERAS3_VERSION,
            error=error,
            remedy=SAVE_FORMAT_REMEDY,
        )

    def _report(
        self, ctx: Context, path: ast.expr, what: str, error: str, accepted: Tuple[str, ...]
    ) -> Iterator[Finding]:
        if ctx.handles(path, _raised(error)):
            return  # tried, and what Keras 3 raises handled: the program's fallback for it
        suffixes = " or ".join(f"`{suffix}`" for suffix in accepted)
        remedy = SUFFIX_REMEDY.format(suffixes=suffixes)
        if accepted[0] == ".keras":
            remedy += f"; {EXPORT_REMEDY}"
        yield self.finding(ctx, path, what=what, version=KERAS3_VERSION, error=error, remedy=remedy)


def _raised(error: str) -> str:
    """The exception class of an error text the messages quote (``TypeError: …``)."""
    return error.partition(":")[0]


class NativeFormatSavingArguments(Rule):
    """## What it does
    Finds `model.save(path, include_optimizer=…)` (and `signatures=`, `options=`, `save_traces=`; the same on
    `save_model(model, path, …)`) where the path visibly ends in `.keras` and no other `save_format=` is given, on
    target tf.keras.

    ## Why is this bad?
    Those keywords are for the SavedModel and HDF5 formats. TF 2.15's Keras saves a `.keras` path in its native
    format and raises `ValueError: The following argument(s) are not supported with the native Keras format`
    (keras 2.15.0 `saving_api.save_model`; run on TF 2.15.1), after training. Keras 3 takes `include_optimizer`
    there: code written for Keras 3 meets this on tf.keras.

    ## Example
    ```python
    model.save("deploy.keras", include_optimizer=False)
    ```

    ## Use instead
    ```python
    model.save("deploy.keras")  # the optimizer's state too; or: model.save("deploy.h5", include_optimizer=False)
    ```

    ## Fix safety
    None: without the keyword the file holds what the keyword left out.
    """

    code = "KER239"
    name = "native-format-saving-arguments"
    message = (
        "`{keyword}=` with the `.keras` file {path}: on target {target} Keras saves it in the native format and "
        "raises `{error}`"
    )
    fix_title = "Drop `{keyword}=` (the native format has no such option), or save a `.h5` file"
    severity = Severity.ERROR
    targets = ONLY_TF_KERAS
    valid = (
        Valid("from tensorflow import keras\nmodel = keras.Sequential()\nmodel.save('m.h5', include_optimizer=False)\n"
              "model.save('m.keras', save_format='tf', include_optimizer=False)\nmodel.save('m.keras')\n"),
        Valid("import keras\nmodel = keras.Sequential()\nmodel.save('m.keras', include_optimizer=False)\n",
              target=Target.KERAS3),
    )  # fmt: skip
    invalid = (
        Invalid(
            "import os\nfrom tensorflow import keras\nmodel = keras.Sequential()\n"
            "model.save(os.path.join(out, 'deploy.keras'), include_optimizer=False)\n",
            at=((4, 46),),
        ),
        Invalid(
            "from tensorflow import keras\nmodel = keras.Sequential()\n"
            "keras.models.save_model(model, 'm.keras', save_format='keras', save_traces=False)\n",
            at=((3, 63),),
        ),
    )

    owners = frozenset(SAVE_FORMAT_OWNERS)

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner not in SAVE_FORMAT_OWNERS:
            return
        given = [keyword for keyword in node.keywords if keyword.arg in LEGACY_FORMAT_KEYWORDS]
        if not given:
            return
        save_format = _keyword(node, SAVE_FORMAT_KEYWORD)
        if save_format is not None and not (
            isinstance(save_format.value, ast.Constant) and save_format.value.value == "keras"
        ):
            return  # another format asked for (or one not shown)
        fact = SAVING_CALLS[target.owner]
        path = argument(node, fact.path_argument, fact.path_keyword)
        tail = None if path is None else string_tail(ctx, path)
        if tail is None or not tail.text.lower().endswith(".keras"):
            return
        if target.owner == ".save" and not (
            isinstance(node.func, ast.Attribute) and _holds_a_model(ctx, node.func.value)
        ):
            return  # another library's save()
        for keyword in given:
            line, col = ctx.span(keyword)[:2]
            yield self.finding(
                ctx, keyword, span=(line, col, line, col + len(keyword.arg or "")), keyword=keyword.arg,
                path=_shown(tail), error=NATIVE_FORMAT_ERROR,
            )  # fmt: skip


def _asks_saved_model(keyword: ast.keyword) -> bool:
    """``save_format="tf"`` (or ``"tensorflow"``, as tf.keras also spells it): a SavedModel directory, whose path
    never ends in `.keras` or `.h5`."""
    return isinstance(keyword.value, ast.Constant) and keyword.value.value in SAVED_MODEL_FORMATS


def _visibly_accepted(tail: Optional[Tail], accepted: Tuple[str, ...]) -> bool:
    return tail is not None and tail.text.lower().endswith(accepted)


def _holds_a_model(ctx: Context, node: ast.expr) -> bool:
    from kerascheck.rules.model_files import holds_a_model  # here: read only when a module may need it

    return holds_a_model(ctx, node)


class Keras3LoadSavedModel(Rule):
    """## What it does
    Finds `load_model` given a path that is no `.keras` or `.h5` file, such as a TensorFlow SavedModel
    directory (`load_model("export/1")`, `load_model(os.path.join(d, "saved_model"))`).

    ## Why is this bad?
    Keras 3 (3.15.1) loads only `.keras` archives, legacy `.h5` files and Orbax checkpoint directories:
    a SavedModel raises `ValueError: File format not supported … use keras.layers.TFSMLayer`. tf.keras
    (TF <= 2.15) loaded SavedModel directories. A module that uses Orbax (`keras.callbacks.OrbaxCheckpoint`
    writes such directories) gets no finding: the directory it loads may be a checkpoint.

    ## Example
    ```python
    model = keras.models.load_model("export/my_model")
    ```

    ## Use instead
    ```python
    layer = keras.layers.TFSMLayer("export/my_model", call_endpoint="serving_default")
    ```

    ## Fix safety
    None: a `TFSMLayer` is an inference-only layer, not a model to train further.
    """

    code = "KER220"
    name = "keras3-load-savedmodel"
    message = "`{call}` loads {path}, no `.keras` or `.h5` file; target {target} (Keras {version}) raises " \
        "`ValueError: File format not supported` for a SavedModel directory"  # fmt: skip
    fix_title = "Load a `.keras`/`.h5` file, or wrap a SavedModel: `keras.layers.TFSMLayer(path, call_endpoint=…)`"
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    valid = (
        Valid("import keras\nkeras.models.load_model('m.keras')\nkeras.models.load_model(path)\n"
              "keras.saving.load_model(f'{run}/best.h5')\nkeras.models.load_model('hf://user/model')\n",
              target=Target.KERAS3),
        Valid("import keras\nkeras.models.load_model('export/1')\n"),
        Valid("import keras\nmodel.fit(data, callbacks=[keras.callbacks.OrbaxCheckpoint('ckpt')])\n"
              "keras.models.load_model('ckpt')\n", target=Target.KERAS3),
    )  # fmt: skip
    invalid = (
        Invalid(
            "import os\nimport keras\nkeras.models.load_model('export/1')\n"
            "keras.saving.load_model(os.path.join('runs', 'saved_model'))\n",
            at=((3, 24), (4, 24)),
            target=Target.KERAS3,
        ),
    )

    owners = LOADING_CALLS

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner not in LOADING_CALLS or keras2_call(ctx, node):
            return
        path = argument(node, 0, "filepath")
        if path is None:
            return
        tail = string_tail(ctx, path)
        if tail is None or tail.text.startswith(HUB_PREFIX) or not refused_suffix(tail, LOADABLE_SUFFIXES):
            return
        if "orbax" in module_text(ctx).lower():
            return  # Keras 3.15.1 loads an Orbax checkpoint directory (saving_api.load_model, is_orbax_checkpoint)
        yield self.finding(ctx, path, call=f"{target.spelled}()", path=_shown(tail), version=KERAS3_VERSION)


class Keras3LoadWeightsFile(Rule):
    """## What it does
    Finds `model.load_weights(path)` on a Keras model the module shows, where Keras 3 refuses the file: a path
    that certainly ends in no suffix Keras 3 reads (a TensorFlow checkpoint prefix such as
    `"training/cp-{epoch:04d}.ckpt"`, or `tf.train.latest_checkpoint(dir)`), and `by_name=` with a `.keras` or
    `.weights.h5` file.

    ## Why is this bad?
    Keras 3 (3.15.1) reads weights from `.keras`, `.weights.h5`/`.weights.json`, legacy `.h5`/`.hdf5` files and
    Orbax checkpoints: anything else raises `ValueError: File format not supported`; and `by_name=` (whatever its
    value) raises `ValueError: by_name only supports loading legacy '.h5' or '.hdf5' files` for the others.
    tf.keras (TF 2.15) reads TensorFlow checkpoints, and `by_name=` for any HDF5 file. A module that uses Orbax is
    left alone.

    ## Example
    ```python
    model.load_weights(tf.train.latest_checkpoint("training"))
    model.load_weights("best.weights.h5", by_name=True)
    ```

    ## Use instead
    ```python
    model.load_weights("training/cp-0010.weights.h5")  # saved with model.save_weights(…)
    model.load_weights("best.weights.h5")
    ```

    ## Fix safety
    None: the file must be written in another format first; `by_name=True` matched layers by name, Keras 3 matches
    them by the model's structure.
    """

    code = "KER234"
    name = "keras3-load-weights-file"
    message = "{what}: target {target} (Keras {version}) raises `{error}`"
    fix_title = "{remedy}"
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    owners = frozenset({".load_weights"})
    valid = (
        Valid(
            "import keras\nmodel = keras.Sequential()\nmodel.load_weights('w.weights.h5')\n"
            "model.load_weights('old.h5', by_name=True)\nmodel.load_weights(path)\n",
            target=Target.KERAS3,
        ),
        Valid("import keras\nmodel = keras.Sequential()\nmodel.load_weights('training/cp.ckpt')\n"),  # tf.keras
        Valid("import keras\nnet.load_weights('resnet.ckpt')\n", target=Target.KERAS3),  # not shown to be Keras's
    )
    invalid = (
        Invalid(
            "import keras\nimport tensorflow as tf\n\ndef build():\n"
            "    return keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n\n"
            "model = build()\nmodel.load_weights('training/cp-0005.ckpt')\n"
            "model.load_weights(tf.train.latest_checkpoint('training'))\n"
            "model.load_weights('best.weights.h5', by_name=True)\n",
            at=((8, 19), (9, 19), (10, 38)),
            target=Target.KERAS3,
        ),
    )

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner != ".load_weights" or keras2_call(ctx, node):
            return
        found = list(self._problems(ctx, node, target))
        if found and isinstance(node.func, ast.Attribute):
            from kerascheck.rules.model_files import holds_a_model  # here: read only when a module may need it

            if holds_a_model(ctx, node.func.value):  # typed only now: typing looks through the whole module
                yield from found

    def _problems(self, ctx: Context, node: ast.Call, target: Callee) -> Iterator[Finding]:
        path = argument(node, 0, "filepath")
        if path is None:
            return
        call = f"{target.spelled}()"
        made = value_of(ctx, path)  # ``latest = tf.train.latest_checkpoint(d)`` … ``load_weights(latest)``
        if isinstance(made, ast.Call) and isinstance(made.func, (ast.Name, ast.Attribute)):
            reference = ctx.reference(made.func)
            if reference is not None and reference.dotted == LATEST_CHECKPOINT:
                yield self._format(ctx, path, f"`{call}` of a TensorFlow checkpoint (`tf.train.latest_checkpoint`)")
                return
        tail = string_tail(ctx, path)
        if tail is None:
            return
        if refused_suffix(tail, LOAD_WEIGHTS_SUFFIXES):
            if "orbax" not in module_text(ctx).lower():  # Keras 3.15.1 reads an Orbax checkpoint directory
                yield self._format(ctx, path, f"`{call}` of {_shown(tail)}")
            return
        keyword = next((item for item in node.keywords if item.arg == "by_name"), None)
        if keyword is not None and tail.complete and tail.text.endswith(BY_NAME_SUFFIXES):
            yield self.finding(
                ctx, keyword, what=f"`by_name=` of `{call}` with {_shown(tail)}", version=KERAS3_VERSION,
                error=BY_NAME_ERROR, remedy="Drop `by_name=`: Keras 3 matches the weights by the model's structure",
            )  # fmt: skip

    def _format(self, ctx: Context, path: ast.expr, what: str) -> Finding:
        suffixes = " or ".join(f"`{suffix}`" for suffix in (".weights.h5", ".keras", ".h5"))
        return self.finding(
            ctx, path, what=what, version=KERAS3_VERSION, error=LOAD_WEIGHTS_FORMAT_ERROR,
            remedy=f"Load a {suffixes} file (write one with `model.save_weights('….weights.h5')`)",
        )  # fmt: skip


class LoadWeightsStatus(Rule):
    """## What it does
    Finds `.expect_partial()`, `.assert_consumed()`, `.assert_existing_objects_matched()` and
    `.assert_nontrivial_match()` called on what `model.load_weights(…)` returns, for a Keras model the module
    shows, on Keras 3.

    ## Why is this bad?
    tf.keras's `load_weights` of a TensorFlow checkpoint returns the restore status those methods belong to. Keras
    3's (3.15.1) returns None, so the call raises `AttributeError: 'NoneType' object has no attribute
    'expect_partial'` (run), even once the file is one Keras 3 reads.

    ## Example
    ```python
    model.load_weights("ckpt/model.weights.h5").expect_partial()
    ```

    ## Use instead
    ```python
    model.load_weights("ckpt/model.weights.h5")
    ```

    ## Fix safety
    Safe for `expect_partial()`, which only silenced warnings about values left unrestored; none for the
    assertions, whose check Keras 3 does not make.
    """

    code = "KER245"
    name = "load-weights-status"
    fix_safety = FixSafety.SOMETIMES
    message = (
        "`{use}`: on target {target} (Keras {keras3_checked}) `load_weights` returns None, so `.{method}()` raises "
        "`AttributeError`"
    )
    fix_title = "{remedy}"
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    valid = (
        Valid(
            "from tensorflow import keras\nmodel = keras.Sequential()\nmodel.load_weights('ckpt').expect_partial()\n"
        ),
        Valid("import keras\nreader.load_weights('ckpt').expect_partial()\n", target=Target.KERAS3),
    )
    invalid = (
        Invalid(
            "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.load_weights('m.weights.h5').expect_partial()\n",
            at=((3, 0),),
            target=Target.KERAS3,
            fixed=(
                "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
                "model.load_weights('m.weights.h5')\n"
            ),
        ),
        Invalid(
            "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.load_weights('m.weights.h5').assert_consumed()\n",
            at=((3, 0),),
            target=Target.KERAS3,
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if ".load_weights(" not in text or not any(f".{method}(" in text for method in RESTORE_STATUS_METHODS):
            return
        from kerascheck.rules.model_files import holds_a_model  # here: read only when a module may need it

        for node in ctx.nodes:
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in RESTORE_STATUS_METHODS
                and isinstance(node.func.value, ast.Call)
            ):
                continue
            loading = node.func.value
            target = callee(ctx, loading)
            if target is None or target.owner != ".load_weights" or not isinstance(loading.func, ast.Attribute):
                continue
            if not holds_a_model(ctx, loading.func.value):
                continue
            method, receiver = node.func.attr, shown_source(ctx.source_of(loading.func.value))
            edits: Tuple[Edit, ...] = ()
            if method == "expect_partial" and not node.args and not node.keywords:
                edits = (Edit(*ctx.span(node), ctx.source_of(loading)),)
                remedy = f"Drop `.{method}()`"
            else:
                remedy = (
                    f"Drop `.{method}()`: Keras 3's `load_weights` itself raises ValueError for weights it cannot "
                    "load (unless `skip_mismatch=True`)"
                )
            yield self.finding(
                ctx, node, edits=edits, use=f"{receiver}.load_weights(…).{method}()", method=method, remedy=remedy
            )


class ModelToYaml(Rule):
    """## What it does
    Finds `model.to_yaml()` on a Keras model.

    ## Why is this bad?
    TensorFlow 2.6 made it raise `RuntimeError: Method model.to_yaml() has been removed due to
    security risk of arbitrary code execution` (tf.keras 2.15 still does); Keras 3 has no such method
    (`AttributeError`).

    ## Example
    ```python
    config = model.to_yaml()
    ```

    ## Use instead
    ```python
    config = model.to_json()
    ```

    ## Fix safety
    None: the text is JSON, not YAML, and whatever reads it must change too.
    """

    code = "KER221"
    name = "model-to-yaml"
    message = "`{receiver}.to_yaml()` raises on target {target}: {effect} (since {since})"
    fix_title = TO_YAML_REMEDY
    severity = Severity.ERROR
    targets = BOTH
    valid = (Valid("import keras\nconfig.to_yaml()\nmodel = keras.Sequential()\nmodel.to_json()\n"),)
    invalid = (
        Invalid("from tensorflow import keras\nmodel = keras.Sequential()\ntext = model.to_yaml()\n", at=((3, 7),)),
        Invalid(
            "import keras\nmodel = keras.models.load_model('m.keras')\nmodel.to_yaml()\n",
            at=((3, 0),),
            target=Target.KERAS3,
        ),
    )

    owners = frozenset({".to_yaml"})

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        func = node.func
        if not isinstance(func, ast.Attribute) or func.attr != "to_yaml" or not is_keras_model(ctx, func.value):
            return
        effect = TO_YAML_EFFECTS[ctx.target]
        yield self.finding(ctx, node, receiver=ctx.source_of(func.value), effect=effect.effect, since=effect.since)


class H5LossAlias(Rule):
    """## What it does
    Finds `load_model("….h5")` of a model that the same module compiles with a short loss name
    (`loss="mse"`, `"mae"`, `"mape"`, `"msle"`, `"kld"`) and saves to that file (`model.save`,
    `save_model`, `ModelCheckpoint`).

    ## Why is this bad?
    Keras 3 (3.15.1) cannot read those names back from a legacy `.h5` file, whether Keras 2 or Keras 3
    wrote it: `load_model` raises `ValueError: Could not deserialize 'keras.metrics.mse' because it is not
    a KerasSaveable subclass`. The long name (`"mean_squared_error"`) is the same loss and loads.

    ## Example
    ```python
    model.compile(optimizer="adam", loss="mse")
    model.save("model.h5")
    model = keras.models.load_model("model.h5")
    ```

    ## Use instead
    ```python
    model.compile(optimizer="adam", loss="mean_squared_error")
    model.save("model.h5")
    model = keras.models.load_model("model.h5")
    ```

    ## Fix safety
    Safe: the long name is the same loss function on every Keras, and the history's `loss` key stays.
    A file saved before the fix still needs `load_model(path, compile=False)` (then `compile` again).
    """

    code = "KER224"
    name = "h5-loss-alias"
    fix_safety = FixSafety.SAFE
    message = (
        "`{call}` reads a model compiled with `loss={loss!r}` ({compiled_at}) from {path}: target {target} "
        "(Keras {version}) raises `{error}`"
    )
    fix_title = "Compile with `loss={new!r}`, the same loss (a file saved before: `load_model(path, compile=False)`)"
    walked_methods = MODEL_METHODS  # model_files reads their calls off the walk
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    valid = (
        Valid(  # a compile and a save through one expression in two functions: another model each (run)
            "import os\nimport keras\ndef train(d):\n    model = keras.Sequential([keras.layers.Dense(1)])\n"
            "    model.compile('adam', 'mse')\ndef export(d):\n    model = keras.Sequential([keras.layers.Dense(1)])\n"
            "    path = os.path.join(d, 'm.h5')\n    model.save(path)\n    return keras.models.load_model(path)\n",
            target=Target.KERAS3,
        ),
        Valid(  # run on Keras 3.15.1: without the optimizer the file keeps no loss, and loads
            "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.compile(optimizer='adam', loss='mse')\nmodel.save('m.h5', include_optimizer=False)\n"
            "again = keras.models.load_model('m.h5')\n",
            target=Target.KERAS3,
        ),
        Valid(  # another module saves the file too, from a model compiled with a long name: which one is read?
            "# train.py\nimport keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.compile(optimizer='adam', loss='mse')\nmodel.save('regressor.h5')\n"
            "# tune.py\nimport keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.compile(optimizer='adam', loss='mean_squared_error')\nmodel.save('regressor.h5')\n"
            "# predict.py\nimport keras\nmodel = keras.models.load_model('regressor.h5')\n"
            "other = keras.models.load_model('other.h5')\n",
            target=Target.KERAS3,
        ),
        Valid(
            "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.compile(optimizer='adam', loss='mse')\nmodel.save('m.h5')\n"
            "restored = keras.models.load_model('m.h5', compile=False)\nmodel.save('m.keras')\n"
            "again = keras.models.load_model('m.keras')\n",
            target=Target.KERAS3,
        ),
        Valid(
            "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.compile(optimizer='adam', loss='mse', metrics=['mae'])\nmodel.save('m.h5')\n"
            "other = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "other.compile(optimizer='adam', loss='mean_absolute_error')\nother.save('o.h5')\n"
            "restored = keras.models.load_model('o.h5')\n",
            target=Target.KERAS3,
        ),
        Valid(
            "from tensorflow import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.compile('adam', 'mse')\nmodel.save('m.h5')\nrestored = keras.models.load_model('m.h5')\n"
        ),
    )
    invalid = (
        Invalid(  # the same expression of the same bindings names the file (held-out probe 11, MISS-4; run)
            "import tempfile\nimport keras\nout_dir = tempfile.mkdtemp()\n"
            "model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\nmodel.compile('adam', 'mse')\n"
            "model.save(f'{out_dir}/model.h5')\nresumed = keras.models.load_model(f'{out_dir}/model.h5')\n",
            at=((7, 10),),
            target=Target.KERAS3,
            fixed="import tempfile\nimport keras\nout_dir = tempfile.mkdtemp()\n"
            "model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.compile('adam', 'mean_squared_error')\n"
            "model.save(f'{out_dir}/model.h5')\nresumed = keras.models.load_model(f'{out_dir}/model.h5')\n",
        ),
        Invalid(  # across modules: a training script saves, a prediction script loads
            "# train.py\nimport keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.compile(optimizer='adam', loss='mse')\nmodel.save('regressor.h5')\n"
            "# predict.py\nimport keras\nmodel = keras.models.load_model('regressor.h5')\n",
            at=((2, 8),),
            target=Target.KERAS3,
        ),
        Invalid(
            "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.compile(optimizer='adam', loss='mse')\nmodel.save('m.h5')\n"
            "restored = keras.models.load_model('m.h5')\n",
            at=((5, 11),),
            target=Target.KERAS3,
            fixed=(
                "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
                "model.compile(optimizer='adam', loss='mean_squared_error')\nmodel.save('m.h5')\n"
                "restored = keras.models.load_model('m.h5')\n"
            ),
        ),
        Invalid(
            "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
            "model.compile('adam', \"MAE\")\nkeras.models.save_model(model, 'best.hdf5')\n"
            "best = keras.models.load_model('best.hdf5')\n",
            at=((5, 7),),
            target=Target.KERAS3,
            fixed=(
                "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
                "model.compile('adam', \"mean_absolute_error\")\nkeras.models.save_model(model, 'best.hdf5')\n"
                "best = keras.models.load_model('best.hdf5')\n"
            ),
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if not saves_and_loads(text) or not quoted_suffix(text, H5_SUFFIXES):
            return
        if not any(f"'{loss}'" in text or f'"{loss}"' in text for loss in H5_UNREADABLE_LOSSES):
            return
        from kerascheck.rules.model_files import literal, model_files, shown_model_path  # here: read when needed

        files = model_files(ctx)
        every_compile = _every_compile(files)
        for load in files.loads:
            if not load.path.lower().endswith(H5_SUFFIXES) or (
                "compile" in load.keywords and literal(load.keywords["compile"]) is not True
            ):
                continue
            call, path, spelled = load.call, load.path, load.spelled
            loss = _saved_loss(files, files.saved(path), every_compile)
            if loss is None:
                continue
            new = H5_UNREADABLE_LOSSES[str(loss.value)]
            line, col, end_line, end_col = ctx.span(loss)
            quote = ctx.lines[line - 1][col]
            edits = (Edit(line, col, end_line, end_col, f"{quote}{new}{quote}"),) if quote in "'\"" else ()
            yield self.finding(
                ctx, call, span=ctx.span(call)[:2] + ctx.span(call.func)[2:], edits=edits, call=f"{spelled}()",
                loss=loss.value, compiled_at=f"line {line}", path=shown_model_path(path), version=KERAS3_VERSION,
                new=new,
                error=H5_LOSS_ERROR.format(loss=loss.value),
            )  # fmt: skip

    def module_facts(self, ctx: Context) -> Optional[object]:
        """The module's .h5 saves, each with the short loss name its model was compiled with (if shown),
        and its loads of .h5 files that compile what they read: for a load in one module of a file
        another saves."""
        text = module_text(ctx)
        if not quoted_suffix(text, H5_SUFFIXES):
            return None
        from kerascheck.rules.model_files import (
            SavedFile,
            literal,
            loaded_file,
            model_files,
            model_loads,
            project_facts,
        )

        saves = []
        if _saves(text):  # what a save holds needs the module's compiles and models: read only then
            files = model_files(ctx)
            every_compile = _every_compile(files)
            for save in files.saves:
                if save.path.lower().endswith(H5_SUFFIXES):
                    loss = _saved_loss(files, [save], every_compile)
                    problem = None if loss is None else str(loss.value)
                    saves.append(SavedFile(save.path, problem, "", getattr(loss, "lineno", 0)))
        loads = [
            loaded_file(ctx, load)
            for load in (model_loads(ctx) if "load_model(" in text else [])
            if load.path.lower().endswith(H5_SUFFIXES)
            and not ("compile" in load.keywords and literal(load.keywords["compile"]) is not True)
        ]
        return project_facts(saves, loads)

    def check_project(self, project: Project) -> Iterator[Tuple[str, Finding]]:
        from kerascheck.rules.model_files import linked_saves, shown_model_path

        for path, load, saver, save in linked_saves(project, self.code):
            loss = str(save.problem)
            yield path, self.finding_at(
                project.settings.target, *load.span, call=f"{load.spelled}()", loss=loss,
                compiled_at=f"{saver}, line {save.line}", path=shown_model_path(load.path), version=KERAS3_VERSION,
                new=H5_UNREADABLE_LOSSES[loss], error=H5_LOSS_ERROR.format(loss=loss),
            )  # fmt: skip


def quoted_suffix(text: str, suffixes: Tuple[str, ...]) -> bool:
    """Whether the text ends some string literal in one of ``suffixes`` (``"model.h5"``, ``f"{d}/m.keras"``):
    a model path the module spells out (``tf.keras`` is no ``.keras`` file)."""
    return any(
        suffix in text and (f"{suffix}'" in text or f'{suffix}"' in text) for suffix in suffixes
    )  # one scan per suffix where most modules write none


def _saves(text: str) -> bool:
    return "save(" in text or "save_model(" in text or "ModelCheckpoint(" in text


def saves_and_loads(text: str) -> bool:
    """The cheap test of the module's text before its saves and loads are read (KER224, KER225)."""
    return "load_model(" in text and _saves(text)


def _every_compile(files: ModelFiles) -> List[Optional[List[ast.Constant]]]:
    """Per compile of the module, the short loss names it spells (None: not made of literals)."""
    return [_short_losses(compiling.loss) for compiling in files.compiles]


def _short_losses(node: Optional[ast.expr]) -> Optional[List[ast.Constant]]:
    """The short loss names a ``loss=`` argument spells (also in a list or dict of losses); None when it
    is not made of literals."""
    if node is None:
        return None
    items = (
        node.values if isinstance(node, ast.Dict) else node.elts if isinstance(node, (ast.List, ast.Tuple)) else [node]
    )
    found = []
    for item in items:
        if not isinstance(item, ast.Constant) or not isinstance(item.value, (str, type(None))):
            return None  # a loss object or a name: what it saves is not seen here
        if item.value in H5_UNREADABLE_LOSSES:
            found.append(item)
    return found


def _saved_loss(
    files: ModelFiles, saves: List[Save], every_compile: List[Optional[List[ast.Constant]]]
) -> Optional[ast.Constant]:
    """The short loss name the model saved to a path was compiled with, when the module shows it: the
    model saved by name, by the last compile of it before the save (ModelFiles.compiles_of), which replaced
    any before; a checkpoint's, when every compile in the module uses a short name. Of several saves to the
    path, the last one's: it wrote what a later load reads."""
    for save in reversed(saves):
        if not save.with_compile:
            continue  # the file leaves the loss out: it loads
        compiles = files.compiles_of(save)
        if compiles:
            losses = _short_losses(compiles[-1].loss)
            return losses[-1] if losses else None
        if save.model is None and save.within is None and every_compile and all(every_compile):
            first = every_compile[0]
            return first[0] if first else None
    return None


class LambdaLayerReload(Rule):
    """## What it does
    Finds `load_model(path)` of a file the same module saves from a model holding a `Lambda` layer: on
    Keras 3, one of a Python `lambda` (unless `safe_mode=False`) or of a function the module defines
    (unless it is in `custom_objects` or registered); on tf.keras, any `Lambda` read from a `.keras` file
    (unless `safe_mode=False`).

    ## Why is this bad?
    Keras 3 (3.15.1) refuses to deserialize a Python `lambda` in safe mode, the default, from `.keras` and
    `.h5` files alike: `ValueError: Requested the deserialization of a Lambda layer whose function is a
    Python lambda`. It saves a `def`ined function by name, and loading raises `TypeError: Could not locate
    function` unless the function is passed in `custom_objects`. tf.keras (keras 2.15) refuses every
    `Lambda` in a `.keras` file in safe mode; `.h5` files load.

    ## Example
    ```python
    model = keras.Sequential([keras.Input((3,)), keras.layers.Lambda(lambda x: x / 255.0)])
    model.save("model.keras")
    model = keras.models.load_model("model.keras")
    ```

    ## Use instead
    ```python
    model = keras.models.load_model("model.keras", safe_mode=False)  # a file you trust
    ```

    ## Fix safety
    Safe for a function the module defines: `custom_objects={"f": f}` is added to the call. None for a
    `lambda`: turning safe mode off is a decision about trusting the file (or write a Layer subclass).
    """

    code = "KER225"
    name = "lambda-layer-reload"
    message = (
        "`{call}` reads a model holding a `Lambda` layer of {function} ({layer_at}) from {path}: target "
        "{target} raises `{error}`"
    )
    fix_title = "{remedy}"
    walked_methods = MODEL_METHODS  # model_files reads their calls off the walk
    severity = Severity.ERROR
    fix_safety = FixSafety.SOMETIMES
    valid = (
        Valid(  # across modules: the function is known where the file is loaded
            "# train.py\nimport keras\n\ndef scale(x):\n    return x / 255.0\n\n"
            "model = keras.Sequential([keras.Input((3,)), keras.layers.Lambda(scale)])\nmodel.save('scaler.keras')\n"
            "# serve.py\nimport keras\nfrom train import scale\n"
            "model = keras.models.load_model('scaler.keras', custom_objects={'scale': scale})\n",
            target=Target.KERAS3,
        ),
        Valid(
            "from tensorflow import keras\n"
            "model = keras.Sequential([keras.Input((3,)), keras.layers.Lambda(lambda x: x)])\n"
            "model.save('m.h5')\nrestored = keras.models.load_model('m.h5')\n"
        ),
        Valid(
            "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Lambda(lambda x: x)])\n"
            "model.save('m.keras')\nrestored = keras.models.load_model('m.keras', safe_mode=False)\n",
            target=Target.KERAS3,
        ),
    )
    invalid = (
        Invalid(  # a path made by os.path.join, saved and loaded through one name (held-out probe 11, MISS-4; run)
            "import os\nimport tempfile\nimport keras\ninputs = keras.Input(shape=(3,))\n"
            "model = keras.Model(inputs, keras.layers.Lambda(lambda t: t * 2.0)(inputs))\n"
            "path = os.path.join(tempfile.mkdtemp(), 'm.keras')\nmodel.save(path)\nkeras.models.load_model(path)\n",
            at=((8, 0),),
            target=Target.KERAS3,
        ),
        Invalid(  # across modules
            "# train.py\nimport keras\n\ndef scale(x):\n    return x / 255.0\n\n"
            "model = keras.Sequential([keras.Input((3,)), keras.layers.Lambda(scale)])\nmodel.save('scaler.keras')\n"
            "# serve.py\nimport keras\nmodel = keras.models.load_model('scaler.keras')\n"
            "unsafe = keras.models.load_model('scaler.keras', safe_mode=False)\n",
            at=((2, 8),),
            target=Target.KERAS3,
        ),
        Invalid(
            "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Lambda(lambda x: x / 2)])\n"
            "model.save('m.keras')\nrestored = keras.models.load_model('m.keras')\n",
            at=((4, 11),),
            target=Target.KERAS3,
        ),
        Invalid(
            "import keras\ndef halve(x):\n    return x / 2\ninputs = keras.Input((3,))\n"
            "outputs = keras.layers.Lambda(halve)(inputs)\nmodel = keras.Model(inputs, outputs)\n"
            "model.save('m.h5')\nrestored = keras.models.load_model('m.h5')\n",
            at=((8, 11),),
            target=Target.KERAS3,
            fixed=(
                "import keras\ndef halve(x):\n    return x / 2\ninputs = keras.Input((3,))\n"
                "outputs = keras.layers.Lambda(halve)(inputs)\nmodel = keras.Model(inputs, outputs)\n"
                "model.save('m.h5')\nrestored = keras.models.load_model('m.h5', custom_objects={'halve': halve})\n"
            ),
        ),
        Invalid(
            "from tensorflow import keras\nmodel = keras.Sequential()\nmodel.add(keras.layers.Lambda(lambda x: x))\n"
            "keras.models.save_model(model, 'm.keras')\nrestored = keras.models.load_model('m.keras')\n",
            at=((5, 11),),
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if "Lambda" not in text or not saves_and_loads(text):
            return
        if any(way in text for way in KNOWN_OBJECT_CALLS):
            return  # the module makes its functions known, or turns safe mode off, another way
        from kerascheck.rules.model_files import model_files  # here: read only when a module may need it

        files = model_files(ctx)
        suffixes = LAMBDA_SAFE_MODE_SUFFIXES[ctx.target]
        for load in files.loads:
            if not load.path.lower().endswith(suffixes) or "safe_mode" in load.keywords:
                continue
            for save in files.saved(load.path):
                layers = files.function_layers(save)
                problem = next(filter(None, (self._problem(ctx, load, layer) for layer in layers)), None)
                if problem is not None:
                    yield problem
                    break

    def _problem(self, ctx: Context, load: Load, layer: ast.Call) -> Optional[Finding]:
        kind = _function_kind(ctx, layer)
        refusal = None if kind is None else _refusal(ctx.target, kind, load.keywords)
        if kind is None or refusal is None:
            return None  # a library's function (whether Keras finds it is not seen here), or one passed already
        from kerascheck.rules.model_files import shown_model_path

        shown, error, remedy = refusal
        edits: Tuple[Edit, ...] = ()
        if kind[0] == "function" and ctx.target is Target.KERAS3:
            edits = _added_keyword(ctx, load.call, f"custom_objects={{'{kind[1]}': {kind[1]}}}")
        call = load.call
        return self.finding(
            ctx, call, span=ctx.span(call)[:2] + ctx.span(call.func)[2:], edits=edits, call=f"{load.spelled}()",
            function=shown, layer_at=f"line {layer.lineno}", path=shown_model_path(load.path), error=error,
            remedy=remedy,
        )  # fmt: skip

    def module_facts(self, ctx: Context) -> Optional[object]:
        """The module's saves with the function of the first `Lambda` layer the saved model holds (if
        shown), and its loads that are not in unsafe mode: for a load in one module of a file another saves."""
        text = module_text(ctx)
        suffixes = LAMBDA_SAFE_MODE_SUFFIXES[ctx.target]
        if not quoted_suffix(text, suffixes):
            return None
        from kerascheck.rules.model_files import SavedFile, loaded_file, model_files, model_loads, project_facts

        saved = []
        if "Lambda" in text and _saves(text):  # what a save holds needs the module's models: read only then
            files = model_files(ctx)
            for save in files.saves:
                if save.path.lower().endswith(suffixes):
                    layers = files.function_layers(save)
                    kinds = [(_function_kind(ctx, layer), layer.lineno) for layer in layers]
                    problem = next(((kind, line) for kind, line in kinds if kind is not None), None)
                    if problem is None:
                        saved.append(SavedFile(save.path, None))
                    else:
                        (kind, name), line = problem
                        saved.append(SavedFile(save.path, kind, name, line))
        loads = "load_model(" in text and not any(way in text for way in KNOWN_OBJECT_CALLS)
        loaded = [
            loaded_file(ctx, load)
            for load in (model_loads(ctx) if loads else [])
            if load.path.lower().endswith(suffixes) and "safe_mode" not in load.keywords
        ]
        return project_facts(saved, loaded)

    def check_project(self, project: Project) -> Iterator[Tuple[str, Finding]]:
        from kerascheck.rules.model_files import linked_saves, shown_model_path

        target = project.settings.target
        for path, load, saver, save in linked_saves(project, self.code):
            refusal = _refusal(target, (str(save.problem), save.detail), load.keywords)
            if refusal is None:
                continue
            function, error, remedy = refusal
            if save.problem == "function" and target is Target.KERAS3:
                remedy += f", imported from {saver}"
            yield path, self.finding_at(
                target, *load.span, call=f"{load.spelled}()", function=function, layer_at=f"{saver}, line {save.line}",
                path=shown_model_path(load.path), error=error, remedy=remedy,
            )  # fmt: skip


def _refusal(target: Target, kind: Tuple[str, str], keywords) -> Optional[Tuple[str, str, str]]:
    """(the function as the message shows it, what Keras raises, what to do) for a load of a model whose
    Lambda layer holds ``kind`` (see :func:`_function_kind`); None where the load passes the function."""
    if kind[0] == "lambda":
        error = LAMBDA_KERAS3_ERROR if target is Target.KERAS3 else LAMBDA_TF_KERAS_ERROR
        return (
            "a Python `lambda`",
            error,
            ("Pass `safe_mode=False` if you trust the file, or write the computation as a Layer subclass"),
        )
    name = kind[1]
    if target is Target.TF_KERAS:
        return f"`{name}`", LAMBDA_TF_KERAS_ERROR, "Pass `safe_mode=False` if you trust the file, or save to `.h5`"
    if "custom_objects" in keywords:
        return None
    return f"`{name}`", LAMBDA_FUNCTION_ERROR.format(function=name), f"Pass `custom_objects={{'{name}': {name}}}`"


def _function_kind(ctx: Context, layer: ast.Call) -> Optional[Tuple[str, str]]:
    """("lambda", "") or ("function", its name) for a Lambda layer of a Python ``lambda`` or of a function
    the module defines; None for another (a library's function: whether Keras finds it is not seen here)
    and for a layer that is no Lambda (one with a function as activation: KER236's)."""
    from kerascheck.rules.model_files import LAMBDA, own_function

    target = callee(ctx, layer)
    if target is None or target.owner != LAMBDA:
        return None
    function = argument(layer, 0, "function")
    if isinstance(function, ast.Lambda):
        return "lambda", ""
    if isinstance(function, ast.Name) and own_function(ctx, function):
        return "function", function.id
    return None


def _added_keyword(ctx: Context, call: ast.Call, text: str) -> Tuple[Edit, ...]:
    """An edit adding ``text`` as the call's last argument; none for a call with ``*``/``**`` arguments."""
    if any(isinstance(arg, ast.Starred) for arg in call.args) or any(k.arg is None for k in call.keywords):
        return ()
    ends = [ctx.span(node)[2:] for node in [*call.args, *call.keywords]]
    if not ends:
        return ()
    line, col = max(ends)
    return (Edit(line, col, line, col, f", {text}"),)


def keras2_call(ctx: Context, node: ast.Call) -> bool:
    """Whether a call is tf_keras's on the keras3 target (Keras 2 saving and loading: SavedModel folders, any
    name): ``tf_keras.models.load_model(…)``, or a method of an object a tf_keras call made (``model.save(…)``
    where ``model = tf_keras.Sequential(…)``)."""
    if ctx.target is not Target.KERAS3 or not ctx.in_tf_keras_world:  # tf_keras is never named then
        return False
    if ctx.keras2_on_keras3(node.func):
        return True
    if not isinstance(node.func, ast.Attribute):
        return False
    made = value_of(ctx, node.func.value)
    return isinstance(made, ast.Call) and ctx.keras2_on_keras3(made.func)


# keras 2.15.0 layers/core/lambda_layer.py `_parse_function_from_config` and keras 3.15.1 layers/core/lambda_layer.py
# `_raise_for_lambda_deserialization`: a Python `lambda` in a config is refused in safe mode, and `model_from_json`
# takes no `safe_mode=` on either (held-out probe 16 q06, run on TF 2.15.1 and Keras 3.15.1)
_LAMBDA_FROM_JSON_ERROR = "ValueError: Requested the deserialization of a Lambda layer … a Python lambda"
_UNSAFE_SWITCHES = ("enable_unsafe_deserialization", "safe_mode")
_UNSAFE_CALL = {
    Target.KERAS3: "keras.config.enable_unsafe_deserialization()",
    Target.TF_KERAS: "tf.keras.__internal__.enable_unsafe_deserialization()",
}


class LambdaLayerFromJson(Rule):
    """## What it does
    Finds `model_from_json(…)` in a module that writes a model's architecture with `.to_json()` and builds a
    `Lambda` layer of a Python `lambda` (`Lambda(lambda t: t * 2.0)`): the Keras 2 way to save and rebuild a model.
    A module that turns safe mode off (`enable_unsafe_deserialization`, `safe_mode`) is left alone.

    ## Why is this bad?
    The JSON holds the `lambda` as code, and Keras refuses to run code from a config in safe mode, the default:
    `ValueError: Requested the deserialization of a Lambda layer with a Python lambda inside it` (run on TF 2.15.1
    and Keras 3.15.1). `model_from_json` takes no `safe_mode=` argument on either.

    ## Example
    ```python
    x = Lambda(lambda t: t / 255.0)(inputs)
    ...
    restored = model_from_json(model.to_json())
    ```

    ## Use instead
    ```python
    restored = build_model()  # the code that made the model
    restored.set_weights(model.get_weights())
    ```

    ## Fix safety
    None: rebuilding the model in code, a Layer subclass, or trusting the JSON is the author's choice.
    """

    code = "KER244"
    name = "lambda-layer-from-json"
    message = (
        "`{call}` rebuilds a model from JSON, and the module's models hold a `Lambda` layer of a Python `lambda` "
        "(line {layer_at}): on target {target} Keras refuses it in safe mode: `{error}`"
    )
    fix_title = "Rebuild the model in code and load its weights, or call `{unsafe}` for a JSON you trust"
    severity = Severity.ERROR
    owners = frozenset({"models.model_from_json"})
    valid = (
        Valid("import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n"
              "restored = keras.models.model_from_json(model.to_json())\n"),
        Valid("import keras\nkeras.config.enable_unsafe_deserialization()\n"
              "model = keras.Sequential([keras.Input((3,)), keras.layers.Lambda(lambda t: t * 2)])\n"
              "restored = keras.models.model_from_json(model.to_json())\n", target=Target.KERAS3),
        Valid("import keras\nclass Tests:\n    def test_lambda(self):\n"  # another test's model holds the Lambda
              "        return keras.Sequential([keras.Input((3,)), keras.layers.Lambda(lambda t: t * 2)])\n"
              "    def test_json(self):\n        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n"
              "        return keras.models.model_from_json(model.to_json())\n", target=Target.KERAS3),
        Valid("from tensorflow import keras\ninputs = keras.Input((3,))\n"  # another model holds the Lambda (held-out)
              "model = keras.Model(inputs, keras.layers.Dense(2)(keras.layers.Dense(4)(inputs)))\n"
              "other = keras.Model(inputs, keras.layers.Lambda(lambda t: t * 2.0)(inputs))\n"
              "clone = keras.models.model_from_json(model.to_json())\n"),
        Valid("from tensorflow import keras\ninputs = keras.Input((3,))\nh = keras.layers.Dense(4)(inputs)\n"
              "h = keras.layers.Dense(2)(h)\nmodel = keras.Model(inputs, h)\n"  # a name bound twice: both followed
              "other = keras.Model(inputs, keras.layers.Lambda(lambda t: t * 2.0)(inputs))\n"
              "clone = keras.models.model_from_json(model.to_json())\n"),
    )  # fmt: skip
    invalid = (
        Invalid(
            "from tensorflow import keras\n"
            "model = keras.Sequential([keras.Input((3,)), keras.layers.Lambda(lambda t: t * 2.0)])\n"
            "restored = keras.models.model_from_json(model.to_json())\n",
            at=((3, 11),),
        ),
        Invalid(
            "import keras\nfrom keras.layers import Dense, Input, Lambda\nfrom keras.models import Model, "
            "model_from_json\ninp = Input((6,))\nout = Dense(2)(Lambda(lambda t: t + 1.0)(inp))\n"
            "spec = Model(inp, out).to_json()\nrestored = model_from_json(spec)\n",
            at=((7, 11),),
            target=Target.KERAS3,
        ),
        Invalid(  # the model comes from a function the script calls
            "import keras\ndef build():\n"
            "    return keras.Sequential([keras.Input((3,)), keras.layers.Lambda(lambda t: t * 2.0)])\n"
            "model = build()\nrestored = keras.models.model_from_json(model.to_json())\n",
            at=((5, 11),),
            target=Target.KERAS3,
        ),
    )

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        text = module_text(ctx)
        if target is None or target.owner != "models.model_from_json" or ".to_json(" not in text:
            return
        if any(switch in text for switch in _UNSAFE_SWITCHES):
            return
        layer = _lambda_layer_reached(ctx, node)
        if layer is None:
            return
        yield self.finding(
            ctx, node, span=ctx.span(node)[:2] + ctx.span(node.func)[2:], call=f"{ctx.source_of(node.func)}(…)",
            layer_at=layer.lineno, error=_LAMBDA_FROM_JSON_ERROR, unsafe=_UNSAFE_CALL[ctx.target],
        )  # fmt: skip


def _lambda_layer_reached(ctx: Context, loads: ast.Call) -> Optional[ast.Call]:
    """The first ``Lambda`` layer of a Python ``lambda`` made by code that the JSON's writing or reading runs: the
    functions holding ``model_from_json`` and the ``.to_json()`` calls, and the module's functions and the class's
    methods they call, in turn. A test module's other tests, each with its own model, are not reached (corpus
    triage 16: a ``Lambda`` of one test method was tied to another's JSON, tf_keras's cudnn and sequential tests)."""
    layers = [call for call in ctx.index.calls if _python_lambda_layer(ctx, call)]
    if not layers:
        return None
    values = module_values(ctx)
    given = argument(loads, 0, "json_string")
    written = value_of(ctx, given) if given is not None else None
    writes: List[ast.AST]
    if written is not None and _is_to_json(written):  # ``model_from_json(model.to_json())``, or a name bound once
        assert isinstance(written, ast.Call) and isinstance(written.func, ast.Attribute)
        held = _lambda_layer_held(ctx, written.func.value, set(map(id, layers)))
        if held is False:
            return None  # the model written holds none of them
        if isinstance(held, ast.Call):
            return held
        writes = [written]
    else:  # read from a file, say: any of the module's JSON may be the one
        writes = [node for node in ctx.nodes if _is_to_json(node)]
    reached = _functions_run_from(ctx, [values.scope_of(loads)] + [values.scope_of(call) for call in writes])
    for layer in layers:
        scope, crossed = values.scope_of(layer), False  # crossed: the layer is in a function not reached
        while True:
            if id(scope) in reached and (scope is not values.module or not crossed):
                return layer
            if scope is values.module:
                break
            crossed = crossed or isinstance(scope, _FUNCTIONS)
            scope = values.scope_of(scope)
    return None


_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_MAX_FLOW = 200  # expressions followed back from a model's outputs


def _lambda_layer_held(ctx: Context, model: ast.expr, layers: Set[int]) -> Union[ast.Call, bool]:
    """Whether the model whose JSON is written holds one of the ``layers`` (ids of ``Lambda`` calls): the ``Lambda``
    call when it does; False when it certainly holds none (held-out probe, session 21: another model of the module
    held the ``Lambda``); True when it cannot be told. Known: a name bound once to ``Sequential([…])`` (its list, and
    ``name.add(…)``) or to ``Model(inputs, outputs)``, followed back through names bound once."""
    made = value_of(ctx, model)
    if not isinstance(model, ast.Name) or not isinstance(made, ast.Call):
        return True
    owner = getattr(callee(ctx, made), "owner", None)
    roots: List[ast.AST]
    if owner == "models.Sequential":
        roots = [made]
        roots += [
            node for node in ctx.index.calls
            if isinstance(node.func, ast.Attribute) and node.func.attr == "add"
            and isinstance(node.func.value, ast.Name) and node.func.value.id == model.id
        ]  # fmt: skip
    elif owner == "models.Model" and (made.args or made.keywords):
        roots = [made]
    else:
        return True
    changed = _changed_names(ctx)
    if model.id in changed or _passed_to_calls(ctx, model.id):
        return True  # a function given the model may add to it (`add_head(model)`)
    seen: Set[int] = set()
    while roots:
        node = roots.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if len(seen) > _MAX_FLOW:
            return True
        for inner in ast.walk(node):
            if isinstance(inner, ast.Call) and id(inner) in layers:
                return inner
            if isinstance(inner, ast.Name) and isinstance(inner.ctx, ast.Load) and inner is not node:
                if _plain_input(ctx, inner):
                    continue
                if inner.id in changed:  # `outs.append(Lambda(…)(x))`: what it holds is not only what binds it
                    return True
                bound = _every_value(ctx, inner)  # a name bound more than once: what any of its bindings holds
                if bound is None:  # a parameter, a loop variable, what an import binds
                    return True
                roots += bound
    return False


_MUTATORS = frozenset({"append", "extend", "insert", "add", "update", "__setitem__", "setdefault"})


def _changed_names(ctx: Context) -> Set[str]:
    """Names the module changes in place: ``name.append(…)`` and the like, ``name += …``, ``name[i] = …``."""
    key = ("KER244", "changed")
    if key not in ctx.memo:
        changed: Set[str] = set()
        for node in ctx.nodes:
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _MUTATORS:
                target = node.func.value
            elif isinstance(node, ast.AugAssign):
                target = node.target
            elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store):
                target = node.value
            else:
                continue
            if isinstance(target, ast.Name):
                changed.add(target.id)
        ctx.memo[key] = changed
    return ctx.memo[key]


def _passed_to_calls(ctx: Context, name: str) -> bool:
    """Whether the name is given to a call as an argument (where it may be changed)."""
    return any(
        isinstance(node, ast.Call)
        and any(
            isinstance(value, ast.Name) and value.id == name
            for value in [*node.args, *(keyword.value for keyword in node.keywords)]
        )
        for node in ctx.nodes
    )


def _every_value(ctx: Context, name: ast.Name) -> Optional[List[ast.expr]]:
    """The values of every binding of the name in its scope (``h = Dense(32)(h)`` then ``h = l2_normalize(h)``), or
    None when one binds no plain value."""
    values = module_values(ctx)
    bindings = values.bindings.get((id(values.scope_of(name)), name.id))
    if not bindings or any(not isinstance(binding.value, ast.expr) for binding in bindings):
        return None
    return [binding.value for binding in bindings if isinstance(binding.value, ast.expr)]


def _plain_input(ctx: Context, name: ast.Name) -> bool:
    """A name that cannot carry a layer into the model: one the module never binds to a call (``keras``, ``layers``,
    an imported function), as far as the bindings tell."""
    binding = module_values(ctx).binding(name)
    return binding is not None and not isinstance(binding.value, ast.expr) and binding.dotted is not None


def _is_to_json(node: Optional[ast.AST]) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "to_json"


def _functions_run_from(ctx: Context, roots: List[ast.AST]) -> Set[int]:
    """ids of ``roots`` (functions, or the module: its statements outside functions and classes) and of the
    module's functions and the class's methods (``self.build()``) they call by name, in turn."""
    values = module_values(ctx)
    functions = {node.name: node for node in ctx.tree.body if isinstance(node, _FUNCTIONS)}
    reached: Set[int] = set()
    pending = list(roots)
    while pending:
        scope = pending.pop()
        if id(scope) in reached:
            continue
        reached.add(id(scope))
        if scope is values.module:
            parts: List[ast.AST] = [node for node in ctx.tree.body if not isinstance(node, (*_FUNCTIONS, ast.ClassDef))]
        elif isinstance(scope, _FUNCTIONS):
            parts = [scope]
        else:
            continue
        klass = values.enclosing_class(scope) if scope is not values.module else None
        methods = {node.name: node for node in klass.body if isinstance(node, _FUNCTIONS)} if klass else {}
        for part in parts:
            for node in ast.walk(part):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                if isinstance(func, ast.Name) and func.id in functions:
                    pending.append(functions[func.id])
                elif (
                    isinstance(func, ast.Attribute)
                    and isinstance(func.value, ast.Name)
                    and func.value.id == "self"
                    and func.attr in methods
                ):
                    pending.append(methods[func.attr])
    return reached


def _python_lambda_layer(ctx: Context, call: ast.Call) -> bool:
    """A Keras `Lambda(...)` layer made of a Python `lambda`."""
    made = callee(ctx, call)
    function = argument(call, 0, "function")
    return made is not None and made.owner == "layers.Lambda" and isinstance(function, ast.Lambda)
