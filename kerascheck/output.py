"""Rendering a run's results: text, concise, json, sarif, github, and per-code statistics.

Positions are 1-based rows and columns in every format (flake8's and SARIF's convention).
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from kerascheck import HOMEPAGE, RULES_URL, __version__
from kerascheck.docs import summary
from kerascheck.findings import Finding
from kerascheck.report import ModuleReport
from kerascheck.rules import RULES, RULES_BY_CODE, Severity

FORMATS = ("text", "concise", "json", "sarif", "github")
HELP_URI = RULES_URL + "#{anchor}"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


class FileResult:
    """What checking one file gave: its findings, its fixes, or why it could not be checked."""

    __slots__ = ("path", "findings", "fixed", "error", "lines", "module", "diff")

    def __init__(
        self,
        path: str,
        findings: Optional[List[Finding]] = None,
        fixed: Sequence[Finding] = (),
        error: Optional[str] = None,
        lines: Optional[Dict[int, str]] = None,
        module: Optional[ModuleReport] = None,
    ) -> None:
        self.path = path
        self.findings: List[Finding] = [] if findings is None else findings
        self.fixed: List[Finding] = list(fixed)
        self.error = error
        # 1-based line -> text: every line of a notebook (for positions in its JSON); with SARIF output
        # the lines findings point at (for fingerprints); not the whole of every module, which a large
        # run would hold at once
        self.lines: Dict[int, str] = {} if lines is None else lines
        self.module = module  # what whole-project checks need
        self.diff: List[str] = []  # with --diff: the changes --fix would make


_COLOUR = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m", Severity.INFO: "\033[1;36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def use_colour(stream) -> bool:
    """Colour on a terminal only; ``NO_COLOR`` (any value) turns it off, ``FORCE_COLOR`` on."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty() and os.environ.get("TERM") != "dumb"


def severity(finding: Finding) -> Severity:
    """A finding's severity: its own where it has one, else its rule's."""
    return Severity(finding.severity) if finding.severity else RULES_BY_CODE[finding.code].severity


def text_line(path: str, finding: Finding, *, concise: bool = False, colour: bool = False) -> str:
    text = finding.message if concise else finding.text
    code = finding.code
    if colour:
        path, code = f"{_BOLD}{path}{_RESET}", f"{_COLOUR[severity(finding)]}{code}{_RESET}"
    return f"{path}:{finding.line}:{finding.col + 1}: {code} {text}"


def notebook_text_line(result: FileResult, finding: Finding, **options) -> str:
    """``nb.ipynb:46:20: KER201 … (cell 4, line 1)``: the row and column in the notebook file, which
    editors can open, with the cell and its line; ``nb.ipynb:cell 4:1:15:`` when the file's layout hides it."""
    assert finding.cell is not None  # a finding in a notebook's cell
    position = _file_position(result, finding)
    if position is None:
        return text_line(f"{result.path}:cell {finding.cell}", finding, **options)
    row, col = position
    shown = finding._replace(line=row, col=col)
    return f"{text_line(result.path, shown, **options)} (cell {finding.cell}, line {finding.line})"


