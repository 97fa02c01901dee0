"""The kerascheck command: checking, fixing, exit codes, configuration, bad input."""

from __future__ import annotations

import io
import shutil
import stat
import subprocess
import sys
from pathlib import Path

from kerascheck.cli import run
from kerascheck.rules import RULES
from tests.conftest import run_kerascheck, run_process

ROOT = Path(__file__).resolve().parent.parent
KERAS1 = "from keras.layers.convolutional import Conv2D\nConv2D(8, (3, 3), border_mode='same')\n"
FIXED = "from tensorflow.keras.layers import Conv2D\nConv2D(8, (3, 3), padding='same')\n"


def test_reports_findings_and_exits_1(tmp_path, kerascheck):
    (tmp_path / "model.py").write_text(KERAS1)
    code, out, _ = kerascheck("model.py", cwd=tmp_path)
    assert code == 1
    assert out.splitlines() == [
        "model.py:1:1: KER101 `keras.layers.convolutional` is standalone Keras, not `tensorflow.keras` (target "
        "tf.keras): a legacy module path, which the keras package of TF 2.6–2.15 lacks as tf.keras does "
        "(ModuleNotFoundError); import `tensorflow.keras.layers` instead",
        "model.py:2:19: KER201 `border_mode=` is the Keras 1 name of `padding=` in `Conv2D`"
        "; on target tf.keras it raises `TypeError`; use `padding='same'`",
        "Found 2 findings (2 fixable with --fix).",
    ]


def test_clean_file_exits_0(tmp_path, kerascheck):
    (tmp_path / "ok.py").write_text("from tensorflow import keras\n")
    assert kerascheck("ok.py", cwd=tmp_path)[:2] == (0, "No findings.\n")


def test_target_is_short_for_keras_target(tmp_path, kerascheck):
    (tmp_path / "model.py").write_text(KERAS1)
    long, short = (
        kerascheck("--keras-target=keras3", "model.py", cwd=tmp_path),
        kerascheck("--target", "keras3", "model.py", cwd=tmp_path),
    )
    assert short == long and "KER102" in short.stdout and "KER101" not in short.stdout


def test_usage_errors_exit_2(tmp_path, kerascheck):
    assert kerascheck(cwd=tmp_path)[0] == 2
    assert kerascheck("--keras-target=keras9", "x.py", cwd=tmp_path)[0] == 2
    assert kerascheck("--select=E501", "x.py", cwd=tmp_path)[0] == 2


def test_fix_rewrites_in_place_and_is_idempotent(tmp_path, kerascheck):
    path = tmp_path / "model.py"
    path.write_text(KERAS1)
    code, out, _ = kerascheck("--fix", "model.py", cwd=tmp_path)
    assert (code, path.read_text()) == (0, FIXED)
    assert out.splitlines()[-1] == "Fixed 2 findings in 1 file. No findings."
    assert kerascheck("--fix", "model.py", cwd=tmp_path)[0] == 0
    assert path.read_text() == FIXED


def test_diff_writes_nothing(tmp_path, kerascheck):
    path = tmp_path / "model.py"
    path.write_text(KERAS1)
    code, out, _ = kerascheck("--diff", "model.py", cwd=tmp_path)
    assert code == 1
    assert out.splitlines() == [
        "--- a/model.py",
        "+++ b/model.py",
        "@@ -1,2 +1,2 @@",
        "-from keras.layers.convolutional import Conv2D",
        "-Conv2D(8, (3, 3), border_mode='same')",
        "+from tensorflow.keras.layers import Conv2D",
        "+Conv2D(8, (3, 3), padding='same')",
        "Would fix 2 findings in 1 file.",
    ]
    assert path.read_text() == KERAS1


