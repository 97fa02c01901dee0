"""One configuration for the three front ends: [tool.kerascheck] found per file by flake8 and pylint too;
each front end's own options win where given."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from kerascheck.rules import RULES
from tests.conftest import run_kerascheck, run_process

KERAS1 = "from keras.layers.convolutional import Conv2D\nConv2D(8, (3, 3), border_mode='same')\n"
LAYER = textwrap.dedent(
    """\
    from tensorflow import keras
    class L(keras.layers.Layer):
        def call(self, x):
            return x
    """
)


def run(tool, *args, cwd):
    """The codes ``tool`` reports: the command line in this process, flake8 as users run it."""
    result = run_kerascheck(*args, cwd=cwd) if tool == "kerascheck" else run_process("-m", tool, *args, cwd=cwd)
    return [line.split()[1] for line in result.stdout.splitlines() if " KER" in line]


def pylint_codes(*args, cwd):
    pytest.importorskip("pylint")
    result = subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=kerascheck.pylint_plugin", "--disable=all",
         "--enable=kerascheck", "--msg-template={msg}", *args],
        cwd=cwd, capture_output=True, text=True,
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr
    return [line.split()[0] for line in result.stdout.splitlines() if line.startswith("KER")]


@pytest.fixture
def project(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text(KERAS1)
    (tmp_path / "pkg" / "layer.py").write_text(LAYER)
    (tmp_path / "pyproject.toml").write_text('[tool.kerascheck]\nkeras-target = "keras3"\nextend-select = ["KER307"]\n')
    return tmp_path


def test_all_three_front_ends_read_tool_kerascheck(project):
    pytest.importorskip("flake8")
    expected = ["KER307", "KER102", "KER201"]  # layer.py, then m.py; keras3: KER102, not KER101
    assert run("kerascheck", "-q", "pkg/layer.py", "pkg/m.py", cwd=project) == expected
    assert run("flake8", "pkg/layer.py", "pkg/m.py", cwd=project) == expected
    found = pylint_codes("pkg/layer.py", "pkg/m.py", "--enable=call-without-training-arg", cwd=project)
    assert sorted(found) == sorted(expected)  # pylint orders a module's messages its own way


def test_front_ends_own_target_wins(project):
    pytest.importorskip("flake8")
    assert run("flake8", "--keras-target=tf.keras", "pkg/m.py", cwd=project) == ["KER101", "KER201"]
    assert sorted(pylint_codes("--keras-target=tf.keras", "pkg/m.py", cwd=project)) == ["KER101", "KER201"]
    assert run("kerascheck", "-q", "--keras-target=tf.keras", "pkg/m.py", cwd=project) == ["KER101", "KER201"]


def test_config_found_from_the_file_when_run_elsewhere(project, tmp_path_factory):
    pytest.importorskip("flake8")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    assert run("flake8", str(project / "pkg" / "m.py"), cwd=elsewhere) == ["KER102", "KER201"]
    assert sorted(pylint_codes(str(project / "pkg" / "m.py"), cwd=elsewhere)) == ["KER102", "KER201"]


def test_config_selection_applies_in_flake8_unless_flake8_names_ker_codes(tmp_path):
    pytest.importorskip("flake8")
    (tmp_path / "m.py").write_text(KERAS1)
    (tmp_path / "pyproject.toml").write_text('[tool.kerascheck]\nignore = ["KER1"]\n')
    assert run("flake8", "m.py", cwd=tmp_path) == ["KER201"]
    assert run("flake8", "--select=KER", "m.py", cwd=tmp_path) == ["KER101", "KER201"]  # flake8's own wins
    assert pylint_codes("m.py", cwd=tmp_path) == ["KER201"]


def test_flake8_select_ker_keeps_off_by_default_rules_off(tmp_path):
    """As flake8-bugbear's B9: KER307 only when named, whatever else flake8's options say."""
    pytest.importorskip("flake8")
    (tmp_path / "layer.py").write_text(LAYER)
    assert run("flake8", "--select=KER", "layer.py", cwd=tmp_path) == []
    assert run("flake8", "--select=KER3", "layer.py", cwd=tmp_path) == []
    (tmp_path / "setup.cfg").write_text("[flake8]\nignore = E501\n")  # replaces flake8's default ignore list
    assert run("flake8", "layer.py", cwd=tmp_path) == []
    assert run("flake8", "--select=KER307", "layer.py", cwd=tmp_path) == ["KER307"]
    assert run("flake8", "--extend-select=KER307", "layer.py", cwd=tmp_path) == ["KER307"]


def test_pylint_help_msg_gives_the_whole_description():
    pytest.importorskip("pylint")
    result = subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=kerascheck.pylint_plugin", "--help-msg=keras1-keyword"],
        capture_output=True, text=True,
    )  # fmt: skip
    text = " ".join(result.stdout.split())
    assert "(`dim_ordering='th'` is `data_format='channels_first'`). This message belongs" in text
    from kerascheck.pylint_plugin import description

    for rule in RULES:
        assert description(rule).endswith((".", ".)")), rule.code


def test_bad_configuration_is_one_line_in_flake8_and_pylint(tmp_path):
    pytest.importorskip("flake8")
    pytest.importorskip("pylint")
    (tmp_path / "m.py").write_text(KERAS1)
    (tmp_path / "n.py").write_text(KERAS1)
    (tmp_path / "pyproject.toml").write_text('[tool.kerascheck]\nignore = ["KER210"]\n')
    for command in (
        ["flake8", "m.py", "n.py"],
        ["pylint", "--load-plugins=kerascheck.pylint_plugin", "m.py", "n.py"],
    ):
        result = subprocess.run([sys.executable, "-m", *command], cwd=tmp_path, capture_output=True, text=True)
        assert "Traceback" not in result.stderr
        errors = [line for line in result.stderr.splitlines() if line.startswith("kerascheck: error:")]
        assert len(errors) == 1 and "'KER210' selects no kerascheck code; nearest: KER2" in errors[0], command
        assert " KER" not in result.stdout  # no finding judged under a configuration that is not the user's
    flake8 = subprocess.run([sys.executable, "-m", "flake8", "m.py"], cwd=tmp_path, capture_output=True, text=True)
    assert flake8.returncode != 0  # the run stops: a typo cannot make CI pass
