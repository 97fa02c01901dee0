"""KER224: an .h5 model compiled with a short loss name, which Keras 3 cannot load back; reported only
where the module shows the loaded file holds such a model."""

from __future__ import annotations

import pytest

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.engine import check_source
from kerascheck.fix import apply_fixes

_MODEL = "import keras\nmodel = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"


def _found(source: str, target: Target = Target.KERAS3):
    return [f for f in check_source(source, Settings(target=target)) if f.code == "KER224"]


@pytest.mark.parametrize(
    "tail, fixed_loss",
    [
        # a checkpoint of the module's only compiled model; the path through a name
        ("model.compile(optimizer='adam', loss='msle')\nPATH = 'runs/best.h5'\n"
         "saver = keras.callbacks.ModelCheckpoint(PATH, save_best_only=True)\nbest = keras.models.load_model(PATH)\n",
         "mean_squared_logarithmic_error"),
        # several outputs, one of them with a short name
        ("model.compile('adam', loss={'a': 'binary_crossentropy', 'b': 'kld'})\nmodel.save('m.hdf5')\n"
         "keras.saving.load_model('m.hdf5', compile=True)\n", "kl_divergence"),
    ],
)  # fmt: skip
def test_reported_at_the_load_and_fixed_at_the_compile(tail, fixed_loss):
    source = _MODEL + tail
    (finding,) = _found(source)
    assert "load_model" in finding.message and "Could not deserialize" in finding.message
    fixed = apply_fixes(source, [finding])[0]
    assert f"'{fixed_loss}'" in fixed and fixed.count("\n") == source.count("\n")


@pytest.mark.parametrize(
    "tail",
    [
        "model.compile('adam', 'mse')\nmodel.save('m.h5')\nkeras.models.load_model('m.h5', compile=False)\n",
        "model.compile('adam', 'mse')\nmodel.save('m.h5')\nkeras.models.load_model('other.h5')\n",
        "model.compile('adam', 'mse')\nmodel.save('m.keras')\nkeras.models.load_model('m.keras')\n",
        "model.compile('adam', 'mse')\nkeras.models.load_model('m.h5')\n",  # a file from elsewhere
        "model.compile('adam', keras.losses.MeanSquaredError())\nmodel.save('m.h5')\nkeras.models.load_model('m.h5')\n",
        # weights only
        "model.compile('adam', 'mse')\nc = keras.callbacks.ModelCheckpoint('m.h5', save_weights_only=True)\n"
        "keras.models.load_model('m.h5')\n",
        # a checkpoint, and two models compiled differently: which one it saves is not seen
        "model.compile('adam', 'mse')\nother = keras.Sequential()\nother.compile('adam', 'binary_crossentropy')\n"
        "c = keras.callbacks.ModelCheckpoint('m.h5')\nkeras.models.load_model('m.h5')\n",
        # a receiver that is no Keras model
        "import mylib\nnet = mylib.Net()\nnet.compile('adam', 'mse')\nnet.save('m.h5')\n"
        "keras.models.load_model('m.h5')\n",
    ],
)
def test_not_reported(tail):
    assert _found(_MODEL + tail) == []


def test_not_reported_on_tf_keras():
    source = _MODEL + "model.compile('adam', 'mse')\nmodel.save('m.h5')\nkeras.models.load_model('m.h5')\n"
    assert _found(source) and _found(source, Target.TF_KERAS) == []
