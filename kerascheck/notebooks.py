"""Jupyter notebooks (nbformat 4) checked like modules.

The code cells are joined into one module, with IPython syntax neutralised so that it parses:
``%line`` and ``!shell`` magics and ``?help``/``help?`` lines become ``pass`` statements of the same
indentation (a line no rule reports on and no fix touches); a cell under a cell magic whose body is
not Python (``%%bash``, ``%%writefile``) is left out. A cell
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

    def locate(self, line: int) -> Tuple[Cell, int]:
        """The cell holding module line ``line``, and the line within the cell (1-based)."""
        current = self.cells[0]
        for cell in self.cells:
            if cell.first_line <= line:
                current = cell
        return current, line - current.first_line + 1


# IPython cell magics whose body is Python run as usual; any other (%%bash, %%writefile…) is not Python.
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun"})


def _neutralise(text: str) -> str:
    lines = split_lines(text)
    if lines and lines[0].lstrip().startswith("%%"):
        magic = lines[0].strip()[2:].split(" ", 1)[0]
        if magic not in PYTHON_CELL_MAGICS:
            return ""
    out = []
    for line in lines:
        ending = line[len(line.rstrip("\r\n")) :]
        match = _MAGIC.match(line)
        if match or _HELP_SUFFIX.match(line.rstrip("\r\n")):
            indent = match.group(1) if match else line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}pass{ending}")
        else:
            out.append(line)
    return "".join(out)


def _source_text(cell: Dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _parses(text: str) -> bool:
    try:
        ast.parse(text)
        return True
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False


def load(raw: str) -> Notebook:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise NotebookError(f"not a notebook: invalid JSON at line {error.lineno}: {error.msg}") from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise NotebookError("not a notebook: no list of cells (only nbformat 4 is supported)")
    cells: List[Cell] = []
    parts: List[str] = []
    line = 1
    for index, cell in enumerate(data["cells"], start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        text = _source_text(cell)
        neutral = _neutralise(text)
        if not neutral.strip() or not _parses(neutral):
            continue  # an empty cell, or one that is not Python: left out, not the whole notebook
        code = neutral if neutral.endswith(("\n", "\r")) else neutral + "\n"
        cells.append(Cell(index, text, neutral, line))
        parts.append(code)
        line += len(split_lines(code))
    return Notebook(data, cells, "".join(parts))


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


def hidden_text(notebook: Notebook) -> str:
    """What runs in the notebook but is not in its module: magic and shell lines, and the code cells
    left out (not Python, or not parsable: ``files = !ls``). A rename must not miss a use there."""
    kept = {cell.index: cell for cell in notebook.cells}
    parts = []
    for index, cell in enumerate(notebook.data["cells"], start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        if index not in kept:
            parts.append(_source_text(cell))
            continue
        written, neutral = split_lines(kept[index].text), split_lines(kept[index].neutral)
        parts += [line for line, seen in zip(written, neutral) if line != seen]
    return "\n".join(parts)
