"""What the Keras 3 rules can see of a value without running the code: a path's end, a name bound once,
a Keras model (rules/values.py, through KER208 and KER222, whose findings depend on it)."""

from __future__ import annotations

import ast

import pytest

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.context import Context
from kerascheck.engine import check_source
from kerascheck.rules.values import string_tail
from tests.conftest import codes_at

K3 = Target.KERAS3


def saving(source: str):
    return [(line, col) for code, line, col in codes_at(source, K3) if code == "KER208"]


@pytest.mark.parametrize(
    "path",
    [
        "'w.h5'",
        "'%s_w.h5' % run",
        "'{}/w.h5'.format(run)",
        "f'{run}/w.h5'",
        "run + '/w.h5'",
        "os.path.join(run, 'w.h5')",
        "str(Path(run) / 'w.h5')",
        "Path(run, 'w.h5')",
        "weights_path",
        # a number right before the end: its characters are digits and a few more, never `.weights`
        "'w_%03d.h5' % epoch",
        "'w_%(epoch)d.h5' % logs",
        "'w_{:02d}.h5'.format(epoch)",
        "'w_{epoch:02d}-{loss:.4f}.h5'.format(epoch=1, loss=0.5)",
        "f'w_{epoch:02d}.h5'",
        "os.path.join(run, 'w_%d.h5' % epoch)",
        "'%s_%d.h5' % (run, epoch)",
        "run + f'_{epoch:03d}.h5'",
    ],
)
def test_a_path_whose_end_is_seen_is_checked(path):
    source = f"import os\nfrom pathlib import Path\nimport keras\nweights_path = 'w.h5'\nmodel.save_weights({path})\n"
    assert saving(source) == [(5, 19)]


@pytest.mark.parametrize(
    "path",
    [
        "f'{run}/{name}'",  # ends in a placeholder
        "run + '5'",  # run may end in '.weights.h'
        "'%s' % name",
        "'w_%s.h5' % name",  # name may end in '.weights'
        "'w_{}.h5'.format(epoch)",  # a field of any type
        "f'w_{epoch}.h5'",
        "'w_{:%Y.%m}.h5'.format(day)",  # a date's spec: no number's
        "'w_{{{}}}.h5'.format(epoch)",  # escaped braces: not read
        "make_path()",
        "twice",  # bound twice
        "parameter",
    ],
)
def test_a_path_whose_end_is_not_seen_is_left_alone(path):
    source = (
        "import keras\ntwice = 'a.h5'\ntwice = 'b.weights.h5'\n\n"
        f"def save(model, parameter):\n    model.save_weights({path})\n"
    )
    assert saving(source) == []


@pytest.mark.parametrize(
    "path, found",
    [
        ("'snap_%d' % epoch", True),  # no suffix at all: a number ends it
        ("f'snap_{epoch:03d}'", True),
        ("'snap_{:d}'.format(epoch)", True),
        ("'m.h%d' % 5", False),  # 'm.h5': the number may finish the suffix
        ("f'm.hdf{version:d}'", False),
        ("'m_%d.keras' % epoch", False),
    ],
)
def test_a_number_may_finish_a_suffix_only_where_its_characters_allow(path, found):
    """`model.save("snap_%d" % epoch)` is refused by Keras 3.15.1 (a name with no suffix), shown as 'snap_<number>';
    a number can still be the `5` of `.h5`."""
    source = f"import keras\nmodel = keras.Sequential()\nmodel.save({path})\n"
    findings = [f for f in check_source(source, Settings(target=K3)) if f.code == "KER208"]
    assert bool(findings) is found
    if found:
        assert "'snap_<number>'" in findings[0].message


