"""KER2xx: arguments — Keras 1 keyword renames and values, removed keywords, keywords whose meaning
changed, Keras 1 positional forms, and optimizer keywords whose fate depends on the target."""

from __future__ import annotations

import ast
from typing import ClassVar, Dict, Iterator, List, Optional, Tuple, Type, TypeVar, Union

from kerascheck import catalog
from kerascheck.binding import binding_problem
from kerascheck.catalog import api
from kerascheck.catalog import arguments as catalog_arguments
from kerascheck.catalog.methods import (
    ADD_WEIGHT_KERAS3_KEYWORDS,
    ADD_WEIGHT_KERAS3_ORDER,
    ADD_WEIGHT_TF_KERAS_ORDER,
)
from kerascheck.catalog.model import (
    ONLY_KERAS3,
    ChangedMeaningKeyword,
    KeywordRename,
    PositionalForm,
    RemovedKeyword,
    Target,
)
from kerascheck.catalog.training import (
    ACTIVATION_KEYWORDS,
    BUILTIN_FORMULAS,
    CUSTOM_OBJECT_REGISTRIES,
    HARD_SIGMOID,
    KERAS3_ACTIVATION_NAMES,
)
from kerascheck.context import Context
from kerascheck.findings import Edit, Finding, Fix
from kerascheck.names import TF_KERAS_PACKAGE
from kerascheck.rules.base import FixSafety, Invalid, Rule, Severity, Valid, module_text, shown_source
from kerascheck.rules.call_edits import drop_arguments
from kerascheck.rules.calls import Callee, argument, callee, keras_partials, model_receiver, own_method_called
from kerascheck.rules.decay_fix import decay_fix, legacy_refusal, schedules_import_edit
from kerascheck.rules.keras1_forms import removed_keyword_edits
from kerascheck.rules.values import value_of
from kerascheck.rules.versions import written_for_keras3

_Fact = TypeVar("_Fact")


def _keyword_facts(ctx: Context, node: ast.Call, kind: Type[_Fact]) -> Iterator[Tuple[Callee, ast.keyword, _Fact]]:
    target = callee(ctx, node)
    if (
        target is None
        or target.owner not in catalog.KEYWORD_OWNERS
        or not catalog.owner_exists(target.owner, ctx.target)
    ):
        return
    for keyword in node.keywords:
        if keyword.arg is None:  # ``**kwargs``
            continue
        fact = catalog.KEYWORDS_BY_OWNER.get((target.owner, keyword.arg))
        if isinstance(fact, kind) and not _still_accepted(ctx, node, fact):
            yield target, keyword, fact


def _still_accepted(ctx: Context, node: ast.Call, fact: object) -> bool:
    """Whether the target still takes a Keras 1 keyword as Keras 1 did (RNN layers' ``input_dim`` on tf.keras)."""
    if not isinstance(fact, RemovedKeyword) or ctx.target not in fact.accepted_on:
        return False
    return fact.accepted_with is None or any(keyword.arg == fact.accepted_with for keyword in node.keywords)


def _target_effect(ctx: Context, target: Callee, keyword: ast.keyword) -> str:
    """What the target's real signature (``catalog/api``) does with an old keyword: "; on target keras3 it raises
    `ValueError`", or "" where it is not known (a callable or method the tables lack: another rule says so)."""
    from kerascheck import binding  # here: kerascheck starts without the API tables
    from kerascheck.catalog import api

    owner = target.owner
    signature = (
        api.method_signature(ctx.target, "Model", owner[1:]) if owner.startswith(".")
        else api.callable_signature(ctx.target, owner)
    )  # fmt: skip
    problem = None if signature is None or keyword.arg is None else binding.keyword_problem(
        signature, keyword.arg, keyword, nearest=False
    )  # fmt: skip
    if problem is None:
        return ""
    if problem.kind in (binding.UNKNOWN, binding.REFUSED):
        return f"; on target {ctx.target_shown or ctx.target} it raises `{problem.effect}`"
    return f"; on target {ctx.target_shown or ctx.target} Keras {problem.effect}"


def _keyword_name_span(ctx: Context, keyword: ast.keyword) -> Tuple[int, int, int, int]:
    line = keyword.lineno
    col = ctx.column(line, keyword.col_offset)
    return line, col, line, col + len(keyword.arg or "")  # (``**kwargs`` has no name)


def _literal(value: object) -> str:
    return repr(value)


def _converted_value(ctx: Context, keyword: ast.keyword, fact: KeywordRename) -> Optional[Tuple[object, object]]:
    if not isinstance(keyword.value, ast.Constant):
        return None
    for old, new in fact.values:
        if keyword.value.value == old and type(keyword.value.value) is type(old):
            return old, new
    return None


def _requote(ctx: Context, node: ast.Constant, value: object) -> str:
    """A new literal, in the quote style of the one it replaces."""
    written = ctx.source_of(node)
    if isinstance(value, str) and written[:1] in "\"'":
        return written[0] + value + written[0]
    return _literal(value)


class Keras1Keyword(Rule):
    """## What it does
    Finds keyword arguments that Keras 2 renamed (`border_mode`, `nb_filter`, `subsample`, `init`,
    `W_regularizer`, `output_dim`, `p`, `nb_epoch`, `dim_ordering`, …), with the values Keras 2 converted
    along the way (`dim_ordering='th'` is `data_format='channels_first'`).

    ## Why is this bad?
    Keras 2.0–2.3 translated the layer keywords at run time with a warning. tf.keras raises
    `TypeError: Keyword argument not understood` and Keras 3 `ValueError: Unrecognized keyword arguments`.
    A few outside the layers are still swallowed with a warning, or silently ignored by Keras 3
    (`imdb.load_data(nb_words=…)` then loads the whole vocabulary). A keyword the target still honours
    (`ReduceLROnPlateau(epsilon=…)` on tf.keras) is reported as a warning.

    ## Example
    ```python
    Conv2D(64, (3, 3), border_mode="same", dim_ordering="th")
    ```

    ## Use instead
    ```python
    Conv2D(64, (3, 3), padding="same", data_format="channels_first")
    ```

    ## Fix safety
    Safe: Keras 2 made exactly this conversion. For a method (`model.fit(nb_epoch=…)`) only when the
    receiver is certainly a Keras model (`model = Sequential()`); unsafe when nothing says what it is.
    A module that defines its own method of that name gets no finding on its calls: the call may be
    that method.
    """

    code = "KER201"
    name = "keras1-keyword"
    catalog_tables = ("KEYWORD_RENAMES", "SIGNATURE_KEYWORD_RENAMES")
    message = "`{old}=` is the Keras 1 name of `{new}=` in `{owner}`{value_note}{effect_note}"
    fix_title = "Use `{new}={new_value}`"
    severity = Severity.ERROR
    fix_safety = FixSafety.SOMETIMES
    valid = (
        Valid("from tensorflow.keras.layers import Conv2D\nConv2D(8, 3, padding='same')\n"),
        Valid("from theano.tensor.nnet import conv2d\nconv2d(x, w, border_mode='valid')\n"),
        Valid("from mylib import Conv2D\nConv2D(8, 3, border_mode='same')\n"),
        Valid("model.fit(x, y, nb_epoch=3)\n"),
    )
    invalid = (
        Invalid(
            "from keras.layers import Conv2D\nConv2D(8, (3, 3), border_mode='same', dim_ordering=\"th\")\n",
            at=((2, 18), (2, 38)),
            fixed=(
                "from keras.layers import Conv2D\nConv2D(8, (3, 3), padding='same', data_format=\"channels_first\")\n"
            ),
        ),
        Invalid(
            "import keras\nmodel.fit(x, y, nb_epoch=3)\n",
            at=((2, 16),),
            fixed="import keras\nmodel.fit(x, y, epochs=3)\n",
        ),
    )

    owners = catalog.KEYWORD_OWNERS

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        for target, keyword, fact in _keyword_facts(ctx, node, KeywordRename):
            finding = self._finding(ctx, node, target, keyword, fact)
            clash = _binds_twice(node, target.owner, fact.new)
            if clash and clash.endswith("by position already"):
                form = _positional_form(ctx, node, target)
                if form is not None and form[1] is not None:  # the Keras 1 sizes there are KER203's to merge
                    clash = (
                        f"the Keras 1 positional sizes pass `{fact.new}` by position until KER203's fix merges them "
                        "into one tuple; `--fix` then renames this too"
                    )
            if target.reference is None:  # a method: of a Keras model?
                if own_method_called(ctx, node):
                    continue  # the module's own method of that name may be the one called: never guessed
                model = model_receiver(ctx, node)
                if model is False and isinstance(node.func, ast.Attribute):  # (only a method's receiver is known)
                    clash = clash or f"`{node.func.attr}` is called on `self`, which may not be a Keras model"
                if finding.fix:
                    finding = finding._replace(fix=finding.fix._replace(safe=bool(model)))
            yield finding.unfixed(clash) if clash and finding.fix else finding

    def _finding(
        self, ctx: Context, node: ast.Call, target: Callee, keyword: ast.keyword, fact: KeywordRename
    ) -> Finding:
        edits = [Edit(*_keyword_name_span(ctx, keyword), fact.new)]
        converted = _converted_value(ctx, keyword, fact)
        value = keyword.value
        if converted is not None and isinstance(value, ast.Constant):  # (only a literal is converted)
            edits.append(Edit(*ctx.span(value), _requote(ctx, value, converted[1])))
            value_note = f"; `{converted[0]!r}` became `{converted[1]!r}`"
            new_value = _requote(ctx, value, converted[1])
        else:
            value_note = ""
            new_value = "…" if not isinstance(keyword.value, ast.Constant) else ctx.source_of(keyword.value)
        effect = catalog.OLD_KEYWORD_EFFECTS.get((ctx.target, target.owner, fact.old))
        return self.finding(
            ctx,
            keyword,
            span=_keyword_name_span(ctx, keyword),
            edits=tuple(edits),
            old=fact.old,
            new=fact.new,
            owner=target.display,
            value_note=value_note,
            effect_note=_target_effect(ctx, target, keyword)
            if effect is None
            else f"; on target {ctx.target} it {effect.effect}",
            new_value=new_value,
            severity=Severity.WARNING if effect is not None and effect.honoured else None,
        )


