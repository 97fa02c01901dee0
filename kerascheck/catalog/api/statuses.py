"""What a target does with keywords its ``**kwargs`` takes only for backwards compatibility: honoured with
a deprecation warning, ignored (with a warning or silently), or refused. Read from the keras 2.15.0 and
keras 3.15.1 sources where the generator (``scripts/generate_api_tables.py``) cannot follow the code (a
helper method, ``kwargs.get(…)`` in a test), and proved on the real packages by
``tests/test_api_statuses.py`` (TensorFlow 2.15.1 with ``$KERASCHECK_TF215_PYTHON``; Keras 3.15.1).

Statuses, as in the generated tables (``kerascheck/catalog/api/__init__.py``): ``"d"`` deprecated but
honoured (Keras warns, and does what the keyword says), ``"w"`` ignored with a warning, ``"i"`` ignored
silently, ``"e:<Exception>"`` refused. ``says`` is Keras's own message, as it prints it; ``remedy`` what to
write instead. A core class's method is named ``Model.compile`` (Sequential's too).
"""

from __future__ import annotations

from typing import Dict, Optional, Tuple

from kerascheck.catalog.model import Target
from kerascheck.record import Record

DEPRECATED = "d"
IGNORED = "w"
IGNORED_SILENTLY = "i"


class KeywordStatus(Record):
    target: Target
    owner: str  # canonical callable (``callbacks.TensorBoard``) or ``Model.compile``
    keyword: str
    status: str  # see the module docstring
    says: str  # Keras's message
    remedy: str
    source: str
    others: Optional[str] = None  # the exception any other key raises where the table says "*" (None: open)
    # true of TF 2's eager mode only: after ``tf.compat.v1.disable_eager_execution()`` (or
    # ``disable_v2_behavior()``) models are keras 2.15.0 keras/src/engine/training_v1.py's, whose
    # ``compile`` takes ``target_tensors``, ``distribute``, ``sample_weight_mode`` (run on TF 2.15.1)
    eager_only: bool = False
    # Keras warns (and there is anything to ignore) only for a true value: TensorBoard's
    # ``if kwargs.get("write_grads", False)``; a false literal (``write_grads=False``, ``embeddings_layer_names=None``)
    # is TF 2's own behaviour, silently (run on TF 2.15.1: corpus triage 8)
    when_true: bool = False


_TB = "keras 2.15.0 keras/src/callbacks.py:2525-2565 TensorBoard._validate_kwargs"
_MC = "keras 2.15.0 keras/src/callbacks.py:1388-1410 ModelCheckpoint.__init__ (other keys: ignored silently)"
_COMPILE = "keras 2.15.0 keras/src/engine/training.py:764-781 compile, 3865-3900 _validate_compile"

