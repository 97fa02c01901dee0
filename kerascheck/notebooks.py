"""Jupyter notebooks (nbformat 4) checked like modules.

The code cells are joined into one module, with IPython syntax neutralised so that it parses:
``%line`` and ``!shell`` magics and ``?help``/``help?`` lines become ``pass`` statements of the same
indentation (a line no rule reports on and no fix touches), ``%time stmt`` becomes ``pass; stmt`` and
``x = !ls`` becomes ``x = None``, all in the same columns; a cell under a cell magic of another language
(``%%bash``, ``%%writefile``) is left out, one under ``%%time``, ``%%capture`` or an unknown magic is
checked when its body parses. A Python cell that does not parse is left out and said (``unparsed``). A cell
map turns module lines back into (cell, line). Fixes are applied to the cells' original text, cell
by cell, and the notebook is written back with only those cells' ``source`` changed: outputs,
metadata, key order and indentation of the JSON stay as they were.
"""

from __future__ import annotations

import ast
import json
import re
from typing import Any, Dict, List, NamedTuple, Optional, Tuple

from kerascheck.engine import split_lines
from kerascheck.findings import Edit, Finding

_MAGIC = re.compile(r"^(\s*)(%|!|\?)")
_HELP_SUFFIX = re.compile(r"^\s*[\w.]+\?{1,2}\s*$")


class NotebookError(ValueError):
    """A notebook that cannot be read: the message says why, in one line."""


class Cell(NamedTuple):
    index: int  # 1-based position among all the notebook's cells, as Jupyter shows them: "cell 3"
    text: str  # the cell's source as written
    neutral: str  # the same, with IPython syntax neutralised
    first_line: int  # 1-based line of the joined module where this cell starts


class Notebook(NamedTuple):
    data: Dict[str, Any]
    cells: List[Cell]
    module: str  # the joined, neutralised code
    unparsed: Tuple[str, ...] = ()  # "cell 5 cannot be parsed: line 2: invalid syntax", one per cell

    def locate(self, line: int) -> Tuple[Cell, int]:
        """The cell holding module line ``line``, and the line within the cell (1-based)."""
        current = self.cells[0]
        for cell in self.cells:
            if cell.first_line <= line:
                current = cell
        return current, line - current.first_line + 1


# IPython cell magics whose body is Python run as usual; the body of an unknown one is checked when it
# parses as Python. These run something else (IPython's built-in script and display magics).
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug"})
OTHER_LANGUAGE_CELL_MAGICS = frozenset(
    {
        "bash", "sh", "script", "system", "sx", "perl", "ruby", "js", "javascript", "html", "HTML", "latex",
        "markdown", "svg", "writefile", "file", "python2", "python3", "pypy", "sql", "cmd", "powershell",
    }
)  # fmt: skip

# Line magics whose argument is a Python statement: ``%time model.fit(...)`` is checked as the statement.
_PYTHON_LINE_MAGIC = re.compile(r"%(?:time|timeit|prun)\s+(?=[^-\s])")
# ``files = !ls`` / ``x = %time f()``: a target, ``=``, then a magic.
_ASSIGNED_MAGIC = re.compile(r"^(\s*)([^=!%#'\"]+?)(\s*=\s*)(?=[%!])")


def cell_magic(text: str) -> Optional[str]:
    """The cell magic a cell starts with (``time`` for ``%%time``), or None."""
    first = text.lstrip().split("\n", 1)[0]
    return first.strip()[2:].split(" ", 1)[0] if first.startswith("%%") else None


def _neutralise(text: str) -> str:
    lines = split_lines(text)
    if cell_magic(text) in OTHER_LANGUAGE_CELL_MAGICS:
        return ""
    return "".join(_neutral_line(line) for line in lines)


def _neutral_line(line: str) -> str:
    """The line with IPython syntax made Python of the same columns: a magic or shell line becomes
    ``pass`` (``pass; stmt`` for ``%time stmt``), ``x = !ls`` binds ``x`` to ``None``."""
    body = line.rstrip("\r\n")
    ending = line[len(body) :]
    assigned = _ASSIGNED_MAGIC.match(body)
    if assigned and _parses(f"{assigned.group(2)} = None"):
        head = assigned.group(0)
        python = _PYTHON_LINE_MAGIC.match(body, len(head))
        if python:  # x = %time f(): x = f(), the magic blanked
            return head + " " * (python.end() - len(head)) + body[python.end() :] + ending
        return f"{head}None{ending}"
    match = _MAGIC.match(body)
    if match:
        python = _PYTHON_LINE_MAGIC.match(body, len(match.group(1)))
        if python and python.end() - len(match.group(1)) >= len("pass;"):
            blank = python.end() - len(match.group(1))
            return match.group(1) + "pass;".ljust(blank) + body[python.end() :] + ending
        return f"{match.group(1)}pass{ending}"
    if _HELP_SUFFIX.match(body):
        return f"{line[: len(line) - len(line.lstrip())]}pass{ending}"
    return line