def _binds_twice(node: ast.Call, owner: str, new: str) -> Optional[str]:
    """Why renaming a keyword to ``new`` would bind ``new`` twice in this call, or None."""
    if any(keyword.arg == new for keyword in node.keywords):
        return f"the call passes `{new}=` already"
    leading = catalog_arguments.LEADING_PARAMETERS.get(owner, ())
    positionals = len(node.args) + (99 if any(isinstance(arg, ast.Starred) for arg in node.args) else 0)
    if new in leading and leading.index(new) < positionals:
        return f"the call passes `{new}` by position already"
    return None


class _GuidedKeywordRule(Rule):
    """Report each keyword that a ``fact_kind`` fact speaks of, with the fact's guideline as fix title."""

    fact_kind: ClassVar[Type[Union[RemovedKeyword, ChangedMeaningKeyword]]]

    owners = catalog.KEYWORD_OWNERS

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        for target, keyword, fact in _keyword_facts(ctx, node, self.fact_kind):
            yield self.finding(
                ctx,
                keyword,
                span=_keyword_name_span(ctx, keyword),
                old=keyword.arg,
                new=getattr(fact, "new", None),
                owner=target.display,
                guideline=fact.guideline,
                effect_note=_target_effect(ctx, target, keyword),
            )


class Keras1KeywordRemoved(_GuidedKeywordRule):
    """## What it does
    Finds Keras 1 keyword arguments that have no Keras 2 equivalent, such as `Embedding(dropout=…)`,
    `BatchNormalization(mode=…)` or `Conv2D(nb_row=…, nb_col=…)`.

    ## Why is this bad?
    Keras 2.0–2.3 dropped or merged them with a warning; tf.keras and Keras 3 reject them.

    ## Example
    ```python
    Embedding(1000, 64, dropout=0.2)
    ```

    ## Use instead
    ```python
    Embedding(1000, 64)
    SpatialDropout1D(0.2)
    ```

    ## Fix safety
    Safe where Keras 2 made the conversion itself: `nb_row=`/`nb_col=` (and Conv3D's `kernel_dim1..3=`)
    become one `kernel_size=(…)`, `BatchNormalization(mode=0)` loses the keyword (Keras 2 dropped it with
    no effect). Unsafe: `Conv2DTranspose(output_shape=…)` loses it as in Keras 2, but the layer then
    computes its own output shape, which may not be the one asked for (`output_padding` picks).
    Otherwise none: what replaces the keyword depends on the model (`Embedding(dropout=…)` needs a
    `SpatialDropout1D` layer after it).
    """

    code = "KER202"
    name = "removed-keras1-keyword"
    catalog_tables = ("REMOVED_KEYWORDS", "SIGNATURE_REMOVED_KEYWORDS", "MERGED_KEYWORDS", "DROPPED_KEYWORDS")
    message = "`{old}=` of `{owner}` was removed in Keras 2{effect_note}"
    fix_title = "{guideline}"
    severity = Severity.ERROR
    fix_safety = FixSafety.SOMETIMES
    valid = (Valid("from tensorflow.keras.layers import Embedding\nEmbedding(10, 4)\n"),)
    invalid = (
        Invalid("from keras.layers import Embedding\nEmbedding(10, 4, dropout=0.2)\n", at=((2, 17),)),
        Invalid(
            "from keras.layers import BatchNormalization as BN, ConvLSTM2D\n"
            "BN(axis=1, mode=0)\nBN(mode=2)\nConvLSTM2D(40, nb_row=3, nb_col=5, padding='same')\n",
            at=((2, 11), (3, 3), (4, 15), (4, 25)),
            fixed=(
                "from keras.layers import BatchNormalization as BN, ConvLSTM2D\n"
                "BN(axis=1)\nBN(mode=2)\nConvLSTM2D(40, kernel_size=(3, 5), padding='same')\n"
            ),
        ),
    )

    fact_kind = RemovedKeyword

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        for target, keyword, fact in _keyword_facts(ctx, node, RemovedKeyword):
            edits, safe = removed_keyword_edits(ctx, node, target.owner, keyword)
            yield self.finding(
                ctx,
                keyword,
                span=_keyword_name_span(ctx, keyword),
                edits=edits,
                safe=safe,
                old=keyword.arg,
                owner=target.display,
                guideline=fact.guideline,
                effect_note=_target_effect(ctx, target, keyword),
            )


class RedefinedKeyword(_GuidedKeywordRule):
    """## What it does
    Finds Keras 1 keywords that Keras 2 renamed *and* redefined: `samples_per_epoch` (samples) became
    `steps_per_epoch` (batches), `nb_val_samples` became `validation_steps`, `val_samples` became `steps`;
    the backend's `conv2d(dim_ordering='th')` also transposed the kernel, which `data_format` never does.

    ## Why is this bad?
    tf.keras and Keras 3 reject the old keyword. Renaming it is not enough: passing the same number
    as a count of batches makes every epoch `batch_size` times longer.

    ## Example
    ```python
    model.fit_generator(gen, samples_per_epoch=6400, nb_epoch=10)
    ```

    ## Use instead
    ```python
    model.fit(gen, steps_per_epoch=6400 // batch_size, epochs=10)
    ```

    ## Fix safety
    None: the batch size is not known statically.
    """

    code = "KER204"
    name = "keras1-redefined-keyword"
    catalog_tables = ("CHANGED_MEANING_KEYWORDS", "SIGNATURE_CHANGED_MEANING_KEYWORDS")
    message = "`{old}=` of `{owner}` is the Keras 1 form of `{new}=`{effect_note}"
    fix_title = "{guideline}"
    severity = Severity.ERROR
    valid = (Valid("import keras\nmodel.fit(gen, steps_per_epoch=100)\n"),)
    invalid = (
        Invalid("import keras\nmodel.fit_generator(gen, samples_per_epoch=6400)\n", at=((2, 25),)),
        Invalid("from keras import backend as K\nK.conv2d(x, w, dim_ordering='th')\n", at=((2, 15),)),
    )

    fact_kind = ChangedMeaningKeyword