def statistics(results: List[FileResult]) -> List[str]:
    counts = Counter(finding.code for result in results for finding in result.findings)
    fixable = Counter(f.code for result in results for f in result.findings if f.fix is not None)
    return [
        f"{count:>6}  {code}  {RULES_BY_CODE[code].name}" + (f"  ({fixable[code]} fixable)" if fixable[code] else "")
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def _notebook_location(result: FileResult, finding: Finding) -> Optional[Dict[str, int]]:
    if finding.cell is None:
        return None
    position = _file_position(result, finding)
    return None if position is None else {"row": position[0], "column": position[1] + 1}


def _location(finding: Finding) -> Dict[str, int]:
    return {"row": finding.line, "column": finding.col + 1}


def _end(finding: Finding) -> Dict[str, int]:
    return {"row": finding.end_line, "column": finding.end_col + 1}


def to_json(results: List[FileResult]) -> str:
    items = []
    for result in results:
        for finding in result.findings:
            fix = None
            if finding.fix is not None:
                fix = {
                    "applicability": "safe" if finding.fix.safe else "unsafe",
                    "message": finding.fix_title,
                    "edits": [
                        {
                            "content": e.text,
                            "location": {"row": e.line, "column": e.col + 1},
                            "end_location": {"row": e.end_line, "column": e.end_col + 1},
                        }
                        for e in finding.fix.edits
                    ],
                }
            items.append(
                {
                    "code": finding.code,
                    "symbol": finding.symbol,
                    "severity": severity(finding).value,
                    "cell": finding.cell,
                    "notebook_location": _notebook_location(result, finding),
                    "message": finding.message,
                    "fix_title": finding.fix_title,
                    "filename": result.path,
                    "location": _location(finding),
                    "end_location": _end(finding),
                    "fix": fix,
                    "url": HELP_URI.format(anchor=finding.code.lower()),
                }
            )
    import json  # here: kerascheck starts without it

    return json.dumps(items, indent=2, ensure_ascii=False)


def _uri(path: str) -> str:
    """A stable, relative, forward-slash path (GitHub code scanning matches on it)."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        relative = path
    return Path(relative).as_posix() if not relative.startswith("..") else Path(os.path.abspath(path)).as_uri()


def _fingerprint(result: FileResult, finding: Finding) -> str:
    """Stable across line moves: the code, the file and the text of the line (whitespace folded)."""
    import hashlib  # here: it maps OpenSSL, megabytes that only SARIF output needs

    line = result.lines.get(finding.line, "")
    key = "\0".join([finding.code, _uri(result.path), " ".join(line.split())])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def to_sarif(results: List[FileResult]) -> str:
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": summary(rule)},
            "fullDescription": {"text": " ".join((rule.__doc__ or "").split())},
            "help": {"text": (rule.__doc__ or "").strip()},
            "helpUri": HELP_URI.format(anchor=rule.code.lower()),
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity], "enabled": rule.default_enabled},
            "properties": {"fixSafety": rule.fix_safety.value, "targets": sorted(t.value for t in rule.targets)},
        }
        for rule in RULES
    ]
    index = {rule.code: position for position, rule in enumerate(RULES)}
    sarif_results = []
    for result in results:
        for finding in result.findings:
            region = {
                "startLine": finding.line,
                "startColumn": finding.col + 1,
                "endLine": finding.end_line,
                "endColumn": finding.end_col + 1,
            }
            entry = {
                "ruleId": finding.code,
                "ruleIndex": index[finding.code],
                "level": _SARIF_LEVEL[severity(finding)],
                "message": {"text": finding.text},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)}, "region": region}}],
                "partialFingerprints": {"kerascheckFingerprint/v1": _fingerprint(result, finding)},
            }
            if finding.fix is not None:
                entry["fixes"] = [
                    {
                        "description": {"text": finding.fix_title or finding.message},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": _uri(result.path)},
                                "replacements": [
                                    {
                                        "deletedRegion": {
                                            "startLine": e.line,
                                            "startColumn": e.col + 1,
                                            "endLine": e.end_line,
                                            "endColumn": e.end_col + 1,
                                        },
                                        "insertedContent": {"text": e.text},
                                    }
                                    for e in finding.fix.edits
                                ],
                            }
                        ],
                    }
                ]
            sarif_results.append(entry)
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {"name": "kerascheck", "version": __version__, "informationUri": HOMEPAGE, "rules": rules}
                },
                "results": sarif_results,
                "invocations": [_invocation(results)],
            }
        ],
    }
    import json

    return json.dumps(document, indent=2, ensure_ascii=False)


def _invocation(results: List[FileResult]) -> Dict[str, object]:
    """The run's outcome: a file that could not be checked is an error notification, not a silence."""
    failed = [
        {
            "level": "error",
            "message": {"text": f"{result.path}: {result.error}"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)}}}],
        }
        for result in results
        if result.error
    ]
    return {"executionSuccessful": not failed, "toolExecutionNotifications": failed}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(path: str, finding: Finding) -> str:
    """A GitHub Actions workflow command; ``col``/``endColumn`` only on one-line spans."""
    level = _GITHUB_LEVEL[severity(finding)]
    properties = [f"file={_escape_property(path)}", f"line={finding.line}", f"endLine={finding.end_line}"]
    if finding.line == finding.end_line:
        properties += [f"col={finding.col + 1}", f"endColumn={finding.end_col + 1}"]
    properties.append(f"title={_escape_property(f'kerascheck ({finding.code})')}")
    return f"::{level} {','.join(properties)}::{_escape_data(f'{finding.code} {finding.text}')}"


def _file_position(result: FileResult, finding: Finding) -> Optional[Tuple[int, int]]:
    from kerascheck.notebooks import file_position  # here: only notebooks' findings need it

    if finding.cell is None:
        return None
    return file_position(list(result.lines.values()), finding.cell, finding.line, finding.col)