@pytest.mark.parametrize(
    "loop, path, found",
    [
        ("for epoch in range(3):", "f'gen_{epoch}.h5'", True),  # an int: digits only
        ("for epoch in range(3):", "'gen_{}.h5'.format(epoch)", True),
        ("for epoch in range(3):", "'gen_{e}.h5'.format(e=epoch)", True),
        ("for epoch in range(3):", "'gen_' + str(epoch) + '.h5'", True),
        ("for epoch in epochs:", "f'gen_{epoch}.h5'", False),  # anything: it may end in '.weights'
        ("for epoch in range(3):", "f'gen_{epoch!s}.h5'", True),  # str() of an int
        ("for epoch in range(3):", "f'gen_{epoch:>8}.h5'", False),  # a spec that writes no number: not read
        ("for epoch in range(3):\n    epoch = tag", "f'gen_{epoch}.h5'", False),  # bound again
        ("def range(n):\n    return tags\nfor epoch in range(3):", "f'gen_{epoch}.h5'", False),  # another range
        (
            "class Saver(keras.callbacks.Callback):\n    def on_epoch_end(self, epoch, logs=None):",
            "f'w_{epoch}.h5'",
            True,
        ),
        (
            "class Saver(keras.callbacks.Callback):\n    def on_epoch_end(self, logs, epoch=None):",
            "f'w_{epoch}.h5'",
            False,
        ),
        ("class Saver:\n    def on_epoch_end(self, epoch, logs=None):", "f'w_{epoch}.h5'", False),
    ],
)
def test_an_int_written_into_a_name_is_a_number(loop, path, found):
    """A GAN script's `generator.save_weights(f"gen_{epoch}.h5")` in `for epoch in range(…)`, a checkpointing callback's
    `on_epoch_end(self, epoch, …)`: Keras passes the epoch as an `int` and `range` gives ints, so the name ends in
    digits and `.h5`, never `.weights.h5` (Keras 3.15.1 raises)."""
    indent = " " * (4 * (1 + loop.count("\n    def ")))
    source = f"import keras\n{loop}\n{indent}model.save_weights({path})\n"
    findings = [f for f in check_source(source, Settings(target=K3)) if f.code == "KER208"]
    assert bool(findings) is found


@pytest.mark.parametrize(
    "assignment, found",
    [
        ("path, other = 'w.h5', 3", [(6, 19)]),  # each name of the target is bound to its item
        ("[other, path] = [3, 'w.h5']", [(6, 19)]),
        ("path, other = 'w.h5', 3, 4", []),  # not as many items: a ValueError, nothing to read
        ("path, other = paths()", []),  # an item of something unknown
        ("path, *rest = 'w.h5', 3", []),
        ("(path, other), more = ('w.h5', 3), 4", []),  # nested targets are not read
    ],
)
def test_a_tuple_target_binds_each_name_to_its_item(assignment, found):
    source = f"import keras\n{assignment}\nmodel = keras.Sequential()\n\n\nmodel.save_weights(path)\n"
    assert saving(source) == found


def test_a_suffix_a_placeholder_may_complete_is_no_finding():
    assert saving("import keras\nmodel.save_weights(f'{stem}_w.h5')\n") == [(2, 19)]
    assert saving("import keras\nmodel.save_weights(f'{stem}.h5')\n") == []  # stem may end in '.weights'
    assert saving("import keras\nmodel.save_weights(f'{stem}s')\n") == [(2, 19)]


def test_save_needs_a_receiver_that_is_certainly_a_keras_model():
    source = (
        "import keras\nfrom keras.callbacks import Callback\n\n"
        "def build():\n    return keras.Sequential()\n\n"
        "class Saver(Callback):\n    def on_epoch_end(self, epoch, logs=None):\n        self.model.save('snapshot')\n\n"
        "class Other:\n    def save_it(self):\n        self.model.save('snapshot')\n\n"
        "net = build()\nnet.save('exported')\nvectors.save('word2vec.model')\n"
    )
    assert saving(source) == [(9, 24), (16, 9)]


_SEQUENTIAL = "keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])"


