from __future__ import annotations

import textwrap

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


@pytest.fixture
def check():
    return codes_at
