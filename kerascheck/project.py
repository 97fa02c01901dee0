"""Whole-project checks: what no single module shows. The Keras implementations each module uses
(KER404) and the project's dependency pins (KER5xx). The command line builds a :class:`Project`
after checking every file; the pylint plugin builds one at the end of its run."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, NamedTuple, Optional, Tuple

from kerascheck.config import Settings
from kerascheck.findings import Finding
from kerascheck.lazy import LazyPattern
from kerascheck.pins import Pins, has_dependency_files
from kerascheck.rules import rules_for

_CLASS_BASES = LazyPattern(r"^[ \t]*class\s+\w+\s*\(\s*([\w.]+)", re.MULTILINE)


def first_class_bases(text: str) -> Tuple[str, ...]:
    """The first base of each class, read from the text of a module the engine's gate skipped: its
    classes may still derive from a custom layer of another module of the project."""
    return tuple(_CLASS_BASES.findall(text))


class ModuleUses(NamedTuple):
    path: str
    implementations: Dict[str, Tuple[int, int]]  # Keras implementation -> first (line, col)
    name: str = ""  # the name other modules import it by (import_graph.graph_name)
    imports: Tuple[str, ...] = ()  # the modules it imports that may be the project's


class Project:
    """What the whole-project rules read: the checked modules' Keras uses and the dependency pins."""

    def __init__(
        self,
        settings: Settings,
        modules: Optional[List[ModuleUses]] = None,
        pins: Optional[Pins] = None,
        target_was_chosen: bool = False,  # the user named the target (not the default, not auto)
    ) -> None:
        self.settings = settings
        self.modules = [] if modules is None else modules
        self.pins = Pins() if pins is None else pins
        self.target_was_chosen = target_was_chosen


def dependency_root(start: Path) -> Optional[Path]:
    """The nearest folder at or above ``start`` with dependency files."""
    for directory in [start, *start.parents]:
        if has_dependency_files(directory):
            return directory
    return None


def check_project(project: Project) -> List[Tuple[str, Finding]]:
    found: List[Tuple[str, Finding]] = []
    for rule in rules_for(project.settings.target).project_rules:
        found += rule.check_project(project)
    return sorted(found, key=lambda item: (item[0], item[1].line, item[1].col, item[1].code))