def test_fix_keeps_crlf_bom_encoding_and_permissions(tmp_path, kerascheck):
    path = tmp_path / "model.py"
    original = "\ufeff# é\r\n" + KERAS1.replace("\n", "\r\n")
    path.write_bytes(original.encode("utf-8"))
    path.chmod(0o750)
    assert kerascheck("--fix", "model.py", cwd=tmp_path)[0] == 0
    assert path.read_bytes() == ("\ufeff# é\r\n" + FIXED.replace("\n", "\r\n")).encode("utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o750


def test_fix_keeps_latin1_cookie(tmp_path, kerascheck):
    path = tmp_path / "model.py"
    path.write_bytes(b"# -*- coding: latin-1 -*-\n# caf\xe9\n" + KERAS1.encode())
    kerascheck("--fix", "model.py", cwd=tmp_path)
    assert path.read_bytes() == b"# -*- coding: latin-1 -*-\n# caf\xe9\n" + FIXED.encode()


def test_stdin(tmp_path, kerascheck):
    code, out, _ = kerascheck("--stdin-filename=pkg/model.py", "-", cwd=tmp_path, stdin=KERAS1.encode())
    assert code == 1 and out.startswith("pkg/model.py:1:1: KER101")
    code, out, err = kerascheck("--fix", "-", cwd=tmp_path, stdin=KERAS1.encode())
    assert (code, out) == (0, FIXED)
    assert "Fixed 2 findings" in err


def test_bad_files_are_reported_and_the_run_goes_on(tmp_path, kerascheck):
    (tmp_path / "latin.py").write_bytes(b"import keras\nx = '\xff'\n")
    (tmp_path / "broken.py").write_text("import keras\ndef f(:\n")
    (tmp_path / "nul.py").write_bytes(b"import keras\x00\n")
    (tmp_path / "pkg" / "dir.py").mkdir(parents=True)
    (tmp_path / "pkg" / "model.py").write_text(KERAS1)
    code, out, _ = kerascheck("latin.py", "broken.py", "nul.py", "missing.py", "pkg", cwd=tmp_path)
    assert code == 2
    lines = out.splitlines()
    assert lines[0] == "latin.py: error: not valid utf-8: byte 0xff at offset 18"
    assert lines[1] == "broken.py: error: cannot parse: line 2: invalid syntax"
    assert lines[2].startswith("nul.py: error: cannot parse:")
    assert lines[3] == "missing.py: error: cannot read: No such file or directory"
    assert [line.split()[1] for line in lines[4:6]] == ["KER101", "KER201"]
    assert lines[-1] == "Found 2 findings (2 fixable with --fix). 4 files could not be checked."


def test_an_f_string_of_python_312_is_said_to_be_one_where_it_does_not_parse(tmp_path, kerascheck):
    """Triage 14: notebooks written for Python 3.12 nest the same quotes in f-strings (PEP 701)."""
    (tmp_path / "report.py").write_text('import keras\nrow = {"user": 1}\nprint(f"{row["user"]}")\n')
    code, out, _ = kerascheck("report.py", cwd=tmp_path)
    if sys.version_info >= (3, 12):
        assert code == 0, out  # it parses, and says nothing of Keras
    else:
        assert code == 2
        assert out.splitlines()[0].startswith("report.py: error: cannot parse: line 3: f-string")
        assert "Python 3.12 reads more f-strings than this Python 3." in out


def test_folders_skip_virtualenvs_dist_and_excluded(tmp_path, kerascheck):
    for folder in ["src", ".git", "dist", "env", "src/generated"]:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "m.py").write_text(KERAS1)
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr\n")
    code, out, _ = kerascheck("--exclude=*/generated", "--select=KER201", ".", cwd=tmp_path)
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == ["src/m.py"]


def test_select_ignore_extend_select(tmp_path, kerascheck):
    (tmp_path / "m.py").write_text(KERAS1)
    assert kerascheck("--select=KER2", "m.py", cwd=tmp_path)[1].count("KER") == 1
    assert kerascheck("--ignore=KER1", "m.py", cwd=tmp_path)[1].count("KER101") == 0
    assert kerascheck("--select=KER", "--ignore=KER201", "m.py", cwd=tmp_path)[1].count("KER201") == 0
    layer = "from tensorflow import keras\nclass L(keras.layers.Layer):\n    def call(self, x):\n        return x\n"
    (tmp_path / "l.py").write_text(layer)
    assert kerascheck("l.py", cwd=tmp_path)[0] == 0
    assert "KER307" in kerascheck("--extend-select=KER307", "l.py", cwd=tmp_path)[1]


