"""Every rule's VALID and INVALID examples, run exactly: code, line, column, count, fixed text."""

from __future__ import annotations

import ast
import tempfile
from pathlib import Path

import pytest

from kerascheck.config import Settings
from kerascheck.engine import analyse_source, check_source
from kerascheck.fix import apply_fixes
from kerascheck.pins import read_pins
from kerascheck.project import Project, module_uses
from kerascheck.rules import RULES
from tests.conftest import is_project_example

VALID = [
    pytest.param(rule, example, id=f"{rule.code}-valid-{i}") for rule in RULES for i, example in enumerate(rule.valid)
]
INVALID = [
    pytest.param(rule, example, id=f"{rule.code}-invalid-{i}")
    for rule in RULES
    for i, example in enumerate(rule.invalid)
]


def _of_rule(rule, source, target):
    """A project example (files, or a rule that checks projects only) gives the project findings; another
    example of a rule that checks modules too gives the module findings."""
    if "check_project" in rule.hooks() and (is_project_example(source) or rule.hooks() == ("check_project",)):
        return _of_project_rule(rule, source, target)
    return [f for f in check_source(source, Settings(target=target)) if f.code == rule.code]


def _of_project_rule(rule, source, target):
    """Project rules' examples are a requirements file, or files each introduced by a `# name.py` line."""
    files = {}
    name = "requirements.txt"
    for line in source.splitlines(keepends=True):
        if line.startswith("# ") and line.strip().endswith((".py", ".txt")):
            name = line[2:].strip()
            continue
        files[name] = files.get(name, "") + line
    settings = Settings(target=target)
    with tempfile.TemporaryDirectory() as folder:
        modules = []
        for name, text in files.items():
            (Path(folder) / name).write_text(text)
            if name.endswith(".py") and (uses := module_uses(name, analyse_source(text, settings))) is not None:
                modules.append(uses)
        project = Project(settings, modules=modules, pins=read_pins(Path(folder)), target_was_chosen=True)
        return [finding for _, finding in rule().check_project(project)]


@pytest.mark.parametrize("rule, example", VALID)
def test_valid_example_has_no_finding(rule, example):
    assert _of_rule(rule, example.source, example.target) == []


@pytest.mark.parametrize("rule, example", INVALID)
def test_invalid_example_reports_exactly(rule, example):
    found = _of_rule(rule, example.source, example.target)
    assert [(f.line, f.col) for f in found] == list(example.at)
    for finding in found:
        assert finding.message and "{" not in finding.message
        assert finding.text.startswith(finding.message)


@pytest.mark.parametrize("rule, example", INVALID)
def test_invalid_example_fix(rule, example):
    found = _of_rule(rule, example.source, example.target)
    fixed, count = apply_fixes(example.source, found, unsafe=True)
    if example.fixed is None:
        assert count == 0, "the rule offers a fix the example does not show"
        return
    assert fixed == example.fixed
    ast.parse(fixed)
    again = _of_rule(rule, fixed, example.target)
    assert [f for f in again if f.fix is not None] == [], "a second fix would change the code again"


@pytest.mark.parametrize("rule", [rule for rule in RULES if any(example.fixed for example in rule.invalid)])
def test_a_rule_that_fixes_says_so_in_its_table(rule):
    # the fix column of README's rule table and `--explain` come from `fix_safety`: "none" there was wrong for seven
    assert rule.fix_safety.value != "none", f"{rule.code} fixes its examples but declares no fix"