_KERAS2_GUARD_KEYWORDS = frozenset({"padding", "strides", "data_format"})
# keras 2.2.4 keras/legacy/interfaces.py deconv2d_args_preprocessor drops Keras 1's positional output_shape
_DROPPED_FOURTH_POSITIONAL = frozenset({"layers.Conv2DTranspose"})
# Keras 1's `subsample=` beside `Convolution2D(n, 1, 1)`: the positional 1s are a kernel, the strides a keyword
_KERAS1_STRIDES = "subsample"


def _is_int(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int


def _positional_form(ctx: Context, node: ast.Call, target: Callee) -> Optional[Tuple[PositionalForm, Optional[str]]]:
    """The Keras 1 positional form a call is written in, and how safe merging it is: "safe", "unsafe"
    or None (no fix).

    Keras 2.0–2.3 converted two *integer* positionals after ``filters`` into a kernel size
    (``conv2d_args_preprocessor`` tests ``isinstance(arg, int)``), and refused the form when
    ``padding``, ``strides`` or ``data_format`` was passed too; tf.keras and Keras 3 bind the third
    position to ``strides``. Only a Keras 1 class name (``Convolution2D``) is Keras 1 code: ``Conv2D``
    never existed in Keras 1, so ``Conv2D(32, 3, 2)`` is a correct call with strides 2, through
    standalone ``keras`` too. Of the Keras 2 names only the unmistakable ``Conv2D(64, 3, 3)`` (equal
    sizes, not 1, no ``padding``/``strides``/``data_format``) is reported, with an unsafe fix."""
    if any(isinstance(arg, ast.Starred) for arg in node.args):
        return None
    keras2_keywords = any(keyword.arg in _KERAS2_GUARD_KEYWORDS for keyword in node.keywords)
    for form in catalog.POSITIONAL_BY_OWNER.get(target.owner, ()):
        start, stop = form.merge
        if len(node.args) < len(form.keras1):
            continue
        merged = node.args[start:stop]
        if any(isinstance(arg, (ast.Tuple, ast.List, ast.Dict, ast.Set)) for arg in merged):
            return None
        strides_given = any(keyword.arg == _KERAS1_STRIDES for keyword in node.keywords)
        if all(isinstance(arg, ast.Constant) and arg.value == 1 for arg in merged) and not strides_given:
            return None  # kernel 1 with stride 1 is kernel (1, 1): the same layer either way
        imported = target.reference.path[-1] if target.reference and target.reference.path else target.spelled
        if imported != target.owner.rsplit(".", 1)[-1]:  # a Keras 1 class name (`Convolution2D as C` too)
            if any(isinstance(arg, ast.Constant) and not _is_int(arg) for arg in merged) or keras2_keywords:
                return form, None  # Keras 2 refused or never converted these
            if not all(map(_is_int, merged)):
                return form, "unsafe"  # a variable: its value is unseen
            # Keras 2.0-2.3 made this merge; the target reads a stride. A call that runs there as written
            # (no Keras 1 keyword beside) trains with that stride today, so merging changes the model.
            return form, "safe" if binding_problem(ctx.target, target.owner, node) else "unsafe"
        sizes = {ast.dump(arg) for arg in merged}
        if len(sizes) == 1 and _is_int(merged[0]) and not keras2_keywords and not written_for_keras3(ctx):
            return form, "unsafe"  # (code written for Keras 3 means the stride: a patchify stem, Conv2D(c, 4, 4))
        return None
    return None


class Keras1PositionalForm(Rule):
    """## What it does
    Finds layers called with the Keras 1 positional signature, such as
    `Convolution2D(64, 3, 3)` (`nb_filter, nb_row, nb_col`).

    ## Why is this bad?
    Keras 2.0–2.3 turned the two sizes into `kernel_size=(3, 3)`. tf.keras and Keras 3 read the third
    positional argument as `strides`: the layer silently gets a 3×3 kernel with stride 3, and the model
    trains, just on a quarter of the positions. No error, no warning.

    ## Example
    ```python
    Convolution2D(64, 3, 3, activation="relu")
    ```

    ## Use instead
    ```python
    Conv2D(64, (3, 3), activation="relu")
    ```

    ## Fix safety
    Safe when the call is certainly Keras 1 code that cannot run on the target as written: a Keras 1
    class name with integer sizes and a Keras 1 keyword beside them (`border_mode=`, `subsample=`, …),
    which the target refuses. Unsafe when it runs as written (`Convolution2D(64, 3, 3)` alone: the
    target gives it stride 3 today, and merging changes the model), when a size is a variable, and for
    `Conv2D(64, 3, 3)`, which could mean stride 3.
    """

    code = "KER203"
    name = "keras1-positional-arguments"
    catalog_tables = ("POSITIONAL_FORMS",)
    message = "`{call}` passes Keras 1 `{keras1}` positionally; on target {target} they bind `{keras2}`"
    fix_title = "Pass one tuple: `{fixed}`"
    severity = Severity.ERROR
    fix_safety = FixSafety.SOMETIMES
    valid = (
        Valid("from tensorflow.keras.layers import Conv2D\nConv2D(32, 3, 2)\nConv2D(8, (3, 3), (2, 2))\n"),
        Valid("from tensorflow.keras.layers import Conv2D\nConv2D(8, 1, 1)\n"),
        Valid("from keras.layers import Conv2D\nConv2D(64, (3, 3))\n"),
        Valid("from keras.layers import Convolution2D\nConvolution2D(64, 1, 1)\n"),
        Valid(  # code written for Keras 3 means the stride: a patchify stem (triage 18: keras-image-models)
            "import keras\nstem = keras.layers.Conv2D(96, 4, 4)\nx = keras.ops.relu(stem(inputs))\n",
            target=Target.KERAS3,
        ),
    )
    invalid = (
        Invalid(
            "from keras.layers import Convolution2D\nx = Convolution2D(64, 3, 3, activation='relu')(x)\n",
            at=((2, 4),),
            fixed="from keras.layers import Convolution2D\nx = Convolution2D(64, (3, 3), activation='relu')(x)\n",
        ),
        Invalid(
            "import tensorflow as tf\ntf.keras.layers.Conv2D(64, 5, 5)\n",
            at=((2, 0),),
            fixed="import tensorflow as tf\ntf.keras.layers.Conv2D(64, (5, 5))\n",
        ),
    )

    owners = frozenset(catalog.POSITIONAL_BY_OWNER)

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.reference is None:
            return
        found = _positional_form(ctx, node, target)
        if found is None or not _public_on_target(ctx, target.owner):
            return  # (a class the target lacks altogether, AtrousConvolution2D: KER117 and KER111 say so first)
        form, safety = found
        start, stop = form.merge
        merged = node.args[start:stop]
        tuple_text = "(" + ", ".join(ctx.source_of(arg) for arg in merged) + ")"
        edits: Tuple[Edit, ...] = ()
        if safety and len(node.args) == stop:
            edits = _bracketed(ctx, merged)
        elif safety and len(node.args) == stop + 1 and target.owner in _DROPPED_FOURTH_POSITIONAL:
            safety = "unsafe"  # Deconvolution2D's output_shape: Conv2DTranspose computes its own, maybe another
            dropped = drop_arguments(ctx, node, [node.args[stop]])
            edits = _bracketed(ctx, merged) + dropped if dropped else ()
        shown = ", ".join(ctx.source_of(arg) for arg in node.args[:stop])
        yield self.finding(
            ctx,
            node,
            span=ctx.span(node)[:2] + ctx.span(node.func)[2:],
            edits=edits,
            safe=safety == "safe",
            call=f"{target.spelled}({shown})",
            keras1=", ".join(form.keras1[start:stop]),
            keras2=", ".join(form.keras2[start:stop]),
            fixed=f"{target.spelled}({', '.join(ctx.source_of(arg) for arg in node.args[:start])}, {tuple_text})",
        )


def _bracketed(ctx: Context, merged: List[ast.expr]) -> Tuple[Edit, ...]:
    """Brackets around the merged arguments, so that comments between them stay."""
    start, end = ctx.span(merged[0])[:2], ctx.span(merged[-1])[2:]
    return (Edit(*start, *start, "("), Edit(*end, *end, ")"))


class _OptimizerKeywordRule(Rule):
    keyword: str
    owners = catalog.OPTIMIZERS
    unsafe_on: frozenset = frozenset()  # targets on which the call runs as written, so the fix changes it

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner not in catalog.OPTIMIZERS or _legacy_optimizer(ctx, target):
            return
        fact = next(fact for fact in catalog.OPTIMIZER_KEYWORDS if fact.name == self.keyword)
        for keyword in node.keywords:
            if keyword.arg == fact.name:
                span = _keyword_name_span(ctx, keyword)
                edits = (Edit(*span, fact.new),) if fact.new else ()
                as_written, severity = self._as_written(ctx, target, keyword, node)
                yield self.finding(
                    ctx,
                    keyword,
                    span=span,
                    edits=edits,
                    safe=ctx.target not in self.unsafe_on,
                    owner=target.display,
                    effect=dict(fact.effect)[ctx.target] + as_written,
                    guideline=fact.guideline,
                    severity=severity,
                )
            elif keyword.arg is None and _spells_key(ctx, keyword.value, fact.name):
                # ``Adam(**config)`` with ``config = {"lr": 3e-4}``: the same keyword, reported at the call
                # (no fix: the mapping may serve other calls too)
                yield self.finding(
                    ctx, keyword, owner=target.display, effect=dict(fact.effect)[ctx.target], guideline=fact.guideline
                )

    def _as_written(
        self, ctx: Context, target: Callee, keyword: ast.keyword, node: ast.Call
    ) -> Tuple[str, Optional[Severity]]:
        """What the effect leaves out for this call (``Adam(lr=1e-3)`` on tf.keras: the rate it drops is the default
        it trains with), and the finding's severity where it is not the rule's."""
        return "", None

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        """``functools.partial(Adam, lr=3e-4)``: the keyword fails (or is dropped) when the partial is called. And
        ``OPTIMIZERS[name](lr=…)`` with ``OPTIMIZERS = {"adam": Adam, "sgd": SGD}``: whichever is picked."""
        for _, prepared in keras_partials(ctx):
            yield from _OptimizerKeywordRule.check_call(self, ctx, prepared)  # KER206's decay fix is a call's
        text = module_text(ctx)
        if "](" not in text or self.keyword not in text:
            return
        fact = next(fact for fact in catalog.OPTIMIZER_KEYWORDS if fact.name == self.keyword)
        for node in ctx.nodes:
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Subscript)):
                continue
            owners = _optimizer_table(ctx, node.func.value)
            if not owners:
                continue
            shown = f"{shown_source(ctx.source_of(node.func.value))}[…] ({', '.join(owners)})"
            for keyword in node.keywords:
                if keyword.arg == fact.name or (keyword.arg is None and _spells_key(ctx, keyword.value, fact.name)):
                    # no fix: the keyword is right for no optimizer of the table, but the table may serve others
                    yield self.finding(
                        ctx, keyword, owner=shown, effect=dict(fact.effect)[ctx.target], guideline=fact.guideline
                    )


