"""What the engine reports: findings, and the text edits that fix them.

Named tuples: a Keras code base can give tens of thousands of findings, made in worker processes and
sent back to the command line, and tuples are the cheapest to build and to pickle.
"""

from __future__ import annotations

from typing import Iterable, List, Optional, Tuple

from kerascheck.record import Record


class Edit(Record):
    """Replace the text between two positions (1-based lines, 0-based character columns)."""

    line: int
    col: int
    end_line: int
    end_col: int
    text: str


class Fix(Record):
    edits: Tuple[Edit, ...]
    safe: bool
    # (old, new) bound names the edits rename: every fix renaming one is applied with the others or not
    renames: Tuple[Tuple[str, str], ...] = ()


def _moved_edit(edit: Edit, lines: int) -> Edit:
    return Edit(edit.line + lines, edit.col, edit.end_line + lines, edit.end_col, edit.text)


UNFIXED_MARK = " (not fixed: "  # what a finding whose fix was refused says, then why


class Finding(Record):
    code: str
    symbol: str
    line: int  # 1-based
    col: int  # 0-based, in characters (not UTF-8 bytes as the stdlib ast counts)
    end_line: int
    end_col: int
    message: str
    fix_title: Optional[str] = None
    fix: Optional[Fix] = None
    cell: Optional[int] = None  # in a notebook: the cell (1-based); line and columns are the cell's own
    # "error"/"warning"/"info" where this finding's differs from its rule's (a keyword one target still takes
    # with a warning, a method one target removed and the other deprecates); None: the rule's
    severity: Optional[str] = None

    def moved(self, lines: int) -> Finding:
        """The same finding (and fix), ``lines`` lines further down."""
        fix = self.fix and self.fix._replace(edits=tuple(_moved_edit(edit, lines) for edit in self.fix.edits))
        return self._replace(line=self.line + lines, end_line=self.end_line + lines, fix=fix)

    def unfixed(self, reason: str) -> Finding:
        """The same finding without its fix, saying why it has none."""
        return self._replace(fix=None, message=f"{self.message}{UNFIXED_MARK}{reason})")

    @property
    def text(self) -> str:
        """The one-line text shown by flake8 and the CLI: message, then what to do."""
        if self.fix_title:
            title = self.fix_title.rstrip(".")
            first = title[0] if title[1:2].isupper() else title[0].lower()  # "TF2 has…" stays, "Use…" → "use…"
            return f"{self.message}; {first}{title[1:]}"
        return self.message


def fixable(findings: Iterable[Finding], unsafe: bool) -> List[Finding]:
    return [f for f in findings if f.fix is not None and (f.fix.safe or unsafe)]
