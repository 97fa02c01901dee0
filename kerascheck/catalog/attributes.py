"""What replaces a method or attribute of a Keras object that a target's class lacks.

Which names a class has is generated (``kerascheck/catalog/api``); what to write instead is not, so it is
written here, per core class (``Model`` also covers ``Sequential``).
"""

from __future__ import annotations

from typing import Dict, FrozenSet, Optional, Tuple

from kerascheck.catalog.model import Target
from kerascheck.record import Record


class AttributeReplacement(Record):
    new: Optional[str]  # the name to use instead; None: no drop-in name
    guideline: str
    source: str
    safe: bool = False  # renaming the attribute means the same on every target
    delete_statement: bool = False  # a call on its own line that the target needs no more
    # The release whose class first lacked it (as ``RemovedName.removed_in``): "Keras 3.0", "TF 2.6" (the
    # first tf.keras without it after keras 2.5.0rc0, TensorFlow 2.5's); None where no single release shows it
    # (``_make_predict_function``: multi-backend Keras had it, tf.keras's TF2 Model never did).
    removed_in: Optional[str] = None
    # Targets whose class has the name but where using it fails all the same (a property of a base class that
    # the class never sets up; an attribute always None), with what happens: reported there like a missing name.
    fails_on: Tuple[Tuple[Target, str], ...] = ()
    fails_why: str = "has it, but not set"  # what the class's own name is there, where it fails all the same
    # a text in the module that may make an object of unknown class one that has the name after all
    # (`model.optimizer` of a model compiled with a `optimizers.legacy` one): then only typed classes are judged
    unless_module_says: str = ""
    fails_when_set: Tuple[Target, ...] = ()  # targets where the class has it read-only: an assignment raises
    # read-only only on the objects Keras builds (a functional or Sequential model): a subclass sets `self.x` fine
    settable_on_self: bool = False
    called_only: bool = False  # what `fails_on` says happens when it is called; reading it is fine
    # a name a Keras 1 layer set on itself, which a module's own layer may set too: where the module sets the name
    # anywhere (``self.W = self.add_weight(…)``), or on ``self``, it is the module's own
    own_when_set: bool = False
    only_on: Tuple[Target, ...] = ()  # the targets the fact is about, where not every target (none: all)
    # the public classes of the kind whose name it is (a tf.keras LossScaleOptimizer's `get_scaled_loss`):
    # judged only on an object the module shows to be one of them. An optimizer of unknown class may be any
    # other, and tf.keras wraps the optimizer of a model compiled under a mixed policy in a LossScaleOptimizer
    # that has the name.
    only_classes: Tuple[str, ...] = ()


_K224 = "Keras 2.2.4"

# keras 2.15.0 keras/src/mixed_precision/loss_scale_optimizer.py LossScaleOptimizerV3 (what
# tf.keras.mixed_precision.LossScaleOptimizer of a TF 2.11+ optimizer is; :587 LossScaleOptimizer, a legacy
# optimizer's, has the same names at :692-748) vs keras 3.15.1 keras/src/optimizers/loss_scale_optimizer.py, whose
# class keras.mixed_precision exports too (:10-15)
_LOSS_SCALE = ("optimizers.LossScaleOptimizer",)
_K215_LSO = "keras 2.15.0 keras/src/mixed_precision/loss_scale_optimizer.py"
_K3_LSO = "keras 3.15.1 keras/src/optimizers/loss_scale_optimizer.py"

_SEQUENTIAL_IO = (
    "keras 3.15.1 keras/src/models/sequential.py defines `inputs`/`outputs` only; `input`/`output` are "
    "keras/src/ops/operation.py's, which raise AttributeError for a model never called as a layer (run on 3.15.1: "
    "built, with an Input, after predict); keras 2.15.0 Sequential is a Functional"
)