KEYWORD_STATUSES: Tuple[KeywordStatus, ...] = (
    # TensorBoard: the TF 1 keywords are ignored with a warning (when true), any other key raises ValueError
    KeywordStatus(
        Target.TF_KERAS, "callbacks.TensorBoard", "write_grads", IGNORED,
        "`write_grads` will be ignored in TensorFlow 2.0 for the `TensorBoard` Callback.",
        "Remove `write_grads=`: TensorFlow 2 logs no gradient histograms", _TB, "ValueError", when_true=True,
    ),
    KeywordStatus(
        Target.TF_KERAS, "callbacks.TensorBoard", "batch_size", IGNORED,
        "`batch_size` is no longer needed in the `TensorBoard` Callback and will be ignored in TensorFlow 2.0.",
        "Remove `batch_size=`", _TB, "ValueError", when_true=True,
    ),
    KeywordStatus(
        Target.TF_KERAS, "callbacks.TensorBoard", "embeddings_layer_names", IGNORED,
        "`embeddings_layer_names` is not supported in TensorFlow 2.0. Instead, all `Embedding` layers will be "
        "visualized.",
        "Remove `embeddings_layer_names=`", _TB, "ValueError", when_true=True,
    ),
    KeywordStatus(
        Target.TF_KERAS, "callbacks.TensorBoard", "embeddings_data", IGNORED,
        "`embeddings_data` is not supported in TensorFlow 2.0. Instead, all `Embedding` variables will be "
        "visualized.",
        "Remove `embeddings_data=`", _TB, "ValueError", when_true=True,
    ),
    # ModelCheckpoint: two Keras 2.1 keywords still honoured; any other key is ignored silently (left open)
    KeywordStatus(
        Target.TF_KERAS, "callbacks.ModelCheckpoint", "period", DEPRECATED,
        "`period` argument is deprecated. Please use `save_freq` to specify the frequency in number of batches "
        "seen.",
        "Use `save_freq=` (in batches: every N epochs is `save_freq=N * steps_per_epoch`); Keras 3 refuses "
        "`period=`",
        _MC,
    ),
    KeywordStatus(
        Target.TF_KERAS, "callbacks.ModelCheckpoint", "load_weights_on_restart", DEPRECATED,
        "`load_weights_on_restart` argument is deprecated. Please use `model.load_weights()` for loading weights "
        "before the start of `model.fit()`.",
        "Call `model.load_weights(…)` before `fit`; Keras 3 refuses `load_weights_on_restart=`",
        _MC,
    ),
    KeywordStatus(
        Target.TF_KERAS, "callbacks.ReduceLROnPlateau", "epsilon", DEPRECATED,
        "`epsilon` argument is deprecated and will be removed, use `min_delta` instead.",
        "Use `min_delta=`", "keras 2.15.0 keras/src/callbacks.py:3064-3069 ReduceLROnPlateau.__init__",
    ),
    # compile: the TF 1 keywords; any other key raises TypeError
    KeywordStatus(
        Target.TF_KERAS, "Model.compile", "target_tensors", "e:ValueError",
        "`target_tensors` argument is not supported when executing eagerly.",
        "Remove `target_tensors=` and pass the targets to `fit` (`y=`)", _COMPILE, "TypeError", True,
    ),
    KeywordStatus(
        Target.TF_KERAS, "Model.compile", "distribute", "e:ValueError",
        "`distribute` argument in compile is not available in TF 2.0. Please create the model under the "
        "`strategy.scope()`.",
        "Create and compile the model under `strategy.scope()`", _COMPILE, "TypeError", True,
    ),
    KeywordStatus(
        Target.TF_KERAS, "Model.compile", "experimental_steps_per_execution", DEPRECATED,
        "The argument `steps_per_execution` is no longer experimental. Pass `steps_per_execution` instead of "
        "`experimental_steps_per_execution`.",
        "Use `steps_per_execution=`", _COMPILE, "TypeError", True,
    ),
    KeywordStatus(
        Target.TF_KERAS, "Model.compile", "cloning", IGNORED_SILENTLY,
        "", "Remove `cloning=` (a legacy distribution argument)", _COMPILE, "TypeError", True,
    ),
    KeywordStatus(
        Target.TF_KERAS, "Model.compile", "experimental_run_tf_function", IGNORED_SILENTLY,
        "", "Remove `experimental_run_tf_function=`", _COMPILE, "TypeError", True,
    ),
    KeywordStatus(
        Target.TF_KERAS, "Model.compile", "sample_weight_mode", IGNORED_SILENTLY,
        "", "Remove `sample_weight_mode=`: TensorFlow 2 infers it from the sample weights", _COMPILE, "TypeError", True,
    ),
    # optimizers (keras 2.15.0 keras/src/optimizers/optimizer.py:118-145 _process_kwargs): `lr` is popped
    # and dropped (the learning rate stays the default), `decay` refused; KER205/KER206 report both.
    # Keras 3.15.1: Embedding(input_length=) and an optimizer's decay= are dropped with a warning.
    KeywordStatus(
        Target.KERAS3, "layers.Embedding", "input_length", IGNORED,
        "Argument `input_length` is deprecated. Just remove it.",
        "Remove `input_length=`", "keras 3.15.1 keras/src/layers/core/embedding.py:121-125",
    ),
    # honoured with a warning: Keras 3.15.1 pops the old keyword into the new parameter (held-out probes 5, 6)
    KeywordStatus(
        Target.KERAS3, "layers.LeakyReLU", "alpha", DEPRECATED,
        "Argument `alpha` is deprecated. Use `negative_slope` instead.",
        "Use `negative_slope=`, the same slope", "keras 3.15.1 keras/src/layers/activations/leaky_relu.py:38-43",
    ),
    KeywordStatus(
        Target.KERAS3, "layers.InputLayer", "input_shape", DEPRECATED,
        "Argument `input_shape` is deprecated. Use `shape` instead.",
        "Use `shape=`, the same shape", "keras 3.15.1 keras/src/layers/core/input_layer.py:26-30",
    ),
    # TF 2.1-2.3's experimental mixed precision API took `loss_scale="dynamic"`; Keras 3.15.1 refuses any key but its
    # base optimizer's defaults (held-out probe, session 21: on TF 2.21 too). Other keys: not read here (open).
    KeywordStatus(
        Target.KERAS3, "optimizers.LossScaleOptimizer", "loss_scale", "e:ValueError",
        "LossScaleOptimizer does not support arguments: `loss_scale`",
        "Remove `loss_scale=`: the optimizer scales dynamically; `initial_scale=` sets where it starts",
        "keras 3.15.1 keras/src/optimizers/loss_scale_optimizer.py __init__",
    ),
    # tf.keras: the attention layers still take `causal` and mask as asked, with a warning (Keras 3 refuses it)
    *(
        KeywordStatus(
            Target.TF_KERAS, owner, "causal", DEPRECATED,
            "`causal` argument is deprecated. Please use `use_causal_mask` in call() method to specify causal "
            "masking.",
            "Call the layer with `use_causal_mask=True` instead",
            "keras 2.15.0 keras/src/layers/attention/base_dense_attention.py:71-79", "TypeError",
        )
        for owner in ("layers.Attention", "layers.AdditiveAttention")
    ),
)  # fmt: skip


def _index() -> Dict[Tuple[Target, str], Dict[str, KeywordStatus]]:
    found: Dict[Tuple[Target, str], Dict[str, KeywordStatus]] = {}
    for fact in KEYWORD_STATUSES:
        owners = [fact.owner]
        if fact.owner.startswith("Model."):
            owners.append("Sequential." + fact.owner.partition(".")[2])
        for owner in owners:
            found.setdefault((fact.target, owner), {})[fact.keyword] = fact
    return found


STATUSES_BY_OWNER = _index()


def statuses(target: Target, owner: str) -> Dict[str, KeywordStatus]:
    """keyword -> its status fact, for the callable (``callbacks.TensorBoard``) or core method
    (``Model.compile``) on ``target``."""
    return STATUSES_BY_OWNER.get((target, owner), {})


# A module that turns TF 2 behaviour off: its models are graph-mode (training_v1) ones.
GRAPH_MODE_CALLS = ("disable_eager_execution", "disable_v2_behavior")
