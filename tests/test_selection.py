"""Which codes a run reports: selectors checked against the real codes, ruff's specificity rule."""

from __future__ import annotations

import textwrap

import pytest

from kerascheck.config import OptionError, Settings
from kerascheck.rules import RULES
from kerascheck.selection import is_selected

DEFAULT_ON = [rule.code for rule in RULES if rule.default_enabled]
KERAS1 = "from keras.layers import Conv2D\nConv2D(8, (3, 3), border_mode='same')\n"
LAYER = textwrap.dedent(
    """\
    from tensorflow import keras
    class L(keras.layers.Layer):
        def call(self, x):
            return x
    """
)


def selected(**values) -> list:
    settings = Settings.from_values(values)
    return [rule.code for rule in RULES if is_selected(rule.code, settings)]


def test_default_set_is_the_rules_on_by_default():
    assert selected() == DEFAULT_ON


def test_ignore_all_alone_turns_everything_off():
    assert selected(ignore="ALL") == []
    assert selected(ignore="KER") == []


def test_the_more_specific_selector_wins():
    assert selected(ignore="ALL", extend_select="KER201") == ["KER201"]
    assert selected(select="KER2", ignore="ALL") == [code for code in DEFAULT_ON if code.startswith("KER2")]
    kept = [code for code in DEFAULT_ON if code.startswith("KER2") and not code.startswith("KER20")]
    assert selected(select="KER2", ignore="KER20") == kept
    assert "KER201" not in selected(select="KER", ignore="KER201")
    assert selected(select="KER201", ignore="KER201") == []  # a tie: ignore wins


def test_select_replaces_the_default_set():
    assert selected(select="KER5") == [code for code in DEFAULT_ON if code.startswith("KER5")]
    assert selected(select="KER,ALL") == DEFAULT_ON


def test_off_by_default_rules_need_their_full_code():
    for selection in ({"select": "ALL"}, {"select": "KER"}, {"select": "KER3"}, {"extend_select": "KER30"}):
        assert "KER307" not in selected(**selection), selection
    assert "KER307" in selected(select="KER307")
    assert "KER307" in selected(extend_select="KER307", ignore="KER3")


@pytest.mark.parametrize("value, nearest", [("KER210", "KER211"), ("KER9", "KER5"), ("ker2011", "KER201")])
def test_unknown_selector_is_an_error_naming_the_nearest(value, nearest):
    with pytest.raises(OptionError, match=f"{value!r} selects no kerascheck code; nearest: .*{nearest}"):
        Settings.from_values({"select": value})


def test_cli_selectors(tmp_path, kerascheck):
    (tmp_path / "m.py").write_text(KERAS1)
    assert kerascheck("--ignore", "ALL", "m.py", cwd=tmp_path)[:2] == (0, "No findings.\n")
    code, out, _ = kerascheck("--select=KER", "--ignore=KER1", "m.py", cwd=tmp_path)
    assert (code, [line.split()[1] for line in out.splitlines()[:-1]]) == (1, ["KER201"])
    code, out, err = kerascheck("--select", "KER210", "m.py", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err.startswith("kerascheck: error: 'KER210' selects no kerascheck code; nearest: KER2")
    assert "KER211" in err.split("nearest:")[1].split("(")[0]  # a neighbouring code, whichever others exist


def test_unknown_code_in_config_is_an_error_naming_the_file(tmp_path, kerascheck):
    (tmp_path / "m.py").write_text(KERAS1)
    (tmp_path / "pyproject.toml").write_text('[tool.kerascheck]\nignore = ["KER2O1"]\n')
    code, _, err = kerascheck("m.py", cwd=tmp_path)
    assert code == 2
    assert "pyproject.toml" in err and "'KER2O1' selects no kerascheck code; nearest: KER201" in err


def test_cli_off_by_default_rule(tmp_path, kerascheck):
    (tmp_path / "layer.py").write_text(LAYER)
    assert "KER307" not in kerascheck("--select=KER", "layer.py", cwd=tmp_path)[1]
    assert "KER307" in kerascheck("--select=KER307", "layer.py", cwd=tmp_path)[1]


def test_exit_zero_keeps_findings_and_errors(tmp_path, kerascheck):
    (tmp_path / "m.py").write_text(KERAS1)
    (tmp_path / "broken.py").write_text("import keras\ndef f(:\n")
    code, out, _ = kerascheck("--exit-zero", "m.py", cwd=tmp_path)
    assert code == 0 and "KER201" in out
    assert kerascheck("--exit-zero", "m.py", "broken.py", cwd=tmp_path)[0] == 2


def test_explain_takes_a_code_or_a_name(tmp_path, kerascheck):
    by_code = kerascheck("--explain", "KER201", cwd=tmp_path)
    assert by_code[0] == 0 and by_code[1].startswith("KER201 (keras1-keyword)\n")
    assert kerascheck("--explain", "keras1-keyword", cwd=tmp_path) == by_code
    code, _, err = kerascheck("--explain", "keras1-keywrd", cwd=tmp_path)
    assert code == 2 and "nearest: keras1-keyword" in err


def test_list_rules_shows_default_fix_and_targets(tmp_path, kerascheck):
    code, out, _ = kerascheck("--list-rules", cwd=tmp_path)
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:5] == ["code", "name", "default", "fix", "targets"]
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert list(rows) == [rule.code for rule in RULES]
    assert rows["KER307"][1:4] == ["call-without-training-arg", "off", "none"]
    assert rows["KER101"][1:5] == ["standalone-keras-import", "on", "sometimes", "tf.keras"]
    assert rows["KER201"][1:6] == ["keras1-keyword", "on", "sometimes", "keras3,", "tf.keras"]