def _optimizer_table(ctx: Context, table: ast.expr) -> Tuple[str, ...]:
    """The short names of the optimizers a dict display maps its keys to (``{"adam": Adam, "sgd": SGD}``, or a name
    bound once to one), when every value is a Keras optimizer class of the target's own (not a legacy one); else ()."""
    display = _dict_display(ctx, table)
    if display is None or not display.values or any(key is None for key in display.keys):
        return ()
    names = []
    for value in display.values:
        canonical = ctx.canonical(value) if isinstance(value, (ast.Name, ast.Attribute)) else None
        reference = ctx.reference(value) if canonical else None
        if canonical not in catalog.OPTIMIZERS or reference is None:
            return ()
        if _legacy_optimizer(ctx, Callee(canonical, canonical, reference, canonical)):
            return ()
        names.append(canonical.rsplit(".", 1)[-1])
    return tuple(dict.fromkeys(names))


def _spells_key(ctx: Context, mapping: ast.expr, key: str) -> bool:
    """Whether ``**mapping`` certainly passes ``key``: a dict display (or a name bound once to one) with it, also
    as an item of one (``**EXPERIMENT["optimizer"]`` with ``EXPERIMENT = {"optimizer": {"lr": 0.01}}``)."""
    value = _dict_display(ctx, mapping)
    return value is not None and any(isinstance(item, ast.Constant) and item.value == key for item in value.keys)


def _dict_display(ctx: Context, node: ast.expr, depth: int = 0) -> Optional[ast.Dict]:
    """The dict display an expression stands for: itself, through a name bound once, or an item of one by a
    constant key; None when it cannot be seen."""
    value = value_of(ctx, node)
    if isinstance(value, ast.Dict):
        return value
    if depth < 4 and isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Constant):
        outer = _dict_display(ctx, value.value, depth + 1)
        if outer is not None:
            found = [item for key, item in zip(outer.keys, outer.values) if isinstance(key, ast.Constant)
                     and key.value == value.slice.value]  # fmt: skip
            if len(found) == 1 and all(key is not None for key in outer.keys):  # no ``**other`` inside
                return _dict_display(ctx, found[0], depth + 1)
    return None


class OptimizerEpsilonNone(Rule):
    """## What it does
    Finds optimizers constructed with `epsilon=None`, the Keras 2.0–2.2 default spelled out.

    ## Why is this bad?
    Keras 2.2.4 turned `epsilon=None` into `K.epsilon()` (`keras/optimizers.py`). tf.keras and Keras 3 keep
    the `None`, and the first `fit` fails: TF 2.15.1 `ValueError: None values not supported`, Keras 3.15.1
    `ValueError: None is not a valid value` (run on both). Their default, `1e-07`, is `K.epsilon()`'s.

    ## Example
    ```python
    optimizer = RMSprop(learning_rate=1e-3, epsilon=None)
    ```

    ## Use instead
    ```python
    optimizer = RMSprop(learning_rate=1e-3)
    ```

    ## Fix safety
    Safe: the keyword is deleted, and the target's default is the `1e-07` Keras 2 used; unsafe in a module
    that calls `set_epsilon` (Keras 2 would have used that value).
    """

    code = "KER209"
    name = "optimizer-epsilon-none"
    message = (
        "`epsilon=None` of `{owner}` fails at the first `fit` on target {target}: Keras keeps the `None` ({error})"
    )
    fix_title = "Remove `epsilon=None`: the default is `1e-07`, what Keras 2 made of it"
    severity = Severity.ERROR
    fix_safety = FixSafety.SOMETIMES
    owners = catalog.OPTIMIZERS
    valid = (Valid("from tensorflow.keras.optimizers import Adam\nAdam(epsilon=1e-8)\nAdam()\n"),)
    invalid = (
        Invalid(
            "from keras.optimizers import RMSprop\nopt = RMSprop(lr=0.001, rho=0.9, epsilon=None, decay=0.0)\n",
            at=((2, 33),),
            target=Target.KERAS3,
            fixed="from keras.optimizers import RMSprop\nopt = RMSprop(lr=0.001, rho=0.9, decay=0.0)\n",
        ),
        Invalid(
            "from tensorflow.keras import optimizers\nopt = optimizers.Adam(epsilon=None)\n",
            at=((2, 22),),
            fixed="from tensorflow.keras import optimizers\nopt = optimizers.Adam()\n",
        ),
    )

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner not in catalog.OPTIMIZERS or _legacy_optimizer(ctx, target):
            return
        from kerascheck.catalog import api  # here: kerascheck starts without the API tables

        signature = api.callable_signature(ctx.target, target.owner)
        if signature is None or "epsilon" not in signature.positional + signature.keyword_only:
            return  # no such parameter (SGD): KER230 says so
        for keyword in node.keywords:
            if keyword.arg == "epsilon" and isinstance(keyword.value, ast.Constant) and keyword.value.value is None:
                edits = drop_arguments(ctx, node, [keyword]) or ()
                yield self.finding(
                    ctx, keyword, span=_keyword_name_span(ctx, keyword), edits=edits,
                    safe="set_epsilon" not in module_text(ctx), owner=target.display,
                    error=catalog.EPSILON_NONE_ERRORS[ctx.target],
                )  # fmt: skip