REPLACED_ATTRIBUTES: Dict[Tuple[str, str], AttributeReplacement] = {
    # Keras 2.2.4 keras/engine/training.py fit set `callback.validation_data` (the Keras 2 idiom of F1 and AUC
    # callbacks); keras 2.15.0 keras/src/callbacks.py:683 Callback.__init__ sets it to None and nothing fills it
    # (run on TF 2.15.1: `self.validation_data[0]` in on_epoch_end raises TypeError: 'NoneType' object is not
    # subscriptable); keras 3.15.1 Callback has no such attribute.
    ("Callback", "validation_data"): AttributeReplacement(
        None,
        "Give the callback the data itself (`MyCallback((x_val, y_val))`, kept as an attribute of its own)",
        "Keras 2.2.4 engine/training.py; keras 2.15.0 callbacks.py:683 (always None); absent from keras 3.15.1",
        fails_on=((Target.TF_KERAS, "is always None (TypeError when indexed)"),),
    ),
    # A Keras 3 Sequential model has `inputs`/`outputs`; its `input`/`output` raise (Model(s.input, …), the
    # feature-extractor idiom). One input and one output: `inputs[0]` is what Keras 2's `input` was.
    ("Sequential", "input"): AttributeReplacement(
        "inputs[0]",
        "Use `.inputs[0]`: a Keras 3 Sequential model has `inputs`, and its `input` raises",
        _SEQUENTIAL_IO,
        safe=True,
        fails_on=((Target.KERAS3, "raises AttributeError"),),
    ),
    ("Sequential", "output"): AttributeReplacement(
        "outputs[0]",
        "Use `.outputs[0]`: a Keras 3 Sequential model has `outputs`, and its `output` raises",
        _SEQUENTIAL_IO,
        safe=True,
        fails_on=((Target.KERAS3, "raises AttributeError"),),
    ),
    # Optimizer.lr: keras 2.15.0 keras/src/optimizers/optimizer.py has `lr` as an alias property of
    # `learning_rate`; keras 3.15.1 keras/src/optimizers/base_optimizer.py only `learning_rate`.
    ("Optimizer", "lr"): AttributeReplacement(
        "learning_rate",
        "Use `.learning_rate`",
        "keras 2.15.0 optimizers/optimizer.py (lr aliases learning_rate); keras 3.15.1 base_optimizer.py",
        safe=True,
        removed_in="Keras 3.0",
    ),
    # Keras 2.2.4 keras/engine/sequential.py Sequential.predict_proba: `preds = self.predict(x, batch_size,
    # verbose)`, a warning if they fall outside [0, 1], `return preds`: predict with the same arguments.
    ("Model", "predict_proba"): AttributeReplacement(
        "predict",
        "Use `.predict(…)`: Keras 2 `predict_proba` returned exactly what `predict` returns",
        f"{_K224} keras/engine/sequential.py Sequential.predict_proba; absent from keras 2.6+",
        safe=True,
        removed_in="TF 2.6",
    ),
    # Keras 2.2.4 keras/engine/training.py Model._make_predict_function built the graph function for
    # multi-threaded servers (the Flask idiom); tf.keras and Keras 3 build what they need on first use.
    ("Model", "_make_predict_function"): AttributeReplacement(
        None,
        "Delete the call (the fix leaves `pass`): tf.keras and Keras 3 build the predict function on first use",
        f"{_K224} keras/engine/training.py; absent from keras 2.15.0 and 3.15.1",
        safe=True,
        delete_statement=True,
    ),
    # keras 2.15.0 keras/src/engine/training.py:4010 Model._set_inputs (the TF 2.0 idiom for saving a subclassed model:
    # set its inputs from a batch first); keras 3.15.1's Model has no such method: AttributeError (run on 3.15.1).
    ("Model", "_set_inputs"): AttributeReplacement(
        None,
        "Delete the call and build the model instead: call it on a batch (`model(x)`) or `model.build(input_shape)`",
        "keras 2.15.0 keras/src/engine/training.py:4010; absent from keras 3.15.1",
        removed_in="Keras 3.0",
        only_on=(Target.KERAS3,),
    ),
    # Keras 1.2.2 keras/engine/topology.py:1768 and :1968 (Container.output_layers, .layers_by_depth: public until
    # Keras 2.1); Keras 2.2.4 keras/engine/network.py:199 and :235 keep them private (`_output_layers`,
    # `_layers_by_depth`); absent from keras 2.15.0 and 3.15.1 (run: AttributeError on TF 2.15.1, held-out probe 20).
    ("Model", "output_layers"): AttributeReplacement(
        None,
        "Read the layers from `model.layers` (a Sequential model's output layer is `model.layers[-1]`)",
        "Keras 1.2.2 engine/topology.py:1768; private from Keras 2.2.4 engine/network.py:199; absent from keras 2.15.0 "
        "and 3.15.1",
    ),
    ("Model", "layers_by_depth"): AttributeReplacement(
        None,
        "Walk `model.layers`, which lists the layers in the order they are called",
        "Keras 1.2.2 engine/topology.py:1968; private from Keras 2.2.4 engine/network.py:235; absent from keras "
        "2.15.0 and 3.15.1",
    ),
    # Keras 1.2.2 keras/engine/topology.py:312 (Layer.constraints, a dict of weight to constraint; Keras 2.2.4 keeps
    # it only on wrappers); Keras 1.2.2 and 2.1.3 keras/engine/topology.py (Container.input_layers; Keras 2.2.4's
    # network.py makes it `_input_layers`) and Keras 2.0.6 topology.py:1788 (Container.container_nodes); Keras
    # 1.2.2-2.3.1 keras/engine/training.py (Model.callback_model, Model._collected_trainable_weights; keras 2.15.0
    # keeps them only in training_v1.py, the TF 1 graph model) and keras/optimizers.py (`self.initial_decay =
    # decay`; TF 2.15's legacy optimizers have `_initial_decay`). Run on TF 2.15.1 and Keras 3.15.1 (held-out probe 21):
    # AttributeError on both for each.
    ("Layer", "constraints"): AttributeReplacement(
        None,
        "Read the constraint of each weight from its own argument: `layer.kernel_constraint`, `layer.bias_constraint`",
        "Keras 1.2.2 engine/topology.py:312; absent from keras 2.15.0 and 3.15.1",
    ),
    ("Model", "input_layers"): AttributeReplacement(
        None,
        "Read `model.inputs` (the input tensors), or the `InputLayer`s among `model.layers`",
        "Keras 2.1.3 engine/topology.py:1543; private from Keras 2.2.4; absent from keras 2.15.0 and 3.15.1",
    ),
    ("Model", "container_nodes"): AttributeReplacement(
        None,
        "Walk `model.layers` and their inbound nodes instead",
        "Keras 2.0.6 engine/topology.py:1788; absent from keras 2.15.0 and 3.15.1",
    ),
    ("Model", "callback_model"): AttributeReplacement(
        None,
        "Use the model itself: callbacks get it as `self.model`",
        "Keras 2.3.1 engine/training.py; keras 2.15.0 only in training_v1.py; absent from keras 3.15.1",
    ),
    ("Model", "_collected_trainable_weights"): AttributeReplacement(
        None,
        "Read `model.trainable_weights`",
        "Keras 2.3.1 engine/training.py; keras 2.15.0 only in training_v1.py; absent from keras 3.15.1",
    ),
    ("Optimizer", "initial_decay"): AttributeReplacement(
        None,
        "Decay the rate with a schedule (`learning_rate=keras.optimizers.schedules.InverseTimeDecay(…)`)",
        "Keras 2.2.4 optimizers.py; absent from keras 2.15.0 (legacy ones: `_initial_decay`) and 3.15.1",
    ),
    # Keras 2.2.4 keras/optimizers.py:178 (each optimizer: `self.decay = K.variable(decay)`); the TF 2.11+ optimizers
    # of keras 2.15.0 and Keras 3.15.1 have no `decay` (run: AttributeError on both, held-out probe 20); TF 2.15's
    # `optimizers.legacy` ones keep it (run), so a module that makes those may read it.
    ("Optimizer", "decay"): AttributeReplacement(
        None,
        "Decay the rate with a schedule (`learning_rate=keras.optimizers.schedules.InverseTimeDecay(…)`) and read "
        "`optimizer.learning_rate`, or keep `optimizers.legacy` (tf.keras)",
        "Keras 2.2.4 optimizers.py:178; absent from keras 2.15.0 optimizers/optimizer.py and keras 3.15.1",
        unless_module_says="legacy",
    ),
    # Keras 2.2.4 keras/engine/training.py Model._make_train_function/_make_test_function: the same idiom
    # (absent from keras 2.15.0, checked on TF 2.15.1, and from keras 3.15.1).
    ("Model", "_make_train_function"): AttributeReplacement(
        None,
        "Delete the call (the fix leaves `pass`): tf.keras and Keras 3 build the train function on first use",
        f"{_K224} keras/engine/training.py; absent from keras 2.15.0 and 3.15.1",
        safe=True,
        delete_statement=True,
    ),
    ("Model", "_make_test_function"): AttributeReplacement(
        None,
        "Delete the call (the fix leaves `pass`): tf.keras and Keras 3 build the test function on first use",
        f"{_K224} keras/engine/training.py; absent from keras 2.15.0 and 3.15.1",
        safe=True,
        delete_statement=True,
    ),
    # The TF 2.11+ optimizers (keras 2.15.0 keras/src/optimizers/optimizer.py) and Keras 3's (keras 3.15.1
    # keras/src/optimizers/base_optimizer.py) have a `variables` property and no `weights`/`get_weights`, which
    # the Keras 2 optimizers had (keras 2.15.0 keras/src/optimizers/legacy/optimizer_v2.py keeps them). Run on
    # TF 2.15.1 and Keras 3.15.1: `AttributeError: 'Adam' object has no attribute 'get_weights'`.
    ("Optimizer", "get_weights"): AttributeReplacement(
        None,
        "Read `optimizer.variables` (variables, not arrays: `[v.numpy() for v in optimizer.variables]`)",
        "keras 2.15.0 optimizers/optimizer.py and keras 3.15.1 optimizers/base_optimizer.py (variables only)",
        unless_module_says="optimizers.legacy",
    ),
    # keras 2.15.0 keras/src/optimizers/legacy/optimizer_v2.py:1176 OptimizerV2._decayed_lr(var_dtype): the rate of
    # the current step, the schedule's value at `iterations` (the TF 2.2-2.10 way a callback logged a decayed rate).
    # The TF 2.11+ optimizers (keras/src/optimizers/optimizer.py) and Keras 3.15.1's have none. Run on TF 2.15.1 and
    # Keras 3.15.1: `AttributeError`; `float(optimizer.learning_rate)` in `on_epoch_end` gives the rate, with an
    # ExponentialDecay schedule the last step's on TF 2.15.1 (0.1, 0.05) and the next step's on Keras 3 (0.05, 0.025).
    ("Optimizer", "_decayed_lr"): AttributeReplacement(
        None,
        "Read `float(optimizer.learning_rate)`: the current rate, scheduled or not (with a schedule, tf.keras gives "
        "the last step's rate, Keras 3 the next step's)",
        "keras 2.15.0 optimizers/legacy/optimizer_v2.py:1176; absent from optimizers/optimizer.py and keras 3.15.1",
        removed_in="TF 2.11",
        unless_module_says="optimizers.legacy",
        own_when_set=True,  # `self._decayed_lr` in a custom optimizer: KER329 reports the class's protocol
    ),
    ("Optimizer", "weights"): AttributeReplacement(
        None,
        "Read `optimizer.variables`",
        "keras 2.15.0 optimizers/optimizer.py and keras 3.15.1 optimizers/base_optimizer.py (variables only)",
        unless_module_says="optimizers.legacy",
    ),
    # A tf.keras custom training loop with loss scaling: `scaled = opt.get_scaled_loss(loss)`, the gradients of
    # it, `grads = opt.get_unscaled_gradients(scaled_grads)`, `opt.apply_gradients(…)` (keras 2.15.0
    # loss_scale_optimizer.py:1233-1253: loss times `loss_scale`, gradients times its reciprocal; apply_gradients
    # :1267 unscales nothing). Keras 3.15.1 has `scale_loss` (:315, `dynamic_scale` once built, else
    # `initial_scale`) and unscales inside `apply`/`apply_gradients` (:213-225). Run on TF 2.15.1 (apply_gradients)
    # and Keras 3.15.1 (JAX's stateless_apply, what fit runs): a scaled gradient of 1024 for a true 1 (scale 1024,
    # SGD lr 0.1) moves w from 1 to -101.4 on TF (no unscaling), to 0.9 on Keras 3. So no drop-in rename: a loop
    # that keeps its own unscaling divides twice, and `get_scaled_loss` took a callable loss too.
    ("Optimizer", "get_scaled_loss"): AttributeReplacement(
        None,
        "Use `.scale_loss(loss)`, and drop the `get_unscaled_gradients` call: Keras 3's `apply_gradients` "
        "unscales the gradients itself",
        f"{_K215_LSO}:1233; {_K3_LSO}:315 (scale_loss)",
        removed_in="Keras 3.0",
        only_on=(Target.KERAS3,),
        only_classes=_LOSS_SCALE,
    ),
    ("Optimizer", "get_unscaled_gradients"): AttributeReplacement(
        None,
        "Delete the call and pass the gradients of the scaled loss as they are: Keras 3's `apply_gradients` "
        "divides them by the loss scale itself",
        f"{_K215_LSO}:1245; {_K3_LSO}:213-225 (apply unscales)",
        removed_in="Keras 3.0",
        only_on=(Target.KERAS3,),
        only_classes=_LOSS_SCALE,
    ),
    # keras 2.15.0 :1201 `loss_scale` (the current scale, a tensor), :1208 `dynamic_counter` (steps since the
    # last change), :1197 `dynamic`; keras 3.15.1 :104-118 creates `dynamic_scale` and `step_counter` in
    # `build` (run: AttributeError before the first step, the values after it), and :54 refuses
    # `dynamic=False`: always dynamic.
    ("Optimizer", "loss_scale"): AttributeReplacement(
        None,
        "Read `.dynamic_scale` (a variable Keras 3 creates when the optimizer is built; `.initial_scale` before "
        "the first step)",
        f"{_K215_LSO}:1201; {_K3_LSO}:112 (dynamic_scale, made in build)",
        removed_in="Keras 3.0",
        only_on=(Target.KERAS3,),
        only_classes=_LOSS_SCALE,
    ),
    ("Optimizer", "dynamic_counter"): AttributeReplacement(
        None,
        "Read `.step_counter` (a variable Keras 3 creates when the optimizer is built)",
        f"{_K215_LSO}:1208; {_K3_LSO}:105 (step_counter, made in build)",
        removed_in="Keras 3.0",
        only_on=(Target.KERAS3,),
        only_classes=_LOSS_SCALE,
    ),
    ("Optimizer", "dynamic"): AttributeReplacement(
        None,
        "Use `True`: Keras 3's LossScaleOptimizer is always dynamic (it refuses `dynamic=False`)",
        f"{_K215_LSO}:1197; {_K3_LSO}:54 (dynamic=False refused)",
        removed_in="Keras 3.0",
        only_on=(Target.KERAS3,),
        only_classes=_LOSS_SCALE,
    ),
    # keras 3.15.1 keras/src/layers/layer.py Layer.add_metric: "Permanently disabled", raises
    # NotImplementedError ("Layer `add_metric()` method is deprecated…"); run on Keras 3.15.1. keras 2.15.0
    # engine/base_layer.py add_metric logs the value (run on TF 2.15.1: a history key of its name).
    ("Layer", "add_metric"): AttributeReplacement(
        None,
        "Track it with a metric of your own: `self.tracker = keras.metrics.Mean(name=…)` in `__init__`, "
        "`self.tracker.update_state(value)` in `call` (a model lists its layers' metrics)",
        "keras 3.15.1 layers/layer.py add_metric raises NotImplementedError (permanently disabled)",
        fails_on=((Target.KERAS3, "raises NotImplementedError"),),
        fails_why="keeps it only to refuse it",
        called_only=True,
    ),
    # Keras 2.2.4 keras/engine/base_layer.py had setters for both (the Keras 1 idiom `self.trainable_weights =
    # [self.W, self.b]` in `build`); keras 2.15.0 and 3.15.1 have read-only properties: run on TF 2.15.1
    # (`AttributeError: Can't set the attribute "trainable_weights"…`) and Keras 3.15.1 (`property
    # 'trainable_weights' of 'L' object has no setter`).
    ("Layer", "trainable_weights"): AttributeReplacement(
        None,
        "Delete the assignment: weights made with `self.add_weight(…)` are tracked, trainable or not by its "
        "`trainable=`",
        f"{_K224} keras/engine/base_layer.py (setter); keras 2.15.0 and 3.15.1 read-only properties",
        fails_when_set=(Target.TF_KERAS, Target.KERAS3),
    ),
    ("Layer", "non_trainable_weights"): AttributeReplacement(
        None,
        "Delete the assignment: weights made with `self.add_weight(…, trainable=False)` are tracked as such",
        f"{_K224} keras/engine/base_layer.py (setter); keras 2.15.0 and 3.15.1 read-only properties",
        fails_when_set=(Target.TF_KERAS, Target.KERAS3),
    ),
    ("Layer", "output_shape"): AttributeReplacement(
        None,
        "Use `.output.shape` (for a layer of a built model) or `compute_output_shape(input_shape)`",
        "keras 3.15.1 keras/src/layers/layer.py (no output_shape); keras 2.15.0 engine/base_layer.py",
        removed_in="Keras 3.0",
    ),
    ("Layer", "input_shape"): AttributeReplacement(
        None,
        "Use `.input.shape` (for a layer of a built model)",
        "keras 3.15.1 keras/src/layers/layer.py (no input_shape); keras 2.15.0 engine/base_layer.py",
        removed_in="Keras 3.0",
    ),
    ("Model", "output_shape"): AttributeReplacement(
        None,
        "Use `.output.shape`",
        "keras 3.15.1 keras/src/models/functional.py has it, Model does not",
        removed_in="Keras 3.0",
    ),
    # keras 2.15.0 keras/src/metrics/base_metric.py: reset_states() calls reset_state(); Keras 3 only has
    # reset_state (keras 3.15.1 keras/src/metrics/metric.py).
    ("Metric", "reset_states"): AttributeReplacement(
        "reset_state",
        "Use `.reset_state()`",
        "keras 2.15.0 metrics/base_metric.py (reset_states calls reset_state); keras 3.15.1 metrics/metric.py",
        safe=True,
        removed_in="Keras 3.0",
    ),
    ("Model", "reset_states"): AttributeReplacement(
        None,
        "Reset each stateful layer: `for layer in model.layers: getattr(layer, 'reset_states', None) and "
        "layer.reset_states()`",
        "keras 3.15.1 keras/src/models/model.py (no reset_states; RNN layers keep theirs)",
        removed_in="Keras 3.0",
    ),
    ("Model", "to_yaml"): AttributeReplacement(
        None,
        "Use `.to_json()`",
        "keras 2.15.0 engine/training.py to_yaml raises RuntimeError",
        removed_in="TF 2.6",
    ),
    ("Model", "state_updates"): AttributeReplacement(
        None,
        "Delete it: updates are applied automatically",
        "keras 2.15.0 engine/training.py (deprecated)",
        removed_in="Keras 3.0",
    ),
    # keras 3.15.1 keras/src/callbacks/callback.py:74-100: `set_model` stores `_model`, `model` is a property with no
    # setter; keras 2.15.0 keras/src/callbacks.py Callback.__init__ sets `self.model = None`, a plain attribute. The
    # Keras 2 callback that keeps the model it is given (`self.model = model` in `__init__`): run, Keras 3.15.1 raises
    # `AttributeError: property 'model' of 'Viz' object has no setter`, TF 2.15.1 takes it (held-out probe 18).
    ("Callback", "model"): AttributeReplacement(
        None,
        "Delete the assignment: `fit` gives each callback its model (`set_model`); outside `fit`, call "
        "`callback.set_model(model)`",
        "keras 3.15.1 keras/src/callbacks/callback.py:74-100 (read-only property); keras 2.15.0 callbacks.py "
        "(an attribute)",
        fails_when_set=(Target.KERAS3,),
    ),
    # The Keras 2.2 recipe for dropping a model's last layer (`model.layers.pop()`, KER123) ends with
    # `model.outputs = [model.layers[-1].output]` and `model.layers[-1].outbound_nodes = []`. Run: Keras 3.15.1
    # refuses the first (`property 'outputs' of 'Functional' object has no setter`, Sequential too) and takes the
    # second; TF 2.15.1 takes the first and refuses the second (`Can't set the attribute "outbound_nodes"`).
    ("Model", "outputs"): AttributeReplacement(
        None,
        "Build a new model on the output you want: `keras.Model(model.inputs, model.layers[-2].output)`",
        "keras 3.15.1 keras/src/models/functional.py and sequential.py (read-only property); keras 2.15.0 sets it",
        fails_when_set=(Target.KERAS3,),
        settable_on_self=True,  # run: a `keras.Model` subclass's `self.outputs = […]` works on Keras 3.15.1
    ),
    ("Layer", "outbound_nodes"): AttributeReplacement(
        None,
        "Delete the assignment: build a new model on the output you want instead",
        f"{_K224} keras/engine/base_layer.py (an attribute); keras 2.15.0 keras/src/engine/base_layer.py "
        "(read-only property)",
        fails_when_set=(Target.TF_KERAS,),
    ),
    # Keras 1.2.2 keras/layers/core.py:794-806 (Dense), embeddings.py:95, recurrent.py, convolutional.py: a layer's
    # weights were `self.W` and `self.b` (also an Embedding's, and an RNN's concatenated ones); keras 2.15.0 and
    # 3.15.1 layers have `kernel`/`bias` (`embeddings`; an RNN's `cell.kernel`) and no `W`/`b` (held-out probe 15
    # MISS-7: `model.layers[0].W` raises `AttributeError: 'Dense' object has no attribute 'W'` on TF 2.15.1).
    ("Layer", "W"): AttributeReplacement(
        None,
        "`W` is Keras 1's name: use `.kernel` (a Dense or convolution layer; `.embeddings` of an Embedding, "
        "`.cell.kernel` of an RNN), or `.get_weights()`",
        "Keras 1.2.2 layers (self.W); keras 2.15.0 and 3.15.1 layers (kernel)",
        own_when_set=True,
    ),
    ("Layer", "b"): AttributeReplacement(
        None,
        "`b` is Keras 1's name: use `.bias` (a Dense, convolution or RNN cell layer), or `.get_weights()`",
        "Keras 1.2.2 layers (self.b); keras 2.15.0 and 3.15.1 layers (bias)",
        own_when_set=True,
    ),
    # Keras 1.2.2 keras/layers/convolutional.py Convolution1D/2D/3D kept `self.nb_filter`; Keras 2 renamed it
    # `filters` (keras 2.15.0 and 3.15.1 BaseConv/Conv have no nb_filter).
    ("Layer", "nb_filter"): AttributeReplacement(
        None,
        "`nb_filter` is Keras 1's name: use `.filters`",
        "Keras 1.2.2 layers/convolutional.py (self.nb_filter); keras 2.15.0 and 3.15.1 convolutions (filters)",
        own_when_set=True,
    ),
    # Keras 1.2.2 keras/layers/core.py Dense and recurrent.py SimpleRNN/GRU/LSTM kept `self.output_dim`; Keras 2
    # renamed it `units` (keras 2.15.0 and 3.15.1 have no `output_dim` on them: probe 15 p19 raises
    # `AttributeError: 'Dense' object has no attribute 'output_dim'` on both). An Embedding still has `output_dim`,
    # so only a layer shown to be one of these is judged.
    ("Layer", "output_dim"): AttributeReplacement(
        "units",
        "`output_dim` is Keras 1's name of the size of a Dense or recurrent layer: use `.units`",
        "Keras 1.2.2 layers/core.py and recurrent.py (self.output_dim); keras 2.15.0 and 3.15.1 (units)",
        safe=True,
        own_when_set=True,
        only_classes=("layers.Dense", "layers.SimpleRNN", "layers.GRU", "layers.LSTM"),
    ),
    # The tf.keras idiom for renaming a layer or model (ensembles of one model loaded twice): keras 2.15.0's `name` is
    # a read-only property over `_name` (run on TF 2.15.1: `layer.name = …` raises AttributeError, `layer._name = …`
    # renames). Keras 3.15.1's `name` is a plain attribute (keras/src/ops/operation.py) and nothing reads `_name`: the
    # assignment is silently lost (run: `d._name = "renamed"; d.name` is still 'dense'), and two members of an
    # ensemble keep one name (held-out probe 15 MISS-13: `ValueError: The name "member" is used 2 times`).
    ("Layer", "name"): AttributeReplacement(
        "_name",
        "Set `._name`: tf.keras's `name` is a read-only property over `_name`",
        "keras 2.15.0 engine/base_layer.py (name: property of _name, no setter)",
        safe=True,
        only_on=(Target.TF_KERAS,),
        fails_when_set=(Target.TF_KERAS,),
    ),
    ("Layer", "_name"): AttributeReplacement(
        "name",
        "Set `.name`: Keras 3's `name` is a plain attribute, and nothing reads `_name`",
        "keras 2.15.0 engine/base_layer.py (name: property of _name); keras 3.15.1 ops/operation.py (name attribute)",
        safe=True,
        only_on=(Target.KERAS3,),
    ),
    ("Layer", "updates"): AttributeReplacement(
        None,
        "Delete it: updates are applied automatically",
        "keras 3.15.1 keras/src/layers/layer.py (absent)",
        removed_in="Keras 3.0",
    ),
}


