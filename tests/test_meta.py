"""The registry is the one source of truth: codes, names, docs, examples, plugins agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kerascheck.docs import generated, rules_page
from kerascheck.rules import RULES, Rule, Severity

ROOT = Path(__file__).resolve().parent.parent
HEADINGS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix safety")


def test_codes_are_unique_and_well_formed():
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"KER[1-5]\d\d", code) for code in codes)


def test_names_are_unique_kebab_case():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", name) for name in names)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_is_documented_and_exampled(rule):
    doc = rule.__doc__ or ""
    positions = [doc.find(heading) for heading in HEADINGS]
    assert all(p >= 0 for p in positions), f"{rule.code} lacks a heading"
    assert positions == sorted(positions)
    assert rule.valid and rule.invalid
    assert isinstance(rule.severity, Severity)
    assert rule.hooks(), f"{rule.code} checks nothing"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_message_templates_use_named_fields_only(rule):
    fields = rule.message_fields()
    assert all(field.isidentifier() for field in fields)
    filled = {field: "X" for field in fields}
    assert "{" not in rule.message.format(**filled)
    if rule.fix_title:
        assert "{" not in rule.fix_title.format(**filled)


def test_every_code_is_in_readme_and_changelog():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert rule.code in readme
        assert rule.code in changelog


@pytest.mark.parametrize("path, expected", list(generated(ROOT)), ids=lambda value: getattr(value, "name", ""))
def test_generated_docs_are_current(path, expected):
    assert path.read_text(encoding="utf-8") == expected, "run `python -m kerascheck.docs` to regenerate"


def test_rules_page_renders_every_catalog_table_a_rule_reads():
    page = rules_page()
    for rule in RULES:
        assert f"## {rule.code}" in page
        for table in rule.catalog_tables:
            assert f"**{table}**" in page


def test_only_opinionated_rules_are_off_by_default():
    off = [rule.code for rule in RULES if not rule.default_enabled]
    # a name that still works on both targets (a style change); a phase fixed on purpose (the same on every Keras);
    # a layer that runs (the phase reaches sublayers through the call context); info on every layer; a guess about
    # where weights come from
    assert off == ["KER110", "KER303", "KER306", "KER307", "KER324"]


def test_rule_base_has_no_code():
    assert "code" not in vars(Rule)


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["lint", "format"])
def test_code_style(command):
    import subprocess
    import sys

    pytest.importorskip("ruff")
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "kerascheck", "tests", "scripts"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_catalog_name_tables_stay_split_by_area():
    """catalog/names/ is split by Keras area so that no file passes about 1,000 lines; REMOVED_NAMES is
    the concatenation of the area tables and no (target, name) is listed twice."""
    from kerascheck.catalog import names

    sizes = {path.name: len(path.read_text().splitlines()) for path in (ROOT / "kerascheck/catalog/names").glob("*.py")}
    assert len(sizes) > 5 and max(sizes.values()) <= 1000, sizes
    keys = [(target, fact.old) for fact in names.REMOVED_NAMES for target in fact.targets]
    assert len(keys) == len(set(keys))
