"""Whole-module fixes of Keras 1 call forms: the exact text after every round, and nothing after."""

from __future__ import annotations

import pytest

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.engine import check_source
from kerascheck.fix import fix_until_stable
from kerascheck.guards import Guard


def fixed(source: str, target: Target = Target.KERAS3, unsafe: bool = True) -> str:
    settings = Settings(target=target)
    check = lambda text: check_source(text, settings)  # noqa: E731
    text, _ = fix_until_stable(source, check, unsafe=unsafe, guard=Guard(target))
    again, more = fix_until_stable(text, check, unsafe=unsafe, guard=Guard(target))
    assert (again, more) == (text, []), "a second run changed the code again"
    return text


def test_every_merge_call_of_a_module_becomes_its_layer_and_merge_leaves_the_import():
    source = (
        "from keras.layers import Input, merge\n"
        "a, b = Input((4,)), Input((4,))\n"
        "x = merge([a, b], mode='sum')\n"
        "y = merge([a, x],\n"
        "          mode='concat', concat_axis=1)\n"
        "z = merge([a, y], mode='ave', name='mean')\n"
    )
    assert fixed(source, unsafe=False) == (
        "from keras.layers import Input, Add, Average, Concatenate\n"
        "a, b = Input((4,)), Input((4,))\n"
        "x = Add()([a, b])\n"
        "y = Concatenate(axis=1)([a, x])\n"
        "z = Average(name='mean')([a, y])\n"
    )


def test_merge_calls_are_fixed_all_together_or_not_at_all():
    """The import loses `merge` in the round its calls become layers: one unit for the guards."""
    nested = "from keras.layers import merge\ny = merge([merge([a, b], mode='mul'), x], mode='concat')\n"
    assert fixed(nested) == nested
    unsafe = "from keras.layers import merge\nx = merge([a, b], mode='sum')\ny = merge([a, x], mode='cos')\n"
    assert fixed(unsafe, unsafe=False) == unsafe
    assert fixed(unsafe) == (
        "from keras.layers import Add, Dot\nx = Add()([a, b])\ny = Dot(axes=-1, normalize=True)([a, x])\n"
    )


def test_a_function_as_mode_becomes_a_lambda():
    defined = "def where(t):\n    return t[0]\n"
    source = f"from keras.layers import merge\n{defined}z = merge([a, b], mode=where, output_shape=(4,))\n"
    assert fixed(source, unsafe=False) == source
    assert fixed(source) == (
        f"from keras.layers import Lambda\n{defined}z = Lambda(where, output_shape=(4,))([a, b])\n"
    )


def test_merge_modes_that_need_a_look_are_fixed_only_with_unsafe_fixes():
    source = "from keras.layers import merge\nz = merge([a, b], mode='cos', dot_axes=1)\n"
    assert fixed(source, unsafe=False) == source
    assert fixed(source) == "from keras.layers import Dot\nz = Dot(axes=1, normalize=True)([a, b])\n"


@pytest.mark.parametrize(
    "source",
    [
        "from keras.layers import merge\nz = merge([a, b], mode=mode)\nz = merge([a, b], mode='sum')\n",
        "from keras.layers import merge\nz = merge([a, b], 'sum')\n",  # positional mode: left to a human
        "from keras.layers import merge\nAdd = 1\nz = merge([a, b], mode='sum')\n",  # Add is the module's own
    ],
)
def test_merge_without_a_certain_rewrite_keeps_merge(source):
    assert "merge" in fixed(source).splitlines()[0]


def test_sequential_merge_of_models_gets_no_fix():
    source = "from keras.layers import Merge\nmodel.add(Merge([left, right], mode='sum'))\n"
    assert fixed(source) == source


def test_keras1_kernel_keywords_and_dropped_keywords():
    source = (
        "from keras.layers import Convolution3D, BatchNormalization, Deconvolution2D\n"
        "c = Convolution3D(nb_filter=1, kernel_dim1=1, kernel_dim2=3,\n"
        "                  kernel_dim3=3, border_mode='same')\n"
        "n = BatchNormalization(mode=0)\n"
        "d = Deconvolution2D(8, 3, 3, (None, 8, 8, 8), subsample=(2, 2))\n"
        "e = Deconvolution2D(8, 3, 3, output_shape=shape)\n"
    )
    assert fixed(source, Target.TF_KERAS) == (  # the import runs on TF 2.15 (its keras package): left as it is
        "from keras.layers import Conv3D, BatchNormalization, Conv2DTranspose\n"
        "c = Conv3D(filters=1, kernel_size=(1, 3, 3), padding='same')\n"
        "n = BatchNormalization()\n"
        "d = Conv2DTranspose(8, (3, 3), strides=(2, 2))\n"
        "e = Conv2DTranspose(8, (3, 3))\n"
    )


