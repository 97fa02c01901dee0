"""Small real programs (``tests/data/api_programs``) that break on Keras 3 or on TensorFlow 2.15's tf.keras,
or run there: kerascheck's findings land on the lines marked ``# breaks`` (Keras raises there) or
``# ignored`` (Keras takes the keyword and ignores it, or honours it with a deprecation warning), and a
program marked ``runs`` gets none.

Each program says its target (``# target: keras3`` / ``tf.keras``) and what it does (``# expect: raises``,
``warns``, ``runs``; ``# says:`` what Keras warns). Where the failure surfaces in a later statement than its
cause (a loss traced in ``fit``), that statement is marked ``# surfaces``. With ``KERASCHECK_RUN_PROGRAMS=1`` the
programs also run on the real Keras to prove it: Keras 3 in this Python (JAX backend), tf.keras in
``$KERASCHECK_TF215_PYTHON``. A program that raises must raise at its marked line, one that warns must
finish and print Keras's message, one that runs must finish.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, NamedTuple

import pytest

from kerascheck.catalog.model import Target
from kerascheck.config import Settings
from kerascheck.engine import check_source

PROGRAMS = Path(__file__).parent / "data" / "api_programs"
TARGETS = {"keras3": Target.KERAS3, "tf.keras": Target.TF_KERAS}


class Program(NamedTuple):
    path: Path
    target: Target
    expect: str  # raises, warns or runs
    says: str
    marked: List[int]  # the lines marked ``# breaks`` / ``# ignored``
    surfaces: int  # where the traceback ends: the line marked ``# surfaces`` (``fit``, for a loss traced there)


def _read(path: Path) -> Program:
    text = path.read_text(encoding="utf-8")
    headers: Dict[str, str] = dict(re.findall(r"^# (target|expect|says): (.*)$", text, re.MULTILINE))
    lines = text.splitlines()
    marked = [n for n, line in enumerate(lines, 1) if re.search(r"# (breaks|ignored)$", line)]
    surfaces = [n for n, line in enumerate(lines, 1) if line.endswith("# surfaces")]
    at = surfaces[0] if surfaces else (marked[0] if marked else 0)
    return Program(path, TARGETS[headers["target"]], headers["expect"], headers.get("says", ""), marked, at)


ALL = [_read(path) for path in sorted(PROGRAMS.glob("*.py"))]


def test_the_programs_cover_each_target_and_outcome():
    assert {(p.target, p.expect) for p in ALL} == {
        (t, e) for t in TARGETS.values() for e in ("raises", "warns", "runs")
    }
    for program in ALL:
        assert bool(program.marked) == (program.expect != "runs"), program.path.name
        assert program.expect != "raises" or len(program.marked) == 1, program.path.name  # one break each


@pytest.mark.parametrize("program", ALL, ids=[p.path.name for p in ALL])
def test_findings_land_on_the_marked_lines(program):
    source = program.path.read_text(encoding="utf-8")
    lines = sorted({f.line for f in check_source(source, Settings(target=program.target))})
    assert lines == program.marked


def _python(target: Target) -> str:
    if os.environ.get("KERASCHECK_RUN_PROGRAMS") != "1":
        pytest.skip("set KERASCHECK_RUN_PROGRAMS=1 to run the programs on the real Keras")
    if target is Target.KERAS3:
        return sys.executable
    python = os.environ.get("KERASCHECK_TF215_PYTHON")
    if not python:
        pytest.skip("set KERASCHECK_TF215_PYTHON to a Python with tensorflow==2.15")
    return python


@pytest.mark.parametrize("program", ALL, ids=[p.path.name for p in ALL])
def test_the_programs_do_what_they_say_on_the_real_keras(program, tmp_path):
    python = _python(program.target)
    environment = {**os.environ, "KERAS_BACKEND": "jax", "TF_CPP_MIN_LOG_LEVEL": "2", "KERAS_HOME": str(tmp_path)}
    done = subprocess.run(
        [python, str(program.path)], cwd=tmp_path, capture_output=True, text=True, timeout=600, env=environment
    )
    output = done.stdout + done.stderr
    if program.expect == "raises":
        assert done.returncode != 0, output[-2000:]
        frames = re.findall(rf'File "{re.escape(str(program.path))}", line (\d+)', done.stderr)
        assert frames and int(frames[-1]) == program.surfaces, output[-2000:]
        assert program.says in output, output[-2000:]  # what the finding quotes, where the program says it
    else:
        assert done.returncode == 0, output[-2000:]
        assert program.says in output, output[-2000:]


def test_the_epsilon_programs_say_what_ker209_quotes():
    from kerascheck.catalog import EPSILON_NONE_ERRORS

    says = {p.target: p.says for p in ALL if "epsilon_none" in p.path.name}
    assert says == dict(EPSILON_NONE_ERRORS)


def test_the_class_weight_programs_say_what_ker214_quotes():
    from kerascheck.catalog.training import CLASS_WEIGHT_STRING_ERRORS

    says = {p.target: p.says for p in ALL if "class_weight_auto" in p.path.name}
    assert says == CLASS_WEIGHT_STRING_ERRORS


def test_the_validation_split_programs_say_what_ker215_quotes():
    from kerascheck.catalog.training import VALIDATION_SPLIT_ERRORS

    says = {p.target: p.says for p in ALL if "sequence_validation_split" in p.path.name}
    assert says == {target: f"ValueError: {error}" for target, error in VALIDATION_SPLIT_ERRORS.items()}


def test_the_legacy_optimizer_programs_say_what_ker323_quotes():
    from kerascheck.catalog.training import TF_KERAS_OPTIMIZER_NAME_ERRORS

    says = {p.path.name: p.says for p in ALL if p.path.name.startswith("tf_legacy_")}
    assert says == {
        "tf_legacy_custom_optimizer.py": TF_KERAS_OPTIMIZER_NAME_ERRORS["optimizers.Optimizer"],
        "tf_legacy_optimizer_base_needs_a_name.py": TF_KERAS_OPTIMIZER_NAME_ERRORS["optimizers.legacy.Optimizer"],
    }


def test_the_shared_optimizer_programs_say_what_ker229_quotes():
    from kerascheck.catalog.training import SHARED_OPTIMIZER_ERRORS

    says = {p.target: p.says for p in ALL if "shared_optimizer_two_models" in p.path.name}
    assert set(says) == set(SHARED_OPTIMIZER_ERRORS)
    for target, said in says.items():
        assert said in SHARED_OPTIMIZER_ERRORS[target], target
    same_count = [p for p in ALL if "shared_optimizer_same_count" in p.path.name]
    assert same_count and all(p.says in SHARED_OPTIMIZER_ERRORS[p.target] for p in same_count)


def test_the_optimizer_config_programs_say_what_ker217_knows():
    from kerascheck.catalog.training import OLD_OPTIMIZER_CONFIG_KEYS

    says = {p.says for p in ALL if "optimizer_config_" in p.path.name}
    assert says == {f"KeyError: {key!r}" for key in OLD_OPTIMIZER_CONFIG_KEYS}


def test_the_learning_rate_and_dimension_programs_say_what_ker233_and_ker328_quote():
    from kerascheck.catalog.training import DIMENSION_VALUE_ERROR, LEARNING_RATE_CALL_ERRORS

    says = {p.path.name: p.says for p in ALL}
    assert says["tf_learning_rate_called.py"] == LEARNING_RATE_CALL_ERRORS[Target.TF_KERAS]
    assert says["k3_learning_rate_called.py"] in LEARNING_RATE_CALL_ERRORS[Target.KERAS3]
    assert says["tf_dimension_value_build.py"] == says["k3_dimension_value_build.py"] == DIMENSION_VALUE_ERROR