# Names a Keras class has read-only on each target: a module storing one on `self` does not make it its own there.
READ_ONLY_ATTRIBUTES: Dict[Target, FrozenSet[str]] = {
    target: frozenset(
        name
        for (_, name), fact in REPLACED_ATTRIBUTES.items()
        if target in fact.fails_when_set and not fact.settable_on_self
    )
    for target in Target
}


def replacement(kind: str, name: str) -> Optional[AttributeReplacement]:
    if kind == "Sequential":
        return (
            REPLACED_ATTRIBUTES.get(("Sequential", name))
            or REPLACED_ATTRIBUTES.get(("Model", name))
            or REPLACED_ATTRIBUTES.get(("Layer", name))
        )
    found = REPLACED_ATTRIBUTES.get((kind, name))
    if found is None and kind == "Model":
        found = REPLACED_ATTRIBUTES.get(("Layer", name))
    return found


# Properties of a core class that another Keras has as something callable, where the call gave the property's
# value: `obj.name()` there reads the same as `obj.name` here, so dropping the call is exact. (A called property
# the table says is never callable is reported without these; only these get the fix.)
CALLED_PROPERTIES: Dict[Tuple[str, str], str] = {
    # keras 2.15.0 keras/src/optimizers/optimizer.py:782 `variables` is a property returning a CallableList whose
    # call returns the list itself (optimizer.py:1380); the legacy OptimizerV2.variables() returns its variables;
    # keras 3.15.1 keras/src/optimizers/base_optimizer.py:235 has the property only (run on TF 2.15.1:
    # `opt.variables() == opt.variables`; on Keras 3.15.1 `opt.variables()` raises TypeError: 'list' object is
    # not callable, and `opt.variables` reads the list on both).
    ("Optimizer", "variables"): "keras 2.15.0 optimizers/optimizer.py:782,1380; keras 3.15.1 base_optimizer.py:235",
}
