"""Jupyter notebooks (nbformat 4) checked like modules.

The code cells are joined into one module, with IPython syntax neutralised so that it parses:
``%line`` and ``!shell`` magics and ``?help``/``help?`` lines become ``pass`` statements of the same
indentation (a line no rule reports on and no fix touches), ``%time stmt`` becomes ``pass; stmt`` and
``x = !ls`` becomes ``x = None``, all in the same columns; a cell under a cell magic of another language
(``%%bash``, ``%%writefile``) is left out, one under ``%%time``, ``%%capture`` or an unknown magic is
checked when its body parses. A Python cell that does not parse is left out and said (``unparsed``). A cell
map turns module lines back into (cell, line). Fixes are applied to the cells' original text, cell
by cell, and the notebook is written back with only those cells' ``source`` values rewritten, in
place, in the file's own JSON style: every other byte (outputs, metadata, key order, separators,
indentation, line endings, escapes) stays as it was.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Sequence, Set, Tuple

from kerascheck.files import NotebookError
from kerascheck.findings import Edit, Finding, Fix
from kerascheck.lazy import LazyPattern
from kerascheck.record import Record
from kerascheck.text import split_lines, syntax_problem

if TYPE_CHECKING:
    import json

_MAGIC = LazyPattern(r"^(\s*)(%|!|\?)")
_HELP_SUFFIX = LazyPattern(r"^\s*[\w.]+\?{1,2}\s*$")


class Cell(Record):
    index: int  # type: ignore[assignment]  # 1-based position among all the notebook's cells, as Jupyter shows them: "cell 3"
    text: str  # the cell's source as written
    neutral: str  # the same, with IPython syntax neutralised
    first_line: int  # 1-based line of the joined module where this cell starts


class Notebook(Record):
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
_PYTHON_LINE_MAGIC = LazyPattern(r"%(?:time|timeit|prun)\s+(?=[^-\s])")
# ``files = !ls`` / ``x = %time f()``: a target, ``=``, then a magic.
_ASSIGNED_MAGIC = LazyPattern(r"^(\s*)([^=!%#'\"]+?)(\s*=\s*)(?=[%!])")


def cell_magic(text: str) -> Optional[str]:
    """The cell magic a cell starts with (``time`` for ``%%time``), or None."""
    first = text.lstrip().split("\n", 1)[0]
    return first.strip()[2:].split(" ", 1)[0] if first.startswith("%%") else None


def _neutralise(text: str) -> str:
    lines = split_lines(text)
    if cell_magic(text) in OTHER_LANGUAGE_CELL_MAGICS:
        return ""
    neutral: List[str] = []
    continued = False  # the line before was a magic or shell line that goes on (``!python train.py \\``)
    for line in lines:
        body = line.rstrip("\r\n")
        if continued:  # IPython joins it to the magic: nothing of it is Python
            neutral.append(line[len(body) :])
            continued = body.endswith("\\")
            continue
        made = _neutral_line(line)
        continued = made != line and body.endswith("\\") and made.rstrip("\r\n").endswith(("pass", "None"))
        neutral.append(made)
    return "".join(neutral)


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


def _source_text(cell: Dict[str, Any], index: int) -> str:
    source = cell.get("source", "")
    if isinstance(source, str):
        return source
    if isinstance(source, list) and all(isinstance(line, str) for line in source):
        return "".join(source)
    raise NotebookError(f"not a notebook: the source of cell {index} is not text nor a list of lines of text")


def _parses(text: str) -> bool:
    return _syntax_error(text) is None


def _syntax_error(text: str) -> Optional[str]:
    """Why the text is no Python, in a few words; None when it parses."""
    try:
        ast.parse(text)
        return None
    except SyntaxError as error:
        return syntax_problem(error)
    except (ValueError, RecursionError, MemoryError) as error:
        return str(error) or type(error).__name__


def load(raw: str) -> Notebook:
    import json  # here, as elsewhere in this module: kerascheck starts without it

    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise NotebookError(f"not a notebook: invalid JSON at line {error.lineno}: {error.msg}") from None
    except RecursionError:
        raise NotebookError("not a notebook: its JSON is nested too deeply") from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise NotebookError("not a notebook: no list of cells (only nbformat 4 is supported)")
    cells: List[Cell] = []
    parts: List[str] = []
    unparsed: List[str] = []
    line = 1
    for index, cell in enumerate(data["cells"], start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        text = _source_text(cell, index)
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
    """The finding, and its fix's edits, in its cell's coordinates: what a report shows."""
    cell, line = notebook.locate(finding.line)
    _, end_line = notebook.locate(finding.end_line)
    fix = finding.fix
    if fix is not None:
        _, edits = _edits_in_cell(notebook, fix.edits)
        fix = fix._replace(edits=tuple(edits)) if edits else None  # a fix across cells is never applied
    return finding._replace(line=line, end_line=end_line, cell=cell.index, fix=fix)


def _edits_in_cell(notebook: Notebook, edits: Sequence[Edit]) -> Tuple[Optional[Cell], List[Edit]]:
    """Module-coordinate edits in the coordinates of the one cell that holds them all; none if they
    span cells."""
    cell = None
    moved = []
    for edit in edits:
        start_cell, start = notebook.locate(edit.line)
        end_cell, end = notebook.locate(edit.end_line)
        if start_cell is not end_cell or (cell is not None and cell is not start_cell):
            return None, []
        cell = start_cell
        moved.append(Edit(start, edit.col, end, edit.end_col, edit.text))
    return cell, moved


def cell_edits(notebook: Notebook, findings: List[Finding]) -> Dict[int, List[Tuple[Finding, List[Edit]]]]:
    """The findings' fixes, in each cell's own coordinates, grouped by cell index. The findings are a
    round the guards passed on the joined cells, so a fix whose edits lie in several cells (each edit in
    one: KER115's ``ops`` joins the import of ``backend`` with the first call) is applied in each of them;
    one with an edit across a cell boundary is not applied."""
    split: List[Tuple[Finding, Fix, Dict[int, List[Edit]]]] = []
    broken: Set[Tuple[str, str]] = set()  # renames of fixes not applied: the others renaming the same name wait too
    for finding in findings:
        fix = finding.fix
        if fix is None:
            continue
        parts: Dict[int, List[Edit]] = {}
        for edit in fix.edits:
            cell, edits = _edits_in_cell(notebook, (edit,))
            if cell is None:
                parts = {}
                broken.update(fix.renames)
                break
            parts.setdefault(cell.index, []).extend(edits)
        split.append((finding, fix, parts))
    grouped: Dict[int, List[Tuple[Finding, List[Edit]]]] = {}
    for finding, fix, parts in split:
        if broken.intersection(fix.renames):
            continue
        for index, edits in parts.items():
            grouped.setdefault(index, []).append((finding, edits))
    return grouped


def dumps(original: str, new_sources: Dict[int, str]) -> str:
    """The notebook file ``original`` with new sources for some cells (1-based index -> text): only
    those cells' ``source`` values are rewritten, in the file's own JSON layout (separators,
    indentation with spaces or tabs, line endings, ``\\u`` escapes or raw non-ASCII, one string per
    line or one string); every other byte stays as it was."""
    spans = _source_spans(original)
    style = _Style.of(original)
    replacements = []
    for index, text in new_sources.items():
        if index not in spans:
            continue
        start, end = spans[index]
        old, _ = _decoder().raw_decode(original, start)
        if _source_text({"source": old}, index) == text:
            continue
        source = split_lines(text) if isinstance(old, list) else text
        replacements.append((start, end, style.value(original, start, end, source)))
    out = original
    for start, end, value in sorted(replacements, reverse=True):
        out = out[:start] + value + out[end:]
    return out


_WHITESPACE = LazyPattern(r"[ \t\n\r]*")


@cache
def _decoder() -> json.JSONDecoder:
    import json

    return json.JSONDecoder()


def _skip(raw: str, index: int) -> int:
    found = _WHITESPACE.match(raw, index)  # matches anywhere, if only the empty text
    return found.end() if found is not None else index


def _members(raw: str, index: int) -> Iterator[Tuple[str, int, int]]:
    """(key, value start, value end) of the JSON object at ``raw[index]``."""
    index = _skip(raw, index + 1)
    while raw[index] != "}":
        key, index = _decoder().raw_decode(raw, index)  # a string: raw[index] is its opening quote
        start = _skip(raw, _skip(raw, index) + 1)  # past the colon
        _, end = _decoder().raw_decode(raw, start)
        yield key, start, end
        index = _skip(raw, end)
        index = _skip(raw, index + 1) if raw[index] == "," else index


def _elements(raw: str, index: int) -> Iterator[Tuple[int, int]]:
    """(start, end) of each value of the JSON array at ``raw[index]``."""
    index = _skip(raw, index + 1)
    while raw[index] != "]":
        _, end = _decoder().raw_decode(raw, index)
        yield index, end
        index = _skip(raw, end)
        index = _skip(raw, index + 1) if raw[index] == "," else index


def _source_spans(raw: str) -> Dict[int, Tuple[int, int]]:
    """Where each cell's ``source`` value is written in the file: 1-based cell index -> (start, end)."""
    spans = {}
    for key, start, _ in _members(raw, _skip(raw, 0)):
        if key != "cells":
            continue
        for number, (cell_start, _) in enumerate(_elements(raw, start), start=1):
            if raw[cell_start] != "{":
                continue
            for name, value_start, value_end in _members(raw, cell_start):
                if name == "source":
                    spans[number] = (value_start, value_end)
    return spans


class _Style(Record):
    """How the file writes JSON, read from the file itself."""

    ensure_ascii: bool  # non-ASCII written as \u escapes
    newline: str  # "\n", "\r\n", or "" for a file on one line
    indent: str  # one level: "  ", " ", "\t"…
    compact: bool  # "," and ":" with no space after

    @classmethod
    def of(cls, raw: str) -> _Style:
        escapes = any(int(code, 16) >= 0x80 for code in re.findall(r"(?<!\\)\\u([0-9a-fA-F]{4})", raw))
        body = raw.rstrip("\r\n")
        newline = "\r\n" if "\r\n" in body else "\n" if "\n" in body else ""
        second = body.split("\n")[1] if newline else ""
        indent = second[: len(second) - len(second.lstrip(" \t"))] or " "
        compact = not re.search(r'":\s', raw)
        return cls(raw.isascii() and escapes, newline, indent, compact)

    def string(self, text: str) -> str:
        import json

        return json.dumps(text, ensure_ascii=self.ensure_ascii)

    def value(self, raw: str, start: int, end: int, source: Any) -> str:
        """``source`` (a string, or a list of lines) written as the value at ``raw[start:end]`` was."""
        if isinstance(source, str):
            return self.string(source)
        items = [self.string(line) for line in source]
        old = list(_elements(raw, start))
        if len(old) >= 2:  # the file's own separator, opening and closing
            separator = raw[old[0][1] : old[1][0]]
            opening, closing = raw[start + 1 : old[0][0]], raw[old[-1][1] : end - 1]
        elif not self.newline or (old and "\n" not in raw[start:end]):
            separator, opening, closing = ("," if self.compact else ", "), "", ""
        else:  # one line or none before: one per line, one level deeper than the "source" key
            line = raw[raw.rfind("\n", 0, start) + 1 : start]
            key_indent = line[: len(line) - len(line.lstrip(" \t"))]
            opening = self.newline + key_indent + self.indent
            separator, closing = "," + opening, self.newline + key_indent
        return "[" + (opening + separator.join(items) + closing if items else "") + "]"


_SOURCE_KEY = LazyPattern(r'^\s*"source":\s*\[\s*$')


def file_position(raw_lines: List[str], cell: int, line: int, col: int) -> Optional[Tuple[int, int]]:
    """Where a cell's (line, col) stands in the notebook file itself (1-based row, 0-based column), for
    editors that open the JSON; None unless the file has Jupyter's layout of one source line per JSON
    line (``"source": [`` then one string per line)."""
    import json

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
            parts.append(_source_text(cell, index))
            continue
        written, neutral = split_lines(kept[index].text), split_lines(kept[index].neutral)
        parts += [line for line, seen in zip(written, neutral) if line != seen]
    return "\n".join(parts)
