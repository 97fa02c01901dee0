"""The bundled examples carry their expected findings as `# expect: KERnnn, …` comments."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from kerascheck.config import Settings
from kerascheck.engine import check_source
from kerascheck.rules import RULES_BY_CODE

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.py"))
EXPECT = re.compile(r"#\s*expect:\s*(KER\d{3}(?:\s*,\s*KER\d{3})*)")


def expected(source: str) -> Counter:
    found = Counter()
    for number, line in enumerate(source.splitlines(), start=1):
        match = EXPECT.search(line)
        if match:
            for code in re.split(r"\s*,\s*", match.group(1)):
                found[(number, code)] += 1
    return found


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_example_findings_are_exactly_the_annotated_ones(path):
    source = path.read_text(encoding="utf-8")
    found = Counter((f.line, f.code) for f in check_source(source, Settings()) if RULES_BY_CODE[f.code].default_enabled)
    assert found == expected(source)


def test_examples_cover_all_four_families():
    families = {code[3] for path in EXAMPLES for _, code in expected(path.read_text(encoding="utf-8"))}
    assert families == {"1", "2", "3", "4"}


def test_clean_example_is_clean():
    assert expected((EXAMPLES[0].parent / "clean_tf_keras.py").read_text(encoding="utf-8")) == Counter()
    assert check_source((EXAMPLES[0].parent / "clean_tf_keras.py").read_text(encoding="utf-8"), Settings()) == []
