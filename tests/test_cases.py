"""``tests/cases/``: realistic modules and projects, each carrying the findings the ``kerascheck`` command
must report on it as trailing comments (``# KER201:25``, 1-based column). The exact set is required:
a missing finding and an extra one both fail, listed. The format is in ``tests/cases/README.md``."""

from __future__ import annotations

import json
import posixpath
import re
import shlex
import shutil
from collections import Counter
from pathlib import Path
from typing import List, NamedTuple, Tuple

import pytest

from kerascheck.rules import RULES
from tests.conftest import run_kerascheck

CASES = Path(__file__).resolve().parent / "cases"
HEADER = re.compile(r"#\s*kerascheck-case:(?P<options>.*)$")
EXPECTED = re.compile(r"#\s*(?P<codes>KER\d{3}:\d+(?:[ ,]+KER\d{3}:\d+)*)\s*$")
CODE = re.compile(r"(KER\d{3}):(\d+)")


class Expected(NamedTuple):
    path: str  # relative to the case's folder, with /
    line: int
    col: int  # 1-based, as the command prints it
    code: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code}"


def _case_files(case: Path) -> List[Path]:
    if case.is_file():
        return [case]
    return sorted(path for path in case.rglob("*") if path.is_file())


def _relative(case: Path, path: Path) -> str:
    return path.name if case.is_file() else path.relative_to(case).as_posix()


def expectations(case: Path) -> Tuple[List[str], Counter]:
    """The command-line options of a case (its one ``# kerascheck-case:`` line) and what it expects."""
    headers, expected = [], Counter()
    for path in _case_files(case):
        lines = path.read_text(encoding="utf-8").splitlines()
        first = None  # a requirement continued with `\` takes its expectations from its last line
        for number, line in enumerate(lines, start=1):
            header = HEADER.search(line)
            if header:
                headers.append(shlex.split(header.group("options")))
            start = first or number
            first = start if path.suffix == ".txt" and line.endswith("\\") else None
            match = EXPECTED.search(line)
            for code, col in CODE.findall(match.group("codes")) if match else ():
                expected[Expected(_relative(case, path), start, int(col), code)] += 1
    assert len(headers) == 1, f"{case.name}: {len(headers)} `# kerascheck-case:` lines, not one"
    return headers[0], expected


def found(case: Path, options: List[str], tmp_path: Path) -> Tuple[Counter, dict]:
    """What ``kerascheck`` reports on a copy of the case (no folder above it to read settings or pins from)."""
    copy = tmp_path / case.name
    (shutil.copytree if case.is_dir() else shutil.copyfile)(case, copy)
    target = "." if case.is_dir() else case.name
    code, out, err = run_kerascheck(
        "--no-config", "--format", "json", *options, target, cwd=copy if case.is_dir() else tmp_path
    )
    assert code in (0, 1) and not err, err
    reported, messages = Counter(), {}
    for finding in json.loads(out):
        key = Expected(
            posixpath.normpath(Path(finding["filename"]).as_posix()),
            finding["location"]["row"],
            finding["location"]["column"],
            finding["code"],
        )
        reported[key] += 1
        messages[key] = finding["message"]
    return reported, messages


ALL = sorted([*CASES.glob("*.py"), *(path for path in CASES.iterdir() if path.is_dir())])


@pytest.mark.parametrize("case", ALL, ids=lambda case: case.name)
def test_case_reports_exactly_the_expected_findings(case, tmp_path):
    options, expected = expectations(case)
    reported, messages = found(case, options, tmp_path)
    missing = sorted(expected - reported)
    extra = sorted(reported - expected)
    lines = [f"  missing  {key}" for key in missing] + [f"  extra    {key} {messages[key]}" for key in extra]
    assert not lines, f"{case.name} (kerascheck {shlex.join(options)}):\n" + "\n".join(lines)


def _all_expected() -> Counter:
    return sum((expectations(case)[1] for case in ALL), Counter())


def test_every_rule_has_two_invalid_examples_in_the_cases():
    per_code = Counter(key.code for key in _all_expected().elements())
    short = {rule.code: per_code[rule.code] for rule in RULES if per_code[rule.code] < 2}
    assert not short, f"codes with fewer than two expected findings in tests/cases: {short}"


def test_cases_include_valid_code():
    """Modules with no finding, that look like real code, keep the cases honest about precision."""
    valid = [case.name for case in ALL if not expectations(case)[1]]
    assert len(valid) >= 2, valid