@pytest.mark.parametrize(
    "bindings, found",
    [
        # every binding that can reach the save is a model (corpus triage 12, M1: handson-ml2 chapter 15; run on
        # Keras 3.15.1: ValueError: Invalid filepath extension for saving)
        (f"model = {_SEQUENTIAL}\nmodel = {_SEQUENTIAL}\n", [(4, 11)]),
        (f"model = {_SEQUENTIAL}\nmodel = keras.models.load_model('m.keras')\n", [(4, 11)]),
        (f"model = word2vec.Word2Vec()\nmodel = {_SEQUENTIAL}\n", [(4, 11)]),  # overwritten before the save
        (f"model = {_SEQUENTIAL}\nif big:\n    model = {_SEQUENTIAL}\n", [(5, 11)]),
        # a binding not shown to be a model can reach it: another library's save() is never guessed at
        (f"model = {_SEQUENTIAL}\nif word_vectors:\n    model = word2vec.Word2Vec()\n", []),
        (f"model = {_SEQUENTIAL}\nfor model in models:\n    pass\n", []),
        (f"model = {_SEQUENTIAL}\nmodel = {_SEQUENTIAL}\ndef swap():\n    global model\n    model = other\n", []),
    ],
)
def test_save_of_a_name_bound_again_needs_every_binding_that_reaches_it_to_be_a_model(bindings, found):
    assert saving(f"import keras\n{bindings}model.save('my_sketchrnn')\n") == found


def test_metric_keys_follow_a_name_bound_to_a_history():
    source = (
        "import keras\nmodel.compile(loss='mse', metrics=['accuracy'])\nh = model.fit(x, y).history\n"
        "print(h['val_acc'])\nclass Log:\n    def show(self):\n        return self.history['acc']\n"
    )
    assert [line for code, line, _ in codes_at(source) if code == "KER222"] == [4]


def test_a_function_metric_logs_under_its_own_name():
    """`metrics=["accuracy", rmse]` logs `accuracy`, `loss`, `rmse` (TF 2.15.1 and Keras 3.15.1), so
    `history.history["acc"]` is a KeyError; a function called `acc` would log `acc`."""
    body = "def {0}(y, p):\n    return y\nmodel.compile(loss='mse', metrics=['accuracy', {0}])\n"
    body += "history = model.fit(x, y)\nprint(history.history['acc'])\n"
    source = "from tensorflow import keras\n" + body
    assert [line for code, line, _ in codes_at(source.format("rmse")) if code == "KER222"] == [6]
    assert [code for code, _, _ in codes_at(source.format("acc")) if code == "KER222"] == []
    unknown = source.format("rmse").replace("rmse])", "keras.metrics.MeanMetricWrapper(rmse, name=n)])")
    assert [code for code, _, _ in codes_at(unknown) if code == "KER222"] == []  # a metric object: any name


@pytest.mark.parametrize(
    "path, tail",
    [
        ("os.path.join(out, 'weights.h5')", ("/weights.h5", False)),
        ("os.path.join('runs', 'w', 'best.h5')", ("/best.h5", False)),
        ("os.path.join(out, '/abs.h5')", ("/abs.h5", False)),
        ("os.path.join('m.keras')", ("m.keras", True)),
        ("pathlib.Path(out) / 'weights.h5'", ("/weights.h5", False)),
        ("out + 'weights.h5'", ("weights.h5", False)),
        ("os.path.join(out, f'{name}.h5')", (".h5", False)),
    ],
)
def test_a_joined_paths_last_part_follows_a_separator(path, tail):
    source = f"import os\nimport pathlib\nimport keras\nmodel = keras.Sequential()\nmodel.save_weights({path})\n"
    tree = ast.parse(source)
    ctx = Context(tree, source.splitlines(True), Settings(target=Target.KERAS3))
    call = tree.body[-1].value
    found = string_tail(ctx, call.args[0])
    assert (found.text, found.complete) == tail


def test_a_format_field_named_by_a_non_ascii_digit_is_no_index():
    """`'{³}'.isdigit()` holds, but `int('³')` raises: such a field is read as a name, never as an index."""
    source = "import keras\nmodel.save_weights('w_{\u00b3}.h5'.format(3))\n"
    tree = ast.parse(source)
    ctx = Context(tree, source.splitlines(True), Settings(target=Target.KERAS3))
    found = string_tail(ctx, tree.body[-1].value.args[0])
    assert (found.text, found.complete, found.number) == (".h5", False, None)
