"""``# noqa`` reads flake8's logical lines; tokenizing only the stretch around a finding must give
the same statement text as tokenizing the whole module."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from kerascheck.engine import split_lines
from kerascheck.noqa import _LogicalLines
from kerascheck.walk import ModuleIndex

ROOT = Path(__file__).resolve().parent.parent

SOURCES = [
    textwrap.dedent(
        """\
        import keras  # noqa
        x = 1; y = (
            2)
        @decorator(
            3)  # noqa
        class A(
            keras.layers.Layer,
        ):
            def call(self, inputs,
                     training=None):  # noqa: KER3
                '''A docstring
                over lines'''
                if inputs:
                    return (inputs +
                            1)


        # a comment
        z = [
            # inside
            4,
        ]
        """
    ),
    "def f():\n    if a:\n        b = (\n            1)\n    c = 2\n\n\n\n@d\ndef g(): pass\n",
    "s = '''\nnoqa\n'''\nt = 1 \\\n    + 2\n",
]


def _files():
    for path in sorted((ROOT / "kerascheck").rglob("*.py")) + sorted((ROOT / "examples").glob("*.py")):
        yield pytest.param(path.read_text(encoding="utf-8"), id=str(path.relative_to(ROOT)))
    for index, source in enumerate(SOURCES):
        yield pytest.param(source, id=f"source-{index}")


@pytest.mark.parametrize("source", list(_files()))
def test_stretches_read_the_same_statements_as_the_whole_module(source):
    lines = split_lines(source)
    starts = ModuleIndex().build(ast.parse(source)).statement_starts
    whole = _LogicalLines(lines)
    whole._tokenize(1, until=len(lines))
    # a fresh reader per line is quadratic on long statements (a 400-line table): at most 40 of them
    step = max(1, len(lines) // 40)
    for number in range(1, len(lines) + 1, step):
        assert _LogicalLines(lines, starts).text_of(number) == whole.text_of(number), number
    shared = _LogicalLines(lines, starts)  # one reader for many lines, in any order
    for number in list(range(len(lines), 0, -2)) + list(range(1, len(lines) + 1)):
        assert shared.text_of(number) == whole.text_of(number), number


def test_a_statement_after_a_backslash_continues_the_logical_line():
    source = "import keras\nclass A:\\\r\n pass  # noqa: KER999\nx = 1\n"
    lines = split_lines(source)
    starts = [1, 2, 3, 4]  # what the engine records: `pass` starts a statement on line 3
    logical = _LogicalLines(lines, starts)
    assert logical.text_of(3) == "class A:\\\r\n pass  # noqa: KER999\n"
    assert logical.text_of(4) == "x = 1\n"
    blank_between = split_lines("class A:\\\r \n pass  # noqa\n")
    assert _LogicalLines(blank_between, [1, 3]).text_of(3) == "class A:\\\r \n pass  # noqa\n"
    comment_between = split_lines("class A:\\\r# type: ignore\n pass  # noqa\n")
    assert _LogicalLines(comment_between, [1, 3]).text_of(3) == "class A:\\\r# type: ignore\n pass  # noqa\n"
