"""Facts that rules used to spell out themselves, now in the catalog: each is used (a wrong or unused fact
fails here) and, where cheap, run on the real Keras."""

from __future__ import annotations

import pytest

from kerascheck.catalog.implementations import NON_MIXING_PAIRS
from kerascheck.catalog.model import Target
from kerascheck.names import KERAS, TF_KERAS, TF_KERAS_PACKAGE, TF_PYTHON_KERAS
from kerascheck.rules import RULES_BY_CODE
from tests.conftest import findings_of

# One use of each implementation, as a module writes it.
_USES = {
    KERAS: "import keras\nkeras.layers.Dense(1)\n",
    TF_KERAS: "import tensorflow as tf\ntf.keras.layers.Dense(1)\n",
    TF_KERAS_PACKAGE: "import tf_keras\ntf_keras.layers.Dense(1)\n",
    TF_PYTHON_KERAS: "from tensorflow.python.keras.layers import Dense\nDense(1)\n",
}
_MIXING_CODES = {KERAS: "KER401", TF_KERAS_PACKAGE: "KER402", TF_PYTHON_KERAS: "KER403"}


def _mixing_codes(source: str, target: Target):
    return sorted(f.code for f in findings_of(source, target) if f.code in ("KER401", "KER402", "KER403"))


@pytest.mark.parametrize("pair", NON_MIXING_PAIRS, ids=lambda pair: f"{pair.first}+{pair.second}")
@pytest.mark.parametrize("target", list(Target), ids=str)
def test_each_pair_that_does_not_mix_is_reported_where_it_does_not_mix(pair, target):
    source = _USES[pair.first] + _USES[pair.second]
    expected = [_MIXING_CODES[pair.first]] if target in pair.targets else []
    assert _mixing_codes(source, target) == expected


@pytest.mark.parametrize("target", list(Target), ids=str)
def test_implementations_no_pair_names_mix_freely(target):
    listed = {frozenset((pair.first, pair.second)) for pair in NON_MIXING_PAIRS if target in pair.targets}
    for first in _USES:
        for second in _USES:
            if first != second and frozenset((first, second)) not in listed:
                assert _mixing_codes(_USES[first] + _USES[second], target) == [], (first, second)


def test_mixing_rules_read_their_targets_from_the_pairs():
    for first, code in _MIXING_CODES.items():
        rule = RULES_BY_CODE[code]
        assert rule.pairs and {pair.first for pair in rule.pairs} == {first}
        assert rule.targets == frozenset().union(*(pair.targets for pair in rule.pairs)), code


# --- KER505: what each tf-keras release requires of tensorflow ------------------------------------------


def _ker505(tmp_path, requirements: str):
    from kerascheck.config import Settings
    from kerascheck.pins import read_pins
    from kerascheck.project import Project

    (tmp_path / "requirements.txt").write_text(requirements)
    project = Project(Settings(), modules=[], pins=read_pins(tmp_path), target_was_chosen=True)
    return [finding.message for _, finding in RULES_BY_CODE["KER505"]().check_project(project)]


def test_ker505_says_what_the_tf_keras_release_requires(tmp_path):
    from kerascheck.catalog.releases import TF_KERAS_REQUIRES_TENSORFLOW

    for requirement in TF_KERAS_REQUIRES_TENSORFLOW:
        low = requirement.tf_keras.split(",")[0][2:]  # ">=2.16,<2.17" -> "2.16"
        major, minor = low.split(".")
        assert _ker505(tmp_path, f"tensorflow=={low}.0\ntf-keras=={low}.0\n") == []
        earlier = f"{major}.{int(minor) - 1}.0"
        assert _ker505(tmp_path, f"tensorflow=={earlier}\ntf-keras=={low}.0\n") == [
            f"`tf-keras=={low}.0` cannot be used with `tensorflow=={earlier}` (requirements.txt:1): "
            f"tf-keras {low} requires `tensorflow{requirement.tensorflow}`"
        ]


def test_ker505_leaves_tf_keras_releases_that_require_no_tensorflow(tmp_path):
    """tf-keras 2.14.1, the first release, has no Requires-Dist on tensorflow: pip installs it with any."""
    assert _ker505(tmp_path, "tensorflow==2.17.0\ntf-keras==2.14.1\n") == []


def test_tf_keras_requirement_is_the_wheels_metadata():
    from pathlib import Path

    from kerascheck.catalog.releases import TF_KERAS_REQUIRES_TENSORFLOW

    metadata = Path("/work/wheels/src/tf_keras-2.15.1/tf_keras-2.15.1.dist-info/METADATA")
    if not metadata.exists():
        pytest.skip("the tf_keras 2.15.1 wheel is not unpacked here")
    required = [
        line.split(":", 1)[1].strip()
        for line in metadata.read_text().splitlines()
        if line.startswith("Requires-Dist: tensorflow")
    ]
    assert required == ["tensorflow <2.16,>=2.15"]
    needs = next(r.tensorflow for r in TF_KERAS_REQUIRES_TENSORFLOW if r.tf_keras.startswith(">=2.15,"))
    assert sorted(needs.split(",")) == sorted(required[0].split()[1].split(","))