def _legacy_optimizer(ctx: Context, target: Callee) -> bool:
    """A TF1-API optimizer on tf.keras: the legacy optimizer, which takes `lr` and `decay`. On keras3, a legacy
    one (`tf.keras.optimizers.legacy.Adam` raises ImportError when created there: KER111 says so) and the tf_keras
    package's (Keras 2's, which take them as TF 2.15's do): Keras 3's keyword facts are not theirs (review 8)."""
    reference = target.reference
    if reference is None:
        return False
    if ctx.target is Target.TF_KERAS:
        return reference.dotted.startswith(catalog.LEGACY_OPTIMIZER_MODULES_ON_TF_KERAS)
    return reference.implementation == TF_KERAS_PACKAGE or "legacy" in reference.path[:-1]


class OptimizerLr(_OptimizerKeywordRule):
    """## What it does
    Finds optimizers constructed with `lr=`, or prepared with it (`functools.partial(Adam, lr=3e-4)`).

    ## Why is this bad?
    On TF 2.11–2.15 the optimizers pop `lr`, log a warning and train with the *default* learning rate:
    the model trains, just not as configured. Keras 3 raises `ValueError: Argument(s) not recognized`.

    ## Example
    ```python
    Adam(lr=1e-4)
    ```

    ## Use instead
    ```python
    Adam(learning_rate=1e-4)
    ```

    ## Fix safety
    Safe on Keras 3, which refuses the call as written. Unsafe on tf.keras: the program runs there with
    the default rate, and the fix makes it train with the rate written (what was meant, but a change:
    a rate of `0` or `None` then fails). `learning_rate` has been accepted since Keras 2.3 and tf.keras 2.0.
    """

    code = "KER205"
    name = "optimizer-lr-keyword"
    catalog_tables = ("OPTIMIZER_KEYWORDS", "OPTIMIZERS")
    message = "`lr=` of `{owner}` {effect} (target {target})"
    fix_title = "{guideline}"
    severity = Severity.ERROR
    fix_safety = FixSafety.SOMETIMES
    keyword = "lr"
    unsafe_on = frozenset({Target.TF_KERAS})

    def _as_written(
        self, ctx: Context, target: Callee, keyword: ast.keyword, node: ast.Call
    ) -> Tuple[str, Optional[Severity]]:
        if node.args or any(other.arg == "learning_rate" for other in node.keywords):
            return "", None  # the rate is given too: `lr` was what old Keras took, not the default
        default = catalog.DEFAULT_LEARNING_RATES_TF215.get(target.owner) if ctx.target is Target.TF_KERAS else None
        value = keyword.value
        if default is None or not (isinstance(value, ast.Constant) and type(value.value) in (int, float)):
            return "", None
        if value.value != default:
            return "", None
        return (
            f", which for `{target.display}` is `{ctx.source_of(value)}` too: only the warning differs",
            Severity.WARNING,
        )

    valid = (
        Valid("from tensorflow.keras.optimizers import Adam\nAdam(learning_rate=1e-4)\n"),
        Valid("from torch.optim import Adam\nAdam(params, lr=1e-4)\n"),
        Valid("import tensorflow as tf\ntf.compat.v1.keras.optimizers.Adam(lr=1e-4)\n"),  # legacy: honours lr
    )
    invalid = (
        Invalid(
            "from keras.optimizers import Adam\nopt = Adam(lr=1e-4)\n",
            at=((2, 11),),
            fixed="from keras.optimizers import Adam\nopt = Adam(learning_rate=1e-4)\n",
        ),
    )


class OptimizerDecay(_OptimizerKeywordRule):
    """## What it does
    Finds optimizers constructed with `decay=`, or prepared with it (`functools.partial(SGD, decay=1e-6)`).

    ## Why is this bad?
    The TF 2.11+ optimizers raise `ValueError: decay is deprecated in the new Keras optimizer`;
    Keras 3 ignores it with a warning, so the learning rate silently stops decaying.

    ## Example
    ```python
    SGD(learning_rate=0.01, decay=1e-6)
    ```

    ## Use instead
    ```python
    SGD(learning_rate=keras.optimizers.schedules.InverseTimeDecay(0.01, decay_steps=1, decay_rate=1e-6))
    ```

    ## Fix safety
    Unsafe. On tf.keras the legacy optimizer (`tf.keras.optimizers.legacy.SGD`, TensorFlow >= 2.9)
    keeps `decay=` and Keras 2's formula. On Keras 3 the learning rate becomes
    `InverseTimeDecay(lr, decay_steps=1, decay_rate=decay)`, which computes the same
    `lr / (1 + decay * iterations)`, but then `optimizer.learning_rate` is a schedule that
    `ReduceLROnPlateau` or code setting the rate cannot change. `decay=0` is removed (safe); without a
    learning rate in the call there is no fix (Keras 2 and Keras 3 defaults differ), nor in a `partial`.
    """

    code = "KER206"
    name = "optimizer-decay-keyword"
    catalog_tables = ("OPTIMIZER_KEYWORDS", "OPTIMIZERS")
    message = "`decay=` of `{owner}` {effect} (target {target})"
    fix_title = "{guideline}"
    severity = Severity.ERROR
    fix_safety = FixSafety.SOMETIMES
    keyword = "decay"
    valid = (Valid("from tensorflow.keras.optimizers import SGD\nSGD(learning_rate=0.1)\n"),)

    def _as_written(
        self, ctx: Context, target: Callee, keyword: ast.keyword, node: ast.Call
    ) -> Tuple[str, Optional[Severity]]:
        if ctx.target is Target.KERAS3 and any(other.arg == "lr" for other in node.keywords):
            return ", but this call raises first, on the `lr=` beside it (`ValueError`)", None  # Keras 3.15.1: KER205
        return "", None

    invalid = (
        Invalid(
            "import tensorflow as tf\ntf.keras.optimizers.SGD(0.1, decay=1e-6)\n",
            at=((2, 29),),
            fixed="import tensorflow as tf\ntf.keras.optimizers.legacy.SGD(0.1, decay=1e-6)\n",
        ),
        Invalid(
            "from keras.optimizers import SGD\nSGD(learning_rate=0.1, decay=1e-6)\n",
            at=((2, 23),),
            target=Target.KERAS3,
            fixed=(
                "from keras.optimizers import schedules, SGD\n"
                "SGD(learning_rate=schedules.InverseTimeDecay(0.1, decay_steps=1, decay_rate=1e-6))\n"
            ),
        ),
        Invalid(
            "from keras.optimizers import Adam\nAdam(decay=0.0)\n",
            at=((2, 5),),
            fixed="from keras.optimizers import Adam\nAdam()\n",
        ),
    )

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        # the keywords the findings are of, in the same order: ``decay=…``, and ``**config`` passing ``decay``
        passing = [
            k for k in node.keywords if k.arg == "decay" or (k.arg is None and _spells_key(ctx, k.value, "decay"))
        ]
        for finding, keyword in zip(super().check_call(ctx, node), passing):
            if keyword.arg is None:
                yield finding  # no fix: the mapping may serve other calls too
                continue
            fix = None if target is None else decay_fix(ctx, node, target.owner, keyword)
            if fix is None:
                refused = legacy_refusal(ctx, node)
                yield (
                    finding
                    if refused is None
                    else finding._replace(message=f"{finding.message} (not fixed: {refused})")
                )
                continue
            edits, renames = fix.edits, ()  # type: Tuple[Edit, ...], Tuple[Tuple[str, str], ...]
            added = schedules_import_edit(ctx, node)
            if added is not None:
                renames = _SCHEDULES_UNIT
                if _first_decay_fix_of(ctx, added[0]) is node:
                    edits = (added[1],) + edits  # `schedules` joins the import with the first call it serves
            yield finding._replace(fix=Fix(edits, fix.safe, renames), fix_title=fix.title)


