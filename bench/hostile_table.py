"""Hostile inputs through the three front ends (the table of issue 19): per input, what the command line,
flake8 and pylint say first about it, and their exit status. A Traceback, a canary of the checked tree
that ran, a run that hangs (killed after 120 s) or a good file left unreported are marked in capitals.

    .venv/bin/python bench/hostile_table.py [PYTHON]

PYTHON: the interpreter whose kerascheck, flake8 and pylint are run (default: this one). Prints a
Markdown table. Standard library only.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PY = sys.argv[1] if len(sys.argv) > 1 else sys.executable
GOOD = "from keras.layers import Dropout\nDropout(p=0.5)\n"
FE = {
    "cli": ["-m", "kerascheck"],
    "flake8": ["-m", "flake8", "--select=KER,E999"],
    "pylint": [
        "-m",
        "pylint",
        "--load-plugins=kerascheck.pylint_plugin",
        "--disable=all",
        "--enable=kerascheck",
        "--score=n",
    ],
}


def nb(cells):
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


CASES = [
    # name, files, extra args (all), extra args (cli only), paths
    ("python 2 module", {"bad.py": b"import keras\nprint 'x'\n"}, [], [], ["."]),
    ("unknown coding cookie", {"bad.py": b"# -*- coding: klingon -*-\nimport keras\n"}, [], [], ["."]),
    (
        "100k nested parentheses",
        {"bad.py": b"import keras\nx = " + b"(" * 100000 + b")" * 100000 + b"\n"},
        [],
        [],
        ["."],
    ),
    (
        "--fix on 1,000-term expression",
        {"long.py": (GOOD + "x = " + " + ".join(["1"] * 1000) + "\n").encode()},
        [],
        ["--fix"],
        ["."],
    ),
    (
        "--diff on 1,000-term expression",
        {"long.py": (GOOD + "x = " + " + ".join(["1"] * 1000) + "\n").encode()},
        [],
        ["--diff"],
        ["."],
    ),
    (
        "notebook, JSON nested 100k deep",
        {"deep.ipynb": ('{"cells": ' + "[" * 100000 + "]" * 100000 + "}").encode()},
        [],
        [],
        ["."],
    ),
    (
        "notebook, source holds a number",
        {"bad.ipynb": nb([{"cell_type": "code", "source": ["import keras\n", 5]}]).encode()},
        [],
        [],
        ["."],
    ),
    ("pyproject select = 5", {"pyproject.toml": b"[tool.kerascheck]\nselect = 5\n"}, [], [], ["."]),
    ("pyproject exclude = 7", {"pyproject.toml": b"[tool.kerascheck]\nexclude = 7\n"}, [], [], ["."]),
    ("pyproject tool = 5", {"pyproject.toml": b"tool = 5\n"}, [], [], ["."]),
    ("pyproject [tool] kerascheck = 5", {"pyproject.toml": b"[tool]\nkerascheck = 5\n"}, [], [], ["."]),
    ("pyproject non-UTF-8 byte", {"pyproject.toml": b"[tool.kerascheck]\nselect = ['KER2'] # \xff\n"}, [], [], ["."]),
    (
        'auto: Poetry "^beta"',
        {"pyproject.toml": b'[tool.poetry.dependencies]\nkeras = "^beta"\n'},
        ["--keras-target=auto"],
        [],
        ["."],
    ),
    ("auto: project = 5", {"pyproject.toml": b"project = 5\n"}, ["--keras-target=auto"], [], ["."]),
    (
        "auto: poetry deps an array",
        {"pyproject.toml": b'[tool.poetry]\ndependencies = ["keras"]\n'},
        ["--keras-target=auto"],
        [],
        ["."],
    ),
    (
        "auto: dependencies = [5, ...]",
        {"pyproject.toml": b'[project]\nname = "x"\ndependencies = [5, "keras>=3"]\n'},
        ["--keras-target=auto"],
        [],
        ["."],
    ),
    (
        "auto: dependencies a string",
        {"pyproject.toml": b'[project]\nname = "x"\ndependencies = "keras>=3"\n'},
        ["--keras-target=auto"],
        [],
        ["."],
    ),
    (
        "auto: unparsable setup.cfg",
        {"setup.cfg": b"[options\ninstall_requires = keras>=3\n"},
        ["--keras-target=auto"],
        [],
        ["."],
    ),
    ("--output-file to missing folder", {}, [], ["--output-file=missing/r.txt"], ["."]),
    ("--output-file to a folder", {"folder/x": b""}, [], ["--output-file=folder"], ["."]),
    ("[flake8] keras-target = bogus", {"setup.cfg": b"[flake8]\nkeras-target = bogus\n"}, [], [], ["."]),
    ("FIFO named pipe.py", {"pipe.py": None}, [], [], ["."]),
    ("shadowing packaging/ tomllib.py keras/ tensorflow/ (auto)", "shadow", ["--keras-target=auto"], [], ["."]),
]


def first(lines):
    """The line that speaks of the bad input: an error or a warning if there is one, else the first."""
    noise = ("*****", "-----", "Your code", "Found ", "No findings", "Would fix", "Fixed ", "kerascheck: keras target")
    lines = [line for line in lines if line.strip() and "good.py" not in line and not line.startswith(noise)]
    speaking = [line for line in lines if "error" in line or "warning" in line or "E0001" in line or "E999" in line]
    return ((speaking or lines or ["(nothing)"])[0])[:150]


rows = []
for name, files, common, cli_only, paths in CASES:
    row = [name]
    for fe, cmd in FE.items():
        d = Path(tempfile.mkdtemp(prefix="hostile"))
        (d / "good.py").write_text(GOOD)
        if files == "shadow":
            for m in ("packaging/__init__.py", "tomli.py", "tomllib.py", "keras/__init__.py", "tensorflow/__init__.py"):
                (d / m).parent.mkdir(exist_ok=True)
                (d / m).write_text(
                    "import pathlib\npathlib.Path(__file__).parent.joinpath('IMPORTED').write_text(__name__)\n"
                )
            (d / "requirements.txt").write_text("keras>=3\n")
        else:
            for f, data in files.items():
                (d / f).parent.mkdir(parents=True, exist_ok=True)
                if data is None:
                    os.mkfifo(d / f)
                elif f != "folder/x":
                    (d / f).write_bytes(data)
        if fe != "cli" and (cli_only or "ipynb" in str(files)):
            row.append("n/a")
            shutil.rmtree(d)
            continue
        try:
            r = subprocess.run(
                [PY, *cmd, *cli_only, *common, *paths] if fe == "cli" else [PY, *cmd, *common, *paths],
                cwd=d,
                capture_output=True,
                text=True,
                timeout=120,
            )
            out = r.stderr.splitlines() + r.stdout.splitlines()
            tb = "TRACEBACK " if "Traceback" in r.stderr + r.stdout else ""
            ran = "CANARY RAN " if (d / "IMPORTED").exists() else ""
            good = (
                ""
                if "KER201" in r.stdout
                or "E7201" in r.stdout
                or fe == "cli"
                and ("--fix" in cli_only or "--diff" in cli_only or "output-file" in str(cli_only))
                else " [good.py NOT reported]"
            )
            row.append(f"{tb}{ran}exit {r.returncode}: {first(out)}{good}")
        except subprocess.TimeoutExpired:
            row.append("HANG (killed after 120 s)")
        shutil.rmtree(d)
    rows.append(row)
for row in rows:
    print("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |")
