"""What the engine reports: findings, and the text edits that fix them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple


@dataclass(frozen=True)
class Edit:
    """Replace the text between two positions (1-based lines, 0-based character columns)."""

    line: int
    col: int
    end_line: int
    end_col: int
    text: str


@dataclass(frozen=True)
class Fix:
    edits: Tuple[Edit, ...]
    safe: bool


@dataclass(frozen=True)
class Finding:
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

    @property
    def text(self) -> str:
        """The one-line text shown by flake8 and the CLI: message, then what to do."""
        if self.fix_title:
            title = self.fix_title.rstrip(".")
            return f"{self.message}; {title[0].lower()}{title[1:]}"
        return self.message