def test_a_comment_inside_the_arguments_keeps_the_keyword():
    source = "from keras.layers import BatchNormalization\nn = BatchNormalization(axis=1,  # why\n  mode=0)\n"
    assert fixed(source) == source


def test_batchnorm_mode_other_than_zero_is_guidance_only():
    source = "from keras.layers import BatchNormalization\nn = BatchNormalization(mode=2)\n"
    assert fixed(source) == source


def test_kernel_size_one_with_strides_keyword_is_merged():
    source = "from keras.layers import Convolution2D\nc = Convolution2D(8, 1, 1, subsample=(2, 2))\n"
    assert fixed(source) == "from keras.layers import Conv2D\nc = Conv2D(8, (1, 1), strides=(2, 2))\n"


def test_backend_functions_become_ops_and_ops_is_imported_beside_backend():
    source = (
        "from keras import backend as K\nfrom keras.layers import Convolution2D\n"
        "def loss(y, p):\n    return K.mean(K.square(p - y), axis=-1) + K.concatenate([y, p]).shape[0]\n"
        "c = Convolution2D(8, 3, 3)\n"
    )
    assert fixed(source) == (
        "from keras import ops, backend as K\nfrom keras.layers import Conv2D\n"
        "def loss(y, p):\n    return ops.mean(ops.square(p - y), axis=-1) + K.concatenate([y, p]).shape[0]\n"
        "c = Conv2D(8, (3, 3))\n"
    )


def test_summary_says_what_is_left_and_why(tmp_path, kerascheck):
    module = tmp_path / "model.py"
    module.write_text(
        "from keras.layers import Embedding, merge\nfrom keras.optimizers import SGD\n"
        "e = Embedding(10, 4, dropout=0.2)\nx = merge([a, b], mode='cos')\ns = SGD(0.1, decay=1e-6)\n"
    )
    done = kerascheck("--keras-target", "keras3", "--fix", "model.py", cwd=tmp_path)
    assert done.stdout.splitlines()[-1] == (
        "Found 4 findings (3 fixable with --fix --unsafe-fixes; 1 without a fix, whose messages say what to write)."
    )


_IRNN = (
    "from keras.layers import SimpleRNN\n"
    "from keras.initializations import normal, identity\n"
    "rnn = SimpleRNN(output_dim=8,\n"
    "                init=lambda shape, name: normal(shape, scale=0.001, name=name),\n"
    "                inner_init=lambda shape, name: identity(shape, scale=1.0, name=name))\n"
)


@pytest.mark.parametrize("target", [Target.KERAS3, Target.TF_KERAS])
def test_keras1_initializer_lambdas_become_initializer_objects(target):
    """Keras 1.2.2 examples/mnist_irnn.py's idiom; the import brings the classes in the same round."""
    # the imports stay on standalone keras on tf.keras too: keras 2.15, beside TF 2.15, has both modules
    assert fixed(_IRNN, target, unsafe=False) == (
        "from keras.layers import SimpleRNN\n"
        "from keras.initializers import RandomNormal, Identity\n"
        "rnn = SimpleRNN(units=8,\n"
        "                kernel_initializer=RandomNormal(stddev=0.001),\n"
        "                recurrent_initializer=Identity(gain=1.0))\n"
    )


def test_fixed_initializer_lambdas_build_on_keras3(real_keras3):
    """The fixed layer builds on the real Keras 3 and draws what Keras 1's functions drew."""
    keras = real_keras3
    numpy = pytest.importorskip("numpy")
    scope: dict = {}
    exec(compile(fixed(_IRNN), "<fixed>", "exec"), scope)  # noqa: S102
    rnn = scope["rnn"]
    rnn.build((None, 5, 3))
    kernel, recurrent = (keras.ops.convert_to_numpy(w) for w in rnn.weights[:2])
    assert numpy.array_equal(recurrent, numpy.eye(8))  # Keras 1 identity(shape, scale=1.0)
    assert 0 < kernel.std() < 0.01  # Keras 1 normal(shape, scale=0.001): N(0, 0.001)


def test_only_the_exact_keras1_call_shape_is_rewritten():
    uniform = "from keras.layers import Dense\nfrom keras.initializations import uniform\n"
    extra = uniform + "d = Dense(4, init=lambda shape, name: uniform(shape, 0.1, name=name, dim_ordering='th'))\n"
    assert "lambda shape, name: uniform" in fixed(extra)
    reused = uniform + "d = Dense(4, init=lambda shape, name: uniform(shape, 0.1, name=name))\nw = uniform((2, 2))\n"
    assert "lambda shape, name: uniform" in fixed(reused)  # `uniform` is still used: the import stays
    exact = uniform + "d = Dense(4, init=lambda shape, name: uniform(shape, a - b, name=name))\n"
    assert fixed(exact) == (
        "from keras.layers import Dense\nfrom keras.initializers import RandomUniform\n"
        "d = Dense(4, kernel_initializer=RandomUniform(minval=-(a - b), maxval=a - b))\n"
    )