def test_pyproject_config_and_command_line_precedence(tmp_path, kerascheck):
    (tmp_path / "pyproject.toml").write_text('[tool.kerascheck]\nkeras-target = "keras3"\nignore = ["KER201"]\n')
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text(KERAS1)
    code, out, _ = kerascheck("pkg/m.py", cwd=tmp_path)  # keras3: KER102 for the legacy path; KER201 ignored
    assert "KER102" in out and "KER101" not in out and "KER201" not in out
    code, out, _ = kerascheck("--keras-target=tf.keras", "pkg/m.py", cwd=tmp_path)
    assert "KER101" in out and "KER201" not in out
    (tmp_path / "pyproject.toml").write_text("[tool.kerascheck]\ncolour = 1\n")
    code, _, err = kerascheck("pkg/m.py", cwd=tmp_path)
    assert code == 2 and "unknown option 'colour'" in err


def test_noqa_like_flake8(tmp_path, kerascheck):
    source = "from keras.layers import Conv2D  # noqa: KER1\nConv2D(8, (3, 3),\n       border_mode='same')  # noqa\n"
    (tmp_path / "m.py").write_text(source)
    assert kerascheck("m.py", cwd=tmp_path)[:2] == (0, "No findings.\n")
    (tmp_path / "m.py").write_text("# flake8: noqa\n" + KERAS1)
    assert kerascheck("m.py", cwd=tmp_path)[0] == 0


def test_explain_and_list_rules():
    out = io.StringIO()
    assert run(["--explain", "ker203"], out=out) == 0
    assert out.getvalue().startswith("KER203 (keras1-positional-arguments)")
    assert "## Why is this bad?" in out.getvalue()
    out = io.StringIO()
    assert run(["--list-rules"], out=out) == 0
    assert [line.split()[0] for line in out.getvalue().splitlines()[1:]] == [rule.code for rule in RULES]
    assert run(["--explain", "KER999"], out=io.StringIO()) == 2


def test_after_fix_only_unfixable_findings_remain_in_examples(tmp_path, kerascheck):
    copy = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", copy)
    kerascheck("--fix", "--unsafe-fixes", ".", cwd=copy)
    code, out, _ = kerascheck("--unsafe-fixes", ".", cwd=copy)
    assert "fixable" not in out.splitlines()[-1]
    for path in copy.glob("*.py"):
        compile(path.read_text(), str(path), "exec")
    assert "KER201" not in out and "KER101" not in out and "KER203" not in out


def test_console_script_and_python_m_run_the_command(tmp_path, kerascheck):
    (tmp_path / "model.py").write_text(KERAS1)
    expected = kerascheck("model.py", cwd=tmp_path)
    assert expected.returncode == 1
    script = Path(sys.executable).with_name("kerascheck")
    assert run_process("-m", "kerascheck", "model.py", cwd=tmp_path) == expected
    if script.exists():  # the console script installed beside this Python
        ran = subprocess.run([str(script), "model.py"], cwd=tmp_path, capture_output=True, text=True)
        assert (ran.returncode, ran.stdout, ran.stderr) == expected


def test_a_fault_of_kerascheck_on_one_module_is_one_line_and_the_run_goes_on(tmp_path, monkeypatch):
    """A rule's own exception is no parse error of the user's code: it is said as kerascheck's, on one line, and the
    other files are still checked (exit status 2)."""
    import kerascheck.engine as engine

    broken = tmp_path / "broken.py"
    broken.write_text("import keras\nmodel = keras.Sequential()\n")
    fine = tmp_path / "fine.py"
    fine.write_text("from keras.layers import CuDNNLSTM\n")

    def fail(*args, **kwargs):
        if "Sequential" in "".join(args[1]):
            raise KeyError("boom")
        return original(*args, **kwargs)

    original = engine.analyse_tree
    monkeypatch.setattr(engine, "analyse_tree", fail)
    code, out, err = run_kerascheck("--no-config", str(broken), str(fine))
    assert code == 2
    assert "broken.py: error: kerascheck failed on this module (KeyError: 'boom'); please report it" in out + err
    assert "cannot parse" not in out + err and "Traceback" not in out + err
    assert "fine.py:1:" in out
