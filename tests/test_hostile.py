"""Hostile input: every bad file gets one clear line and exit status 2, and the run goes on."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

GOOD = "from keras.layers import Dropout\nDropout(p=0.5)\n"


def kerascheck(*args, cwd):
    result = subprocess.run(
        [sys.executable, "-m", "kerascheck", "--no-config", "--select=KER201", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


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


CANARY = (
    "import pathlib\n"
    "pathlib.Path(__file__).with_name('IMPORTED').write_text('kerascheck ran me')\n"
    "from keras.layers import Dropout\n"
    "Dropout(p=0.5)\n"
)


@pytest.mark.parametrize(
    "command",
    [
        ["-m", "kerascheck", "canary.py"],
        ["-m", "flake8", "--select=KER", "canary.py"],
        [
            "-m",
            "pylint",
            "--load-plugins=kerascheck.pylint_plugin",
            "--disable=all",
            "--enable=kerascheck",
            "canary.py",
        ],
    ],
    ids=["cli", "flake8", "pylint"],
)
def test_checked_code_is_never_imported(tmp_path, command):
    (tmp_path / "canary.py").write_text(CANARY)
    result = subprocess.run([sys.executable, *command], cwd=tmp_path, capture_output=True, text=True)
    assert "KER201" in result.stdout
    assert not (tmp_path / "IMPORTED").exists()
