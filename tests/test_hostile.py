"""Hostile input: every bad file gets one clear line and exit status 2, and the run goes on."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import run_kerascheck, run_process

GOOD = "from keras.layers import Dropout\nDropout(p=0.5)\n"


def kerascheck(*args, cwd):
    return run_kerascheck("--no-config", "--select=KER201", *args, cwd=cwd)


FRONT_ENDS = {
    "cli": ["-m", "kerascheck"],
    "flake8": ["-m", "flake8", "--select=KER"],
    "pylint": ["-m", "pylint", "--load-plugins=kerascheck.pylint_plugin", "--disable=all", "--enable=kerascheck"],
}


def front_end(name, *args, cwd, process=False):
    """A run of one front end: flake8 and pylint as users run them, bounded and never a traceback; the
    command line in this process unless ``process`` (its entry point is what the test is about)."""
    if name == "cli" and not process:
        return run_kerascheck(*args, cwd=cwd)
    return run_process(*FRONT_ENDS[name], *args, cwd=cwd)


CASES = {
    "python2.py": (b"import keras\nprint 'hello'\n", "cannot parse: line 2: "),
    "cookie.py": (b"# -*- coding: klingon -*-\nimport keras\n", "cannot decode: unknown encoding"),
    "deep.py": (b"import keras\nx = " + b"(" * 100_000 + b")" * 100_000 + b"\n", "cannot parse: "),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_module_is_one_clear_line(tmp_path, name):
    data, message = CASES[name]
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.py").write_text(GOOD)
    result = kerascheck(name, "good.py", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert result.returncode == 2
    assert lines[0].startswith(f"{name}: error: {message}"), lines[0]
    assert lines[1].startswith("good.py:2:9: KER201")


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbfimport keras\r\nkeras.layers.Dropout(p=0.5)\r\n",  # BOM and CRLF
        b"import keras\rkeras.layers.Dropout(p=0.5)\r",  # old Mac line ends
        b"import keras\n\x0c\nkeras.layers.Dropout(p=0.5)\n",  # a form feed
    ],
    ids=["bom-crlf", "cr", "form-feed"],
)
def test_unusual_but_valid_files_are_checked(tmp_path, data):
    (tmp_path / "m.py").write_bytes(data)
    result = kerascheck("m.py", cwd=tmp_path)
    assert result.returncode == 1
    assert " KER201 " in result.stdout.splitlines()[0]


def test_empty_file_and_empty_folder(tmp_path):
    (tmp_path / "empty.py").write_bytes(b"")
    (tmp_path / "folder").mkdir()
    assert kerascheck("empty.py", "folder", cwd=tmp_path).returncode == 0


def test_huge_file(tmp_path):
    padding = b"# " + b"x" * 78 + b"\n"
    count = 50_000_000 // len(padding)
    (tmp_path / "huge.py").write_bytes(b"import keras\n" + padding * count + b"keras.layers.Dropout(p=0.5)\n")
    result = kerascheck("huge.py", cwd=tmp_path)
    assert result.stdout.splitlines()[0].startswith(f"huge.py:{count + 2}:22: KER201")


def test_symlink_loop_and_dangling_link(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text(GOOD)
    os.symlink(tmp_path / "pkg", tmp_path / "pkg" / "loop")
    os.symlink(tmp_path / "nowhere.py", tmp_path / "pkg" / "dangling.py")
    result = kerascheck("pkg", cwd=tmp_path)
    assert result.returncode == 2
    assert "pkg/dangling.py: error: cannot read: No such file or directory" in result.stdout.splitlines()
    assert sum(" KER201 " in line for line in result.stdout.splitlines()) == 1


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "secret.py"
    path.write_text(GOOD)
    path.chmod(0)
    assert kerascheck("secret.py", cwd=tmp_path).stdout.startswith("secret.py: error: cannot read: Permission denied")


# A module that leaves a mark when it is imported: shadowing what kerascheck imports, or the checked code.
CANARY = "import pathlib\npathlib.Path(__file__).parent.joinpath('IMPORTED').write_text(__name__)\n"
CHECKED = "from keras.layers.core import Dropout\nDropout(p=0.5)\n"  # a legacy path: KER101 on tf.keras
SHADOWS = ("packaging/__init__.py", "tomli.py", "tomllib.py", "keras/__init__.py", "tensorflow/__init__.py")


@pytest.mark.parametrize("target", ["tf.keras", "auto"])
@pytest.mark.parametrize("command", sorted(FRONT_ENDS))
def test_checked_code_is_never_imported(tmp_path, command, target):
    """Neither the checked module nor a module of the checked tree named like one kerascheck imports
    (``python -m`` and pylint put the checked folder first on sys.path)."""
    (tmp_path / "canary.py").write_text(CANARY + CHECKED)
    for name in SHADOWS:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(CANARY)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\ndependencies = ["keras>=3"]\n')
    (tmp_path / "requirements.txt").write_text("tensorflow==2.16.1\n")
    result = front_end(command, f"--keras-target={target}", "canary.py", cwd=tmp_path, process=True)
    assert "KER201" in result.stdout
    assert not (tmp_path / "IMPORTED").exists(), (tmp_path / "IMPORTED").read_text()
    assert ("KER101" in result.stdout) is (target == "tf.keras")  # auto: the pins were read, Keras 3


def test_fix_and_diff_on_an_expression_of_a_thousand_terms(tmp_path):
    long = "x = " + " + ".join(["1"] * 1000) + "\n"
    (tmp_path / "long.py").write_text(CHECKED + long)
    result = kerascheck("--diff", "long.py", cwd=tmp_path)
    assert result.returncode == 1
    assert "+Dropout(rate=0.5)\n" in result.stdout
    assert kerascheck("--fix", "long.py", cwd=tmp_path).returncode == 0
    assert (tmp_path / "long.py").read_text() == CHECKED.replace("p=", "rate=") + long


NOTEBOOKS = {
    "deep.ipynb": ('{"cells": ' + "[" * 100_000 + "]" * 100_000 + "}", "not a notebook: its JSON is nested too deeply"),
    "number.ipynb": (
        json.dumps({"cells": [{"cell_type": "code", "source": ["import keras\n", 5]}], "nbformat": 4}),
        "not a notebook: the source of cell 1 is not text nor a list of lines of text",
    ),
}


@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_bad_notebook_is_one_clear_line(tmp_path, name):
    text, message = NOTEBOOKS[name]
    (tmp_path / name).write_text(text)
    (tmp_path / "good.py").write_text(GOOD)
    result = kerascheck(name, "good.py", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout.splitlines()[:2] == [f"{name}: error: {message}", f"good.py:2:9: {KER201_TEXT}"]


KER201_TEXT = (
    "KER201 `p=` is the Keras 1 name of `rate=` in `Dropout`; on target tf.keras it raises `TypeError`; use `rate=0.5`"
)

PYPROJECTS = {
    "select": (b"[tool.kerascheck]\nselect = 5\n", "select: expected a list of strings or a comma-separated"),
    "exclude": (b"[tool.kerascheck]\nexclude = 7\n", "exclude: expected a list of strings or a comma-separated"),
    "table": (b"[tool]\nkerascheck = 5\n", "[tool.kerascheck] must be a table of options, not 5"),
    "utf-8": (
        b"[tool.kerascheck]\nselect = ['KER2'] # \xff\n",
        "cannot read TOML: 'utf-8' codec can't decode byte 0xff",
    ),
}


@pytest.mark.parametrize("case", sorted(PYPROJECTS))
def test_bad_pyproject_is_one_clear_line(tmp_path, case):
    data, message = PYPROJECTS[case]
    (tmp_path / "pyproject.toml").write_bytes(data)
    (tmp_path / "good.py").write_text(GOOD)
    result = front_end("cli", "good.py", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr, result.stderr


@pytest.mark.parametrize("command", ["flake8", "pylint"])
@pytest.mark.parametrize("case", ["select", "exclude", "table"])  # pylint itself cannot read the others
def test_bad_pyproject_in_flake8_and_pylint(tmp_path, case, command):
    """The plugins say it once, at the first file, and the run ends normally (pylint also settles the
    whole-project checks at its end: no traceback there either)."""
    data, message = PYPROJECTS[case]
    (tmp_path / "pyproject.toml").write_bytes(data)
    (tmp_path / "good.py").write_text(GOOD)
    (tmp_path / "other.py").write_text(GOOD)
    result = front_end(command, ".", cwd=tmp_path)
    errors = [line for line in result.stderr.splitlines() if line.startswith("kerascheck: error: ")]
    assert len(errors) == 1 and message in errors[0], result.stderr


def test_tool_that_is_no_table(tmp_path):
    """``tool = 5``: no kerascheck configuration; the dependency checks cannot read the file."""
    (tmp_path / "pyproject.toml").write_text("tool = 5\n")
    (tmp_path / "good.py").write_text(GOOD)
    assert kerascheck("good.py", cwd=tmp_path).returncode == 1
    result = kerascheck(".", cwd=tmp_path)
    assert result.returncode == 2
    assert "pyproject.toml: error: [tool] is a number, not a table" in result.stdout.splitlines()


# Dependency declarations the auto target reads: the file, the command line's report line (exit 2 for a
# file it cannot read, 1 for a KER500 finding), and what the warning on stderr says in every front end.
DECLARATIONS = {
    "poetry-beta": (
        '[tool.poetry.dependencies]\nkeras = "^beta"\n',
        "pyproject.toml:2:1: KER500 `keras = '^beta'` is not a valid requirement: not a Poetry version constraint",
        "pyproject.toml:2: `keras = '^beta'` is not a valid requirement: not a Poetry version constraint",
    ),
    "project-number": (
        "project = 5\n",
        "pyproject.toml: error: [project] is a number, not a table",
        "pyproject.toml: [project] is a number, not a table",
    ),
    "poetry-array": (
        '[tool.poetry]\ndependencies = ["keras"]\n',
        "pyproject.toml: error: tool.poetry.dependencies is an array, not a table",
        "pyproject.toml: tool.poetry.dependencies is an array, not a table",
    ),
    "dependency-number": (
        '[project]\nname = "x"\ndependencies = [5, "keras>=3"]\n',
        "pyproject.toml:3:1: KER500 `5` is not a valid requirement: dependencies holds a number, not a requirement",
        "pyproject.toml:3: `5` is not a valid requirement: dependencies holds a number, not a requirement string",
    ),
    "dependencies-string": (
        '[project]\nname = "x"\ndependencies = "keras>=3"\n',
        "pyproject.toml: error: project.dependencies is a string, not an array",
        "pyproject.toml: project.dependencies is a string, not an array",
    ),
    "extras-number": (
        '[project]\nname = "x"\noptional-dependencies = 5\n',
        "pyproject.toml: error: project.optional-dependencies is a number, not a table",
        "pyproject.toml: project.optional-dependencies is a number, not a table",
    ),
}


@pytest.mark.parametrize("command", sorted(FRONT_ENDS))
@pytest.mark.parametrize("case", sorted(DECLARATIONS))
def test_auto_target_with_malformed_declarations(tmp_path, case, command):
    text, report, warning = DECLARATIONS[case]
    (tmp_path / "pyproject.toml").write_text(text)
    (tmp_path / "good.py").write_text(GOOD)
    result = front_end(command, "--keras-target=auto", ".", cwd=tmp_path)
    assert "KER201" in result.stdout  # the run goes on
    warnings = [line for line in result.stderr.splitlines() if line.startswith("kerascheck: warning: ")]
    assert len(warnings) == 1 and warnings[0].startswith(f"kerascheck: warning: {warning}"), result.stderr
    if command == "cli":
        assert any(line.startswith(report) for line in result.stdout.splitlines()), result.stdout
        assert result.returncode == (2 if ": error: " in report else 1)


@pytest.mark.parametrize("where", ["missing/report.txt", "folder"])
def test_output_file_that_cannot_be_written(tmp_path, where):
    (tmp_path / "folder").mkdir()
    (tmp_path / "good.py").write_text(GOOD)
    result = kerascheck("--output-file", where, "good.py", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"kerascheck: error: cannot write the report to {where}: ")
    assert len(result.stderr.splitlines()) == 1


def test_bad_target_in_flake8_config_is_a_usage_error(tmp_path):
    (tmp_path / "setup.cfg").write_text("[flake8]\nkeras-target = bogus\n")
    (tmp_path / "good.py").write_text(GOOD)
    result = front_end("flake8", "good.py", cwd=tmp_path)
    assert result.returncode == 2
    assert "flake8: error: argument --keras-target: unknown Keras target 'bogus'" in result.stderr


@pytest.mark.parametrize("command", sorted(FRONT_ENDS))
def test_unparsable_setup_cfg_is_reported(tmp_path, command):
    (tmp_path / "setup.cfg").write_text("[options\ninstall_requires = keras>=3\n")
    (tmp_path / "good.py").write_text(GOOD)
    result = front_end(command, "--keras-target=auto", "good.py", cwd=tmp_path)
    message = "setup.cfg: cannot parse: line 1: File contains no section headers."
    assert f"kerascheck: warning: {message} (not used to decide the keras target)" in result.stderr.splitlines()
    if command == "cli":
        result = kerascheck(".", cwd=tmp_path)
        assert result.returncode == 2
        assert message.replace(": ", ": error: ", 1) in result.stdout.splitlines()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_named_pipe_is_skipped_not_read(tmp_path):
    """Reading a pipe nobody writes to would wait for ever."""
    os.mkfifo(tmp_path / "pipe.py")
    (tmp_path / "good.py").write_text(GOOD)
    for args in (["."], ["pipe.py", "good.py"]):
        result = kerascheck(*args, cwd=tmp_path)
        assert result.returncode == 2
        assert "pipe.py: error: skipped: a named pipe, not a source file" in result.stdout.splitlines()
        assert f"good.py:2:9: {KER201_TEXT}" in result.stdout.splitlines()


def test_unreadable_requirements_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    (tmp_path / "requirements.txt").write_text("keras>=3\n")
    (tmp_path / "requirements.txt").chmod(0)
    (tmp_path / "good.py").write_text(GOOD)
    result = kerascheck("--keras-target=auto", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert "requirements.txt: error: cannot read: Permission denied" in result.stdout.splitlines()
    assert "kerascheck: warning: requirements.txt: cannot read: Permission denied" in result.stderr


def test_unreadable_folder(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every folder")
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "m.py").write_text(GOOD)
    (tmp_path / "good.py").write_text(GOOD)
    (tmp_path / "secret").chmod(0)
    try:
        result = kerascheck(".", cwd=tmp_path)
    finally:
        (tmp_path / "secret").chmod(0o755)
    assert result.returncode == 2
    assert "secret: error: cannot read folder: Permission denied" in result.stdout.splitlines()
    assert f"good.py:2:9: {KER201_TEXT}" in result.stdout.splitlines()


def _busy_tree(folder: Path, files: int = 120) -> None:
    """Files enough to keep several workers busy for a while, even when a loaded machine is slow to show
    them (the run must still be going when it is stopped)."""
    body = "from keras.layers import Dense, Dropout\n" + "".join(
        f"def f{i}(x):\n    return Dense({i}, init='normal')(Dropout(p=0.5)(x))\n" for i in range(2000)
    )
    for number in range(files):
        (folder / f"m{number}.py").write_text(body)


def _default_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _children(pid: int) -> list:
    found = []
    for entry in os.listdir("/proc"):
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except (OSError, ValueError):
            continue
        if entry.isdigit() and int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads processes from /proc")
@pytest.mark.parametrize("stop, status", [("SIGINT", 130), ("SIGTERM", 143)], ids=["ctrl-c", "sigterm"])
def test_stopping_a_run_ends_its_workers(tmp_path, stop, status):
    """Ctrl-C reaches the terminal's whole process group; SIGTERM only the command. Either way the run
    ends with no traceback and no worker left behind."""
    _busy_tree(tmp_path)
    run = subprocess.Popen(
        [sys.executable, "-m", "kerascheck", "-q", "--jobs=3", "."],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        # as a terminal starts it: tests started in the background (`pytest … &` from a script) ignore Ctrl-C, and
        # a command inherits that (CPython then sets no KeyboardInterrupt handler): it would run to its end
        preexec_fn=_default_interrupt,
    )
    try:
        workers = []
        while len(workers) < 3 and run.poll() is None:
            time.sleep(0.05)
            workers = _children(run.pid)
        assert run.poll() is None, "the run ended before its workers were seen"
        if stop == "SIGINT":
            os.killpg(run.pid, signal.SIGINT)
        else:
            os.kill(run.pid, signal.SIGTERM)
        assert run.wait(timeout=60) == status
        assert "Traceback" not in run.stderr.read()
        for _ in range(100):  # reaping may lag a little behind the command's exit
            if not any(_alive(worker) for worker in workers):
                break
            time.sleep(0.1)
        assert not any(_alive(worker) for worker in workers)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)


def _denied(path=None):
    raise PermissionError(13, "Permission denied", path)


def test_unreadable_dependency_file_is_named_whoever_runs(tmp_path, monkeypatch):
    """As above, for root too: reading the file is refused."""
    from kerascheck.pins import read_pins

    (tmp_path / "requirements.txt").write_text("keras>=3\n")
    (tmp_path / "constraints.txt").write_text("tensorflow==2.15.1\n")
    original = Path.read_text
    monkeypatch.setattr(
        Path,
        "read_text",
        lambda self, *a, **k: _denied() if self.name == "requirements.txt" else original(self, *a, **k),
    )
    pins = read_pins(tmp_path)
    assert [(error.path.name, error.error) for error in pins.errors] == [
        ("requirements.txt", "cannot read: Permission denied")
    ]
    assert [str(pin.requirement) for pin in pins.pins] == ["tensorflow==2.15.1"]


def test_unreadable_folder_is_named_whoever_runs(tmp_path, monkeypatch):
    """As above, for root too: listing the folder and opening it are refused."""
    from kerascheck.files import SourceError, discover, read

    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "m.py").write_text(GOOD)
    (tmp_path / "good.py").write_text(GOOD)
    scandir, open_ = os.scandir, os.open
    monkeypatch.setattr(
        os, "scandir", lambda path=".": _denied(path) if str(path).endswith("secret") else scandir(path)
    )
    assert [path.name for path, _ in discover([str(tmp_path)])] == ["good.py", "secret"]
    monkeypatch.setattr(
        os, "open", lambda path, *a, **k: _denied(path) if str(path).endswith("secret") else open_(path, *a, **k)
    )
    with pytest.raises(SourceError, match="^cannot read folder: Permission denied$"):
        read(tmp_path / "secret")


def test_a_configuration_error_leaves_no_report_file(tmp_path):
    """The report path is tried before the search, which may then find a bad configuration: the empty file
    the run made goes; a report file that was there stays."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "m.py").write_text(GOOD)
    (tmp_path / "sub" / "pyproject.toml").write_text('[tool.kerascheck]\nextend-select = ["KER3O7"]\n')
    result = run_kerascheck("--output-file", "report.txt", ".", cwd=tmp_path)
    assert result.returncode == 2 and "selects no kerascheck code" in result.stderr
    assert not (tmp_path / "report.txt").exists()
    (tmp_path / "report.txt").write_text("earlier\n")
    assert run_kerascheck("--output-file", "report.txt", ".", cwd=tmp_path).returncode == 2
    assert (tmp_path / "report.txt").read_text() == "earlier\n"


@pytest.mark.parametrize("entry", ["console", "module"])
def test_ctrl_c_while_kerascheck_is_still_importing_is_no_traceback(tmp_path, entry):
    """The command's entry point imports the rest of kerascheck under the Ctrl-C handling a run has later: a
    KeyboardInterrupt raised by that import (Ctrl-C in the first tenth of a second) exits with 130, silently."""
    start = (
        "from kerascheck.console import main; main()"
        if entry == "console"
        else "import runpy; runpy.run_module('kerascheck', run_name='__main__')"
    )
    interrupted = (
        "import builtins\nreal = builtins.__import__\n"
        "def imported(name, *args, **kwargs):\n"
        "    if name == 'kerascheck.cli':\n        raise KeyboardInterrupt\n"
        "    return real(name, *args, **kwargs)\n"
        f"builtins.__import__ = imported\n{start}\n"
    )
    done = subprocess.run([sys.executable, "-c", interrupted, "."], cwd=tmp_path, capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (130, "")