def _source_text(cell: Dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _parses(text: str) -> bool:
    return _syntax_error(text) is None


def _syntax_error(text: str) -> Optional[str]:
    """Why the text is no Python, in a few words; None when it parses."""
    try:
        ast.parse(text)
        return None
    except SyntaxError as error:
        return f"line {error.lineno}: {error.msg}" if error.lineno else error.msg
    except (ValueError, RecursionError, MemoryError) as error:
        return str(error) or type(error).__name__


def load(raw: str) -> Notebook:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise NotebookError(f"not a notebook: invalid JSON at line {error.lineno}: {error.msg}") from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise NotebookError("not a notebook: no list of cells (only nbformat 4 is supported)")
    cells: List[Cell] = []
    parts: List[str] = []
    unparsed: List[str] = []
    line = 1
    for index, cell in enumerate(data["cells"], start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        text = _source_text(cell)
        neutral = _neutralise(text)
        if not neutral.strip():
            continue  # an empty cell, or one in another language
        problem = _syntax_error(neutral)
        if problem is not None:
            if cell_magic(text) in (None, *PYTHON_CELL_MAGICS):  # Python that does not parse: said, not hidden
                unparsed.append(f"cell {index} cannot be parsed: {problem}")
            continue  # the notebook's other cells are still checked
        code = neutral if neutral.endswith(("\n", "\r")) else neutral + "\n"
        cells.append(Cell(index, text, neutral, line))
        parts.append(code)
        line += len(split_lines(code))
    return Notebook(data, cells, "".join(parts), tuple(unparsed))


def in_cell(notebook: Notebook, finding: Finding) -> Finding:
    """The finding in its cell's coordinates (its fix stays in the module's, for :func:`cell_edits`)."""
    cell, line = notebook.locate(finding.line)
    _, end_line = notebook.locate(finding.end_line)
    return finding._replace(line=line, end_line=end_line, cell=cell.index)


def cell_edits(notebook: Notebook, findings: List[Finding]) -> Dict[int, List[Tuple[Finding, List[Edit]]]]:
    """The findings' fixes, in each cell's own coordinates, grouped by cell index."""
    grouped: Dict[int, List[Tuple[Finding, List[Edit]]]] = {}
    for finding in findings:
        if finding.fix is None:
            continue
        edits = []
        cell = None
        for edit in finding.fix.edits:
            start_cell, start = notebook.locate(edit.line)
            end_cell, end = notebook.locate(edit.end_line)
            if start_cell is not end_cell or (cell is not None and cell is not start_cell):
                edits = []
                break
            cell = start_cell
            edits.append(Edit(start, edit.col, end, edit.end_col, edit.text))
        if edits and cell is not None:
            grouped.setdefault(cell.index, []).append((finding, edits))
    return grouped


def dumps(notebook: Notebook, new_sources: Dict[int, str], original: str) -> str:
    """The notebook with new sources for some cells, in the file's own JSON layout."""
    for index, text in new_sources.items():
        cell = notebook.data["cells"][index - 1]
        cell["source"] = split_lines(text) if isinstance(cell.get("source"), list) else text
    indent = _indent_of(original)
    text = json.dumps(notebook.data, indent=indent, ensure_ascii=False)
    return text + "\n" if original.endswith("\n") else text


def _indent_of(raw: str) -> Optional[int]:
    lines = raw.splitlines()
    if len(lines) < 2:
        return None
    return len(lines[1]) - len(lines[1].lstrip(" ")) or None


_SOURCE_KEY = re.compile(r'^\s*"source":\s*\[\s*$')


def file_position(raw_lines: List[str], cell: int, line: int, col: int) -> Optional[Tuple[int, int]]:
    """Where a cell's (line, col) stands in the notebook file itself (1-based row, 0-based column), for
    editors that open the JSON; None unless the file has Jupyter's layout of one source line per JSON
    line (``"source": [`` then one string per line)."""
    starts = [row for row, text in enumerate(raw_lines) if '"source":' in text]
    if cell > len(starts) or not _SOURCE_KEY.match(raw_lines[starts[cell - 1]]):
        return None
    row = starts[cell - 1] + line
    if row >= len(raw_lines):
        return None
    text = raw_lines[row]
    quote = text.find('"')
    try:
        source_line = json.loads(text[quote:].rstrip().rstrip(","))
    except json.JSONDecodeError:
        return None
    for ensure_ascii in (False, True):
        prefix = json.dumps(source_line[:col], ensure_ascii=ensure_ascii)[1:-1]
        if text[quote + 1 :].startswith(prefix):
            return row + 1, quote + 1 + len(prefix)
    return None
