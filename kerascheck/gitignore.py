"""What a git repository's ``.gitignore`` files ignore, read as git reads them (gitignore(5)).

As ruff does (astral-sh/ruff#5930, #6335), ignore files count only inside a git repository: a folder
with ``.git`` at or above the searched one. Read: every ``.gitignore`` from the repository's root down
to each searched folder, and ``.git/info/exclude``; not the user's global ``core.excludesFile``, which
belongs to one machine, not to the project. Matched in Python, without running git (which may be
missing, and would cost a process per run): comments, ``\\#`` and ``\\!``, negation (``!``, the last
matching pattern decides), anchoring (a ``/`` at the start or in the middle), folder-only patterns
(a trailing ``/``), ``*``, ``?``, ``[...]`` and ``**``. A file in an ignored folder stays ignored
whatever a later ``!`` says, as in git: the search never enters the folder.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from kerascheck.record import Record


class Pattern(Record):
    regex: re.Pattern
    negated: bool
    folders_only: bool
    source: str  # "sub/.gitignore:3", said with --verbose


def _translate(glob: str) -> str:
    """A gitignore glob (no leading or trailing slash) as a regular expression over ``/`` paths."""
    out, index = [], 0
    while index < len(glob):
        char = glob[index]
        if glob.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if glob.startswith("/**", index) and index + 3 == len(glob):
            out.append("/.*")
            break
        if glob.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "\\" and index + 1 < len(glob):
            index += 1
            out.append(re.escape(glob[index]))
        elif char == "[":
            end = glob.find("]", index + 2)
            if end < 0:
                out.append(re.escape(char))
            else:
                body = glob[index + 1 : end]
                body = "^" + body[1:] if body.startswith("!") else body
                out.append(f"[{body.replace(chr(92), chr(92) * 2)}]")
                index = end
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


def parse(text: str, source: str) -> List[Pattern]:
    """The patterns of one ignore file; ``source`` names it in :attr:`Pattern.source`."""
    patterns = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = re.sub(r"(?<!\\)\s+$", "", line)  # trailing spaces, unless escaped
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        line = line[1:] if negated else line
        if line.startswith(("\\#", "\\!")):
            line = line[1:]
        folders_only = line.endswith("/")
        line = line.rstrip("/")
        if not line:
            continue
        anchored = "/" in line
        regex = _translate(line.lstrip("/"))
        regex = regex if anchored else f"(?:.*/)?{regex}"
        patterns.append(Pattern(re.compile(regex + r"\Z", re.DOTALL), negated, folders_only, f"{source}:{number}"))
    return patterns


def repository_root(start: Path) -> Optional[Path]:
    """The nearest folder at or above ``start`` that holds ``.git`` (a folder, or a worktree's file)."""
    start = start.absolute()
    for directory in [start, *start.parents]:
        if (directory / ".git").exists():
            return directory
    return None


class GitIgnore:
    """The ignore files of one repository, read once per folder."""

    def __init__(self, root: Path) -> None:
        self.root = root.absolute()
        # paths are matched as text: os.walk yields text, and Path objects cost more than the matching
        self._cwd = os.getcwd()
        root_text = os.path.normpath(str(self.root))
        self._prefix = root_text if root_text.endswith(os.sep) else root_text + os.sep
        self._by_folder: Dict[str, List[Pattern]] = {}  # by folder relative to the root ("" the root)
        self._layers_of: Dict[str, List[Tuple[int, List[Pattern]]]] = {}  # see _layers
        exclude = self.root / ".git" / "info" / "exclude"
        self._exclude = parse(_read(exclude), ".git/info/exclude") if exclude.is_file() else []

    def _patterns(self, folder: str) -> List[Pattern]:
        """The patterns of the ``.gitignore`` in ``folder`` (relative to the root, posix; "" the root)."""
        found = self._by_folder.get(folder)
        if found is None:
            shown = f"{folder}/.gitignore" if folder else ".gitignore"
            path = self.root / shown
            found = self._by_folder[folder] = parse(_read(path), shown) if path.is_file() else []
        return found

    def _layers(self, folder: str) -> List[Tuple[int, List[Pattern]]]:
        """For the paths in ``folder`` (relative to the root, posix; "" the root): each ``.gitignore`` above them that
        has patterns, outermost first, with where in such a path the part it sees starts (each sees the path relative
        to its own folder). Worked out once per folder: its files share it."""
        found = self._layers_of.get(folder)
        if found is None:
            found = []
            start, inner = 0, ""  # folders as text: most hold no .gitignore, and paths cost more than strings
            for part in folder.split("/") if folder else ():
                patterns = self._patterns(inner)
                if patterns:
                    found.append((start, patterns))
                start += len(part) + 1
                inner = f"{inner}/{part}" if inner else part
            self._layers_of[folder] = found
        return found

    def ignored(self, path: Path, is_folder: bool) -> Optional[str]:
        """Where the pattern that ignores ``path`` is written, or None if nothing ignores it."""
        absolute = os.path.normpath(os.path.join(self._cwd, path))
        if not absolute.startswith(self._prefix):
            return None  # outside the repository
        text = absolute[len(self._prefix) :]
        if os.sep != "/":
            text = text.replace(os.sep, "/")
        folder, _, name = text.rpartition("/")
        layers: List[Tuple[str, List[Pattern]]] = [(text, self._exclude)]
        layers += [(text[start:], patterns) for start, patterns in self._layers(folder)]
        layers.append((name, self._patterns(folder)))
        verdict: Optional[Pattern] = None
        for text, patterns in layers:
            for pattern in patterns:
                if (is_folder or not pattern.folders_only) and pattern.regex.match(text):
                    verdict = pattern
        return verdict.source if verdict is not None and not verdict.negated else None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