def _first_decay_fix_of(ctx: Context, statement: ast.ImportFrom) -> Optional[ast.Call]:
    """The first optimizer call whose decay fix needs ``schedules`` from ``statement``: its fix adds the name (one
    finding per problem; the other calls' fixes are one unit with it through the name)."""
    key = ("KER206 first", id(statement))
    if key not in ctx.memo:
        ctx.memo[key] = None
        for node in ctx.index.calls:
            target = callee(ctx, node)
            if target is None or target.owner not in catalog.OPTIMIZERS:
                continue
            if any(decay_fix(ctx, node, target.owner, keyword) for keyword in _decay_keywords(node)):
                added = schedules_import_edit(ctx, node)
                if added is not None and added[0] is statement:
                    ctx.memo[key] = node
                    break
    found = ctx.memo[key]
    return found if isinstance(found, ast.Call) else None


# The fixes binding `schedules` (the import) and using it (the optimizers) form one unit for the guards.
_SCHEDULES_UNIT = (("schedules", "schedules"),)


def _decay_keywords(node: ast.Call) -> Iterator[ast.keyword]:
    return (keyword for keyword in node.keywords if keyword.arg == "decay")


class AddWeightPositionalName(Rule):
    """## What it does
    Finds `add_weight` calls that pass the weight's name positionally, in the tf.keras order
    `add_weight(name, shape, dtype, initializer, ...)`, on Keras 3; and, on tf.keras, calls that pass a shape
    (a tuple or list) first, in Keras 3's order `add_weight(shape, initializer, dtype)`.

    ## Why is this bad?
    Keras 3 takes `add_weight(shape, initializer, dtype)` positionally and raises
    `ValueError: name must be passed as a keyword argument` for a string in first place. tf.keras takes the first
    argument as the name and raises `TypeError: can only concatenate tuple (not "str") to tuple` for a shape there
    (TF 2.15.1, run).

    ## Example
    ```python
    self.kernel = self.add_weight("kernel", (units, units), initializer="glorot_uniform")
    ```

    ## Use instead
    ```python
    self.kernel = self.add_weight(name="kernel", shape=(units, units), initializer="glorot_uniform")
    ```

    ## Fix safety
    Safe: every positional argument becomes the keyword tf.keras bound it to, which Keras 3 accepts
    too; calls with positionals Keras 3 has no keyword for are left alone.
    """

    code = "KER207"
    name = "add-weight-positional-name"
    message = "`add_weight({first}, …)` passes the {what} positionally, {effect}"
    fix_title = "Pass every argument by keyword: `add_weight({keywords})`"
    severity = Severity.ERROR
    fix_safety = FixSafety.SAFE
    valid = (
        Valid("import keras\nw = layer.add_weight(name='k', shape=(2,))\nv = layer.add_weight((2,), 'zeros')\n",
              target=Target.KERAS3),
        Valid("from tensorflow import keras\nw = layer.add_weight('k', (2,))\nv = layer.add_weight(shape, 'zeros')\n"),
    )  # fmt: skip
    invalid = (
        Invalid(
            "import keras\nw = self.add_weight('kernel', (3, 3), initializer='zeros')\n",
            at=((2, 4),),
            target=Target.KERAS3,
            fixed="import keras\nw = self.add_weight(name='kernel', shape=(3, 3), initializer='zeros')\n",
        ),
        Invalid(  # Keras 3's order, on tf.keras (held-out probe 16)
            "from tensorflow import keras\nw = self.add_weight((input_shape[-1], 8), 'glorot_uniform')\n",
            at=((2, 4),),
            fixed=(
                "from tensorflow import keras\n"
                "w = self.add_weight(shape=(input_shape[-1], 8), initializer='glorot_uniform')\n"
            ),
        ),
    )

    owners = frozenset({".add_weight"})

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner != ".add_weight" or not node.args:
            return
        if set(ctx.first_uses) == {TF_KERAS_PACKAGE}:
            return  # a module of tf_keras alone: its layers keep tf.keras 2's add_weight(name, shape, …)
        first = node.args[0]
        if ctx.target is Target.TF_KERAS:
            if not isinstance(first, (ast.Tuple, ast.List)):
                return  # a shape in first place; a name there (or what the module holds) is tf.keras's order
            sequence = "tuple" if isinstance(first, ast.Tuple) else "list"
            order: Tuple[str, ...] = ADD_WEIGHT_KERAS3_ORDER
            what = "shape"
            effect = (
                "which target tf.keras takes as the name: "
                f'`TypeError: can only concatenate {sequence} (not "str") to {sequence}`'
            )
            if any(keyword.arg == "name" for keyword in node.keywords):  # Python raises first (run on TF 2.15.1)
                effect = (
                    "which target tf.keras takes as the name, given again as `name=`: "
                    "`TypeError: Layer.add_weight() got multiple values for argument 'name'`"
                )
            fixable = len(node.args) <= len(order)
        else:
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                return
            order, what, effect = ADD_WEIGHT_TF_KERAS_ORDER, "name", f"which target {ctx.target} rejects"
            fixable = len(node.args) <= len(order) and set(order[: len(node.args)]) <= ADD_WEIGHT_KERAS3_KEYWORDS
        names = order[: len(node.args)]
        fixable = fixable and not any(isinstance(arg, ast.Starred) for arg in node.args)
        fixable = fixable and not any(keyword.arg in names for keyword in node.keywords)
        edits = (
            tuple(Edit(*ctx.span(arg)[:2], *ctx.span(arg)[:2], f"{name}=") for name, arg in zip(names, node.args))
            if fixable
            else ()
        )
        keywords = ", ".join(f"{name}=…" for name in names)
        yield self.finding(
            ctx, node, edits=edits, first=shown_source(ctx.source_of(first)), keywords=keywords, what=what,
            effect=effect,
        )  # fmt: skip


