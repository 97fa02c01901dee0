"""--fix on a notebook rewrites only the changed cells' source, in the file's own JSON layout."""

from __future__ import annotations

import copy
import json

import pytest

from kerascheck.config import Settings
from kerascheck.runner import check_and_fix_notebook

DATA = {
    "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Modèle – “Keras 1”\n", "text"]},
        {
            "cell_type": "code",
            "execution_count": 1,
            "metadata": {"tags": ["ü"]},
            "outputs": [{"name": "stdout", "output_type": "stream", "text": ["ok é\n"]}],
            "source": ["from keras.layers.core import Dense\n", "layer = Dense(output_dim=3)  # é"],
        },
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": ["x = 1"]},
    ],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}
FIXED_SOURCE = ["from tensorflow.keras.layers import Dense\n", "layer = Dense(units=3)  # é"]


def jupyter(data):
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def compact_escaped(data):
    return json.dumps(data, separators=(",", ":"))


def tabs_crlf_escaped(data):
    return json.dumps(data, indent="\t").replace("\n", "\r\n") + "\r\n"


def two_spaces_spaced(data):
    return json.dumps(data, indent=2, ensure_ascii=False, separators=(" , ", " : "))


@pytest.mark.parametrize("layout", [jupyter, compact_escaped, tabs_crlf_escaped, two_spaces_spaced])
@pytest.mark.parametrize("as_string", [False, True], ids=["source-lines", "source-string"])
def test_fix_keeps_the_file_layout_byte_for_byte(layout, as_string):
    data, expected = copy.deepcopy(DATA), copy.deepcopy(DATA)
    expected["cells"][1]["source"] = FIXED_SOURCE
    if as_string:
        for notebook in (data, expected):
            notebook["cells"][1]["source"] = "".join(notebook["cells"][1]["source"])
    raw = layout(data)
    outcome = check_and_fix_notebook(raw, Settings(), fix=True, unsafe=False)
    assert outcome.new_text == layout(expected)  # every byte but the changed cell's source is the file's
    assert [finding.code for finding in outcome.fixed] == ["KER101", "KER201"]


def test_only_the_changed_source_value_is_rewritten():
    raw = jupyter(DATA).replace('"x = 1"', '"x = 1"   ')  # odd spacing in an unchanged cell stays
    outcome = check_and_fix_notebook(raw, Settings(), fix=True, unsafe=False)
    assert '"x = 1"   ' in outcome.new_text
    assert outcome.new_text.replace(json.dumps(FIXED_SOURCE[0])[1:-1], "").count("tensorflow") == 0


def test_a_notebook_with_nothing_to_fix_is_not_rewritten():
    raw = jupyter({**DATA, "cells": DATA["cells"][2:]})
    assert check_and_fix_notebook(raw, Settings(), fix=True, unsafe=False).new_text is None