def test_orthogonal_lambda_is_an_unsafe_fix_with_keras1_default_gain():
    source = (
        "from keras.layers import LSTM\nfrom keras.initializations import orthogonal\n"
        "r = LSTM(4, inner_init=lambda shape, name: orthogonal(shape, name=name))\n"
    )
    assert "orthogonal(shape" in fixed(source, unsafe=False)
    assert fixed(source) == (
        "from keras.layers import LSTM\nfrom keras.initializers import Orthogonal\n"
        "r = LSTM(4, recurrent_initializer=Orthogonal(gain=1.1))\n"
    )


@pytest.mark.parametrize(
    "imports, fixed_imports",
    [
        ("from keras.layers import AtrousConvolution2D, Dense", "from keras.layers import Conv2D, Dense"),
        ("from keras.layers import Conv2D, AtrousConvolution2D", "from keras.layers import Conv2D"),
        ("from keras.layers.convolutional import AtrousConvolution2D", "from keras.layers import Conv2D"),
        ("from keras.layers import AtrousConvolution2D, Conv2D", "from keras.layers import Conv2D"),
        ("from keras.layers import Convolution2D, AtrousConvolution2D", "from keras.layers import Conv2D"),
        (
            "from keras.layers import Convolution2D as C, AtrousConvolution2D",
            "from keras.layers import Conv2D as C, Conv2D",
        ),
    ],
)
def test_atrous_convolution_becomes_conv2d_with_dilation_rate(imports, fixed_imports):
    """The call, `atrous_rate=`, Keras 1's `nb_row, nb_col` and the import change together, whether the
    import already brings `Conv2D`, or will once KER110 renames its `Convolution2D`."""
    source = f"{imports}\ny = AtrousConvolution2D(64, 3, 3, atrous_rate=(2, 2), border_mode='same')(x)\n"
    assert fixed(source, unsafe=False) == (
        f"{fixed_imports}\ny = Conv2D(64, (3, 3), dilation_rate=(2, 2), padding='same')(x)\n"
    )


def test_atrous_convolutions_of_one_import_are_fixed_together_on_both_targets():
    source = (
        "from keras.layers import Convolution2D, AtrousConvolution2D, AtrousConvolution1D\n"
        "x = Convolution2D(8, 3, 3, border_mode='same')(x)\n"
        "y = AtrousConvolution2D(64, 3, 3, atrous_rate=2, init='he_normal')(x)\n"
        "z = AtrousConvolution1D(8, 3, atrous_rate=2, subsample_length=1)(z)\n"
        "w = AtrousConvolution1D(8, 5)(z)\n"
    )
    body = (
        "x = Conv2D(8, (3, 3), padding='same')(x)\n"
        "y = Conv2D(64, (3, 3), dilation_rate=2, kernel_initializer='he_normal')(x)\n"
        "z = Conv1D(8, 3, dilation_rate=2, strides=1)(z)\n"
        "w = Conv1D(8, 5)(z)\n"
    )
    assert fixed(source, unsafe=False) == "from keras.layers import Conv2D, Conv1D\n" + body
    assert fixed(source, Target.TF_KERAS, unsafe=False) == "from keras.layers import Conv2D, Conv1D\n" + body


def test_atrous_convolution_used_other_than_as_a_call_is_not_fixed():
    source = (
        "from keras.layers import AtrousConvolution2D\nlayer_class = AtrousConvolution2D\n"
        "y = AtrousConvolution2D(8, 3, 3)(x)\n"
    )
    assert "AtrousConvolution2D" in fixed(source)
    positional_init = "from keras.layers import AtrousConvolution1D\ny = AtrousConvolution1D(8, 3, 'he_normal')(x)\n"
    assert "AtrousConvolution1D" in fixed(positional_init)


def test_fixed_atrous_convolution_builds_with_its_dilation_on_keras3(real_keras3):
    source = (
        "from keras.layers import AtrousConvolution2D, Input\n"
        "x = Input((16, 16, 3))\n"
        "y = AtrousConvolution2D(4, 3, 3, atrous_rate=(2, 2), border_mode='valid')(x)\n"
    )
    scope: dict = {}
    exec(compile(fixed(source), "<fixed>", "exec"), scope)  # noqa: S102
    assert tuple(scope["y"].shape) == (None, 12, 12, 4)  # a 3x3 kernel dilated by 2 spans 5 pixels