class CustomActivationName(Rule):
    """## What it does
    Finds a string activation (`activation="swish_act"`, `Activation("swish_act")`) that is no built-in
    name of Keras 3, in a module that registers custom objects by name (`get_custom_objects().update(…)`,
    `custom_object_scope`).

    ## Why is this bad?
    tf.keras looks a string activation up among the registered custom objects too. Keras 3 (3.15.1) reads
    only its built-in names and raises `ValueError: Could not interpret activation function identifier`
    when the layer is made.

    ## Example
    ```python
    get_custom_objects().update({"swish_act": swish})
    model.add(Dense(64, activation="swish_act"))
    ```

    ## Use instead
    ```python
    model.add(Dense(64, activation=swish))
    ```

    ## Fix safety
    None: the message names the function the module registers under that name, where it shows one.
    """

    code = "KER212"
    name = "custom-activation-name"
    message = (
        "`{keyword}={name!r}` of `{callable}`: target {target} (Keras {keras3_checked}) reads only its built-in "
        "activation names and raises `ValueError: Could not interpret activation function identifier: {name}`, "
        "whatever the custom objects hold"
    )
    fix_title = "{remedy}"
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    valid = (
        Valid("import keras\nkeras.layers.Dense(4, activation='swish')\n", target=Target.KERAS3),
        Valid("import keras\nkeras.layers.Dense(4, activation='swish_act')\n", target=Target.KERAS3),  # no registry
        Valid(
            "from tensorflow import keras\nkeras.utils.get_custom_objects()['act'] = f\n"
            "keras.layers.Dense(4, activation='act')\n"
        ),
    )
    invalid = (
        Invalid(
            "import keras\nfrom keras.utils import get_custom_objects\n\ndef swish(x):\n"
            "    return x * keras.ops.sigmoid(x)\n\nget_custom_objects().update({'swish_act': swish})\n"
            "layer = keras.layers.Dense(4, activation='swish_act')\nact = keras.layers.Activation('swish_act')\n"
            "lstm = keras.layers.LSTM(4, recurrent_activation='swish_act')\n",
            at=((8, 41), (9, 30), (10, 49)),
            target=Target.KERAS3,
        ),
        Invalid(
            "import keras\ngelu_fast = keras.activations.gelu\n"
            "with keras.utils.custom_object_scope({'gelu_fast': gelu_fast}):\n"
            "    hidden = keras.layers.Dense(8, 'gelu_fast')\n",
            at=((4, 35),),
            target=Target.KERAS3,
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if not any(registry in text for registry in CUSTOM_OBJECT_REGISTRIES):
            return
        for target, keyword, value, name in _string_activations(ctx):
            if name in KERAS3_ACTIVATION_NAMES:
                continue
            function = _registered_function(ctx, name)
            remedy = f"Pass the function itself: `{keyword}={function}`" if function else "Pass the function itself"
            yield self.finding(ctx, value, keyword=keyword, name=name, callable=target.display, remedy=remedy)


class ShadowedBuiltinActivation(Rule):
    """## What it does
    Finds a string activation that is a built-in name of Keras 3 (`activation="swish"`) in a module that registers
    a function of its own under that name (`get_custom_objects().update({"swish": Activation(swish)})`,
    `custom_object_scope`), a function that is not Keras's own formula.

    ## Why is this bad?
    tf.keras looks a string activation up among the registered custom objects first: the layer used the module's
    function. Keras 3 (3.15.1) reads only its built-in names: the same string gives Keras's own `swish`, and the
    model computes another function, silently (run: 1.76, not 3.52, for a `2 * x * sigmoid(x)` at x = 2).

    ## Example
    ```python
    def swish(x):
        return x * keras.ops.sigmoid(beta * x)

    get_custom_objects().update({"swish": Activation(swish)})
    model.add(Dense(64, activation="swish"))
    ```

    ## Use instead
    ```python
    model.add(Dense(64, activation=swish))
    ```

    ## Fix safety
    None: the message names the function the module registers. A function written as Keras's own formula
    (`x * K.sigmoid(x)` for `swish`, `x * tanh(softplus(x))` for `mish`) computes the same, and is not reported.
    """

    code = "KER248"
    name = "shadowed-builtin-activation"
    message = (
        "`{keyword}={name!r}` of `{callable}`: the module registers its own `{function}` under that name, but target "
        "{target} (Keras {keras3_checked}) reads only its built-in activation names: the layer silently uses "
        "Keras's own `{name}` (tf.keras used the registered function)"
    )
    fix_title = "Pass the function itself: `{keyword}={function}`"
    severity = Severity.ERROR
    targets = ONLY_KERAS3
    valid = (
        Valid(  # Keras's own formula: the same function
            "import keras\nfrom keras.utils import get_custom_objects\n\ndef swish(x):\n"
            "    return x * keras.backend.sigmoid(x)\n\nget_custom_objects().update({'swish': swish})\n"
            "layer = keras.layers.Dense(4, activation='swish')\n",
            target=Target.KERAS3,
        ),
        Valid(
            "import keras\nfrom keras.utils import get_custom_objects\n"
            "get_custom_objects().update({'swish': keras.activations.swish})\n"
            "layer = keras.layers.Dense(4, activation='swish')\n",
            target=Target.KERAS3,
        ),
    )
    invalid = (
        Invalid(
            "import keras\nfrom keras.utils import get_custom_objects\n\ndef swish(x, beta=1.5):\n"
            "    return x * keras.ops.sigmoid(beta * x)\n\nget_custom_objects().update({'swish': "
            "keras.layers.Activation(swish)})\nlayer = keras.layers.Dense(4, activation='swish')\n"
            "act = keras.layers.Activation('swish')\n",
            at=((8, 41), (9, 30)),
            target=Target.KERAS3,
        ),
        Invalid(
            "import keras\ndef gelu(x):\n    return 0.5 * x * (1 + keras.ops.tanh(0.8 * x))\n"
            "keras.utils.get_custom_objects()['gelu'] = gelu\nhidden = keras.layers.Dense(8, 'gelu')\n",
            at=((5, 31),),
            target=Target.KERAS3,
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        text = module_text(ctx)
        if not any(registry in text for registry in CUSTOM_OBJECT_REGISTRIES):
            return
        registered = _registrations(ctx)
        if not any(name in KERAS3_ACTIVATION_NAMES for name in registered):
            return
        for target, keyword, value, name in _string_activations(ctx):
            if name not in KERAS3_ACTIVATION_NAMES or name not in registered or _keras_own(ctx, registered[name], name):
                continue
            function = ctx.source_of(registered[name])
            yield self.finding(ctx, value, keyword=keyword, name=name, callable=target.display, function=function)


def _string_activations(ctx: Context) -> Iterator[Tuple[Callee, str, ast.Constant, str]]:
    """Each activation given to a Keras layer as a string (``Dense(4, activation="swish")``, ``Activation("swish")``):
    the layer's callee, the keyword, the string's node and the name."""
    for node in ctx.index.calls:
        target = callee(ctx, node)
        if target is None or not target.owner.startswith("layers."):
            continue
        for keyword, value in _activation_arguments(ctx, node, target.owner):
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                yield target, keyword, value, value.value


def _registrations(ctx: Context) -> Dict[str, ast.expr]:
    """name -> the function the module registers under it as a custom object: ``get_custom_objects().update({…})``,
    ``get_custom_objects()[name] = f``, ``custom_object_scope({…})`` (an ``Activation(f)`` stands for ``f``)."""
    found: Dict[str, ast.expr] = {}
    pairs: List[Tuple[ast.expr, ast.expr]] = []
    for node in ctx.nodes:
        if isinstance(node, ast.Call):
            func = node.func
            spelled = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            registry = spelled in CUSTOM_OBJECT_REGISTRIES[1:] or (
                spelled == "update" and isinstance(func, ast.Attribute) and _is_registry(func.value)
            )
            if registry and node.args and isinstance(node.args[0], ast.Dict):
                pairs += [(key, value) for key, value in zip(node.args[0].keys, node.args[0].values) if key is not None]
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Subscript) and _is_registry(target.value):
                pairs.append((target.slice, node.value))
    for key, value in pairs:
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            if isinstance(value, ast.Call) and len(value.args) == 1 and not value.keywords:
                value = value.args[0]  # Activation(f)
            found[key.value] = value
    return found


def _is_registry(node: ast.expr) -> bool:
    """``get_custom_objects()`` (through any module)."""
    if not isinstance(node, ast.Call) or node.args:
        return False
    func = node.func
    return (func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")) == CUSTOM_OBJECT_REGISTRIES[0]


def _keras_own(ctx: Context, function: ast.expr, name: str) -> bool:
    """Whether the registered function is Keras's own ``name``: a Keras name, or a module function whose body returns
    Keras's formula for it (``x * sigmoid(x)``, through any module's ``sigmoid``). Anything else may differ."""
    if not isinstance(function, ast.Name):
        return isinstance(function, ast.Attribute) and ctx.reference(function) is not None
    definition = next(
        (node for node in ctx.tree.body if isinstance(node, ast.FunctionDef) and node.name == function.id), None
    )
    if definition is None:
        return ctx.reference(function) is not None  # imported from Keras, or not shown: another module's
    arguments = definition.args.args
    if len(arguments) != 1 or len(definition.body) != 1 or not isinstance(definition.body[0], ast.Return):
        return False
    returned = definition.body[0].value
    return returned is not None and _formula(returned, arguments[0].arg) in BUILTIN_FORMULAS.get(name, ())


def _formula(node: ast.expr, parameter: str) -> str:
    """An expression as text, its parameter written ``x`` and every called function by its last name only
    (``keras.ops.sigmoid(a)`` is ``sigmoid(x)``)."""
    if isinstance(node, ast.Name):
        return "x" if node.id == parameter else node.id
    if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute)) and not node.keywords:
        function = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
        return f"{function}({', '.join(_formula(arg, parameter) for arg in node.args)})"
    if isinstance(node, ast.BinOp):
        operator = {ast.Mult: "*", ast.Add: "+", ast.Sub: "-", ast.Div: "/"}.get(type(node.op), "?")
        return f"({_formula(node.left, parameter)} {operator} {_formula(node.right, parameter)})"
    if isinstance(node, ast.Constant):
        return repr(node.value)
    return "?"


class HardSigmoidFormula(Rule):
    """## What it does
    Finds the `hard_sigmoid` activation (`activation="hard_sigmoid"`, `recurrent_activation="hard_sigmoid"`,
    `Activation("hard_sigmoid")`, `keras.activations.hard_sigmoid`) on the keras3 target, in a module that
    reads no module only Keras 3 has (`keras.ops`, `keras.config`, …): code written for Keras 2.

    ## Why is this bad?
    Keras 2 and tf.keras compute `hard_sigmoid(x)` as `clip(0.2 * x + 0.5, 0, 1)`; Keras 3 (3.15.1) as
    `relu6(x + 3) / 6`: slope 1/6 instead of 0.2, flat beyond ±3 instead of ±2.5. The layer runs and gives
    other values (0.667 instead of 0.7 at `x = 1`): a model trained on Keras 2, its weights loaded, predicts
    otherwise on Keras 3, silently.

    ## Example
    ```python
    LSTM(64, recurrent_activation="hard_sigmoid")
    ```

    ## Use instead
    ```python
    @keras.saving.register_keras_serializable()
    def keras2_hard_sigmoid(x):
        return keras.ops.clip(0.2 * x + 0.5, 0.0, 1.0)

    LSTM(64, recurrent_activation=keras2_hard_sigmoid)  # or keep it, and train anew
    ```

    ## Fix safety
    None: a model trained anew may keep Keras 3's function; one that loads Keras 2 weights needs Keras 2's.
    """

    code = "KER232"
    name = "hard-sigmoid-formula"
    message = (
        "{what}: target {target} (Keras {keras3_checked}) computes `hard_sigmoid` as `relu6(x + 3) / 6`, Keras 2 "
        "as `clip(0.2 * x + 0.5, 0, 1)`: the layer runs and gives other values (0.667, not 0.7, at x = 1), so "
        "weights trained on Keras 2 predict otherwise"
    )
    fix_title = (
        "To keep Keras 2's numbers, pass a registered function returning `keras.ops.clip(0.2 * x + 0.5, 0.0, 1.0)`"
    )
    targets = ONLY_KERAS3
    valid = (
        Valid("import keras\nkeras.layers.Dense(4, activation='hard_sigmoid')\n"),  # tf.keras: Keras 2's formula
        Valid(
            "import keras\nfrom keras import ops\nx = ops.ones((2,))\n"
            "gate = keras.layers.Dense(4, activation='hard_sigmoid')\n",
            target=Target.KERAS3,
        ),  # written for Keras 3
        Valid("import keras\nkeras.layers.Dense(4, activation='sigmoid', name='hard_sigmoid')\n", target=Target.KERAS3),
        Valid("import tf_keras\ntf_keras.layers.Dense(4, activation='hard_sigmoid')\n", target=Target.KERAS3),
    )
    invalid = (
        Invalid(
            "from keras.layers import LSTM, Activation, Dense\n"
            "rnn = LSTM(32, activation='tanh', recurrent_activation='hard_sigmoid')\n"
            "gate = Activation('hard_sigmoid')\nout = Dense(1, 'hard_sigmoid')\n",
            at=((2, 55), (3, 18), (4, 15)),
            target=Target.KERAS3,
        ),
        Invalid(
            "from tensorflow import keras\nfrom keras.activations import hard_sigmoid\n"
            "dense = keras.layers.Dense(1, activation=keras.activations.hard_sigmoid)\n"
            "y = hard_sigmoid(x)\n",
            at=((3, 41), (4, 4)),
            target=Target.KERAS3,
        ),
    )

    def check_module(self, ctx: Context) -> Iterator[Finding]:
        if HARD_SIGMOID not in module_text(ctx) or written_for_keras3(ctx):
            return
        for node in ctx.index.calls:
            target = callee(ctx, node)
            if target is None or not target.owner.startswith("layers.") or _keras2_reference(ctx, node.func):
                continue
            for keyword, value in _activation_arguments(ctx, node, target.owner):
                if isinstance(value, ast.Constant) and value.value == HARD_SIGMOID:
                    yield self.finding(ctx, value, what=f"`{keyword}={HARD_SIGMOID!r}` of `{target.display}`")
        for chain in ctx.index.chains:
            if ctx.canonical(chain) == f"activations.{HARD_SIGMOID}" and not _keras2_reference(ctx, chain):
                yield self.finding(ctx, chain, what=f"`{ctx.source_of(chain)}`")


def _keras2_reference(ctx: Context, node: ast.expr) -> bool:
    """A tf_keras name on the keras3 target: Keras 2's, whose formula is Keras 2's."""
    reference = ctx.reference(node) if isinstance(node, (ast.Name, ast.Attribute)) else None
    return reference is not None and reference.implementation == TF_KERAS_PACKAGE


def _activation_arguments(ctx: Context, node: ast.Call, owner: str) -> List[Tuple[str, ast.expr]]:
    """The activation arguments of a layer call, by keyword or at their positions in the target's signature."""
    found = []
    signature = api.callable_signature(ctx.target, owner)
    for keyword in ACTIVATION_KEYWORDS:
        position = signature.positional.index(keyword) if signature and keyword in signature.positional else -1
        value = (
            argument(node, position, keyword)
            if position >= 0
            else next((item.value for item in node.keywords if item.arg == keyword), None)
        )
        if value is not None:
            found.append((keyword, value))
    return found


def _registered_function(ctx: Context, name: str) -> Optional[str]:
    """The function the module registers under ``name`` (``{'name': f}`` or ``{'name': Activation(f)}``), if shown."""
    for node in ast.walk(ctx.tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and key.value == name:
                    if isinstance(value, ast.Call) and value.args:
                        value = value.args[0]
                    if isinstance(value, (ast.Name, ast.Attribute)):
                        return ctx.source_of(value)
    return None


def _public_on_target(ctx: Context, owner: str) -> bool:
    """Whether the target's public Keras API has the callable (``layers.Conv2D``), under any name it is called by."""
    from kerascheck.catalog import modules  # here: only a Keras 1 positional call asks

    root = "keras" if ctx.target is Target.KERAS3 else "tensorflow.keras"
    return modules.has_name(f"{root}.{owner}", ctx.target)
