"""What the tests share: checking a source with the engine, running the ``kerascheck`` command (in this
process, or as a subprocess where the entry point itself is under test), and the real Keras 3.

Tests marked ``slow`` (real Keras, TensorFlow 2.15 subprocesses, pre-commit, many generated programs)
run with the rest by default; ``-m "not slow"`` leaves them out for a quick loop.
"""

from __future__ import annotations

import importlib.util
import io
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import List, NamedTuple, Optional, Union

import pytest

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.engine import check_source


def findings_of(source: str, target: Target = Target.TF_KERAS, codes=None):
    found = check_source(textwrap.dedent(source), Settings(target=target))
    return [f for f in found if codes is None or f.code in codes]


def codes_at(source: str, target: Target = Target.TF_KERAS):
    """(code, line, col) of every finding, in order."""
    return [(f.code, f.line, f.col) for f in findings_of(source, target)]


class Run(NamedTuple):
    """What a run of the command gave; a tuple, so ``code, out, err = …`` reads it too."""

    returncode: int
    stdout: str
    stderr: str


class _Stdin(io.TextIOWrapper):
    """A stdin whose ``.buffer`` holds the given bytes, as the command reads it."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8")


def run_kerascheck(*args: str, cwd: Optional[Union[str, Path]] = None, stdin: Union[bytes, str] = b"") -> Run:
    """``kerascheck *args`` in this process, from the folder ``cwd`` (else this one), with ``stdin`` as its input: the
    command line's own ``run``, its exit status and what it wrote to stdout and stderr. An exception
    it raises fails the test (where a subprocess would print a traceback)."""
    from kerascheck import cli, parallel, settings_finder

    out, err = io.StringIO(), io.StringIO()
    data = stdin.encode() if isinstance(stdin, str) else stdin
    saved = (os.getcwd(), sys.stdin, sys.stdout, sys.stderr)
    # Workers are forked from this process, which may hold JAX's threads (a fork can then hang):
    # one process here; tests/test_parallel.py runs the workers, through the real command.
    saved_minimum = parallel.MIN_FILES_PER_JOB
    said = set(settings_finder._SAID)  # "once per process": each run is a process of its own
    try:
        os.chdir(cwd or saved[0])
        sys.stdin, sys.stdout, sys.stderr = _Stdin(data), out, err
        parallel.MIN_FILES_PER_JOB = 1 << 30
        settings_finder._SAID.clear()
        try:
            code = cli.run(list(args), out=out)
        except SystemExit as exit:  # argparse's usage errors
            code = exit.code if isinstance(exit.code, int) else 2
    finally:
        os.chdir(saved[0])
        sys.stdin, sys.stdout, sys.stderr = saved[1:]
        parallel.MIN_FILES_PER_JOB = saved_minimum
        settings_finder._SAID.clear()
        settings_finder._SAID.update(said)
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture
def kerascheck():
    """The ``kerascheck`` command, run in this process: ``kerascheck("--fix", "m.py", cwd=tmp_path)``."""
    return run_kerascheck


def run_process(
    *command: str,
    cwd: Optional[Union[str, Path]] = None,
    stdin: Optional[str] = None,
    env: Optional[dict] = None,
    timeout: float = 300,
) -> Run:
    """``python *command`` as a subprocess, for the tests of the entry points themselves (the console
    script, ``python -m``, flake8 and pylint as users run them); never a traceback."""
    result = subprocess.run(
        [sys.executable, *command], cwd=cwd, input=stdin, capture_output=True, text=True, env=env, timeout=timeout
    )
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    return Run(result.returncode, result.stdout, result.stderr)


@pytest.fixture(scope="session")
def keras3_python() -> str:
    """This Python, where Keras 3 is installed (the ``keras3`` extra), to run programs on it as
    subprocesses; the test is skipped, saying why, where it is not."""
    if importlib.util.find_spec("keras") is None:
        pytest.skip("Keras 3 is not installed (the keras3 extra)")
    return sys.executable


@pytest.fixture(scope="session")
def tf215_python() -> str:
    """The Python of a TensorFlow 2.15 venv (tf.keras = keras 2.15), ``$KERASCHECK_TF215_PYTHON``: the
    test is skipped, saying why, where it is not set."""
    python = os.environ.get("KERASCHECK_TF215_PYTHON")
    if not python or not Path(python).exists():
        pytest.skip("no TensorFlow 2.15 Python: set KERASCHECK_TF215_PYTHON (.ci/run builds one)")
    return python


@pytest.fixture(scope="session")
def real_keras3():
    """The installed Keras 3, imported once per session (numpy backend, a scratch ``KERAS_HOME``);
    the test is skipped, saying why, where it cannot be imported."""
    os.environ.setdefault("KERAS_BACKEND", "numpy")
    os.environ.setdefault("KERAS_HOME", tempfile.mkdtemp(prefix="kerascheck-keras-home-"))
    try:
        import keras
    except Exception as error:  # ImportError, or a backend that fails to load
        pytest.skip(f"Keras 3 is not importable ({type(error).__name__}: {error}); `pip install keras jax` to run")
    if not getattr(keras, "__version__", "").startswith("3."):
        pytest.skip(f"installed keras is {getattr(keras, '__version__', '?')}, not Keras 3")
    return keras


def fail_listing(title: str, problems: List[str]) -> None:
    """Fail listing every problem, sorted (a check over a whole table reports all it finds)."""
    if problems:
        pytest.fail(f"{title} ({len(problems)}):\n  " + "\n  ".join(sorted(problems)), pytrace=False)


def is_project_example(source: str) -> bool:
    """A rule example made of files, each introduced by a ``# name.py`` (or ``.txt``) line."""
    return any(line.startswith("# ") and line.strip().endswith((".py", ".txt")) for line in source.splitlines())
