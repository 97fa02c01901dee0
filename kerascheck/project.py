"""Whole-project checks: what no single module shows. The Keras implementations each module uses
(KER404) and the project's dependency pins (KER5xx). The command line builds a :class:`Project`
after checking every file; the pylint plugin builds one at the end of its run."""

from __future__ import annotations

import re
from pathlib import Path
from typing import List, Optional, Tuple

from kerascheck.context.project import ModuleUses, Project
from kerascheck.findings import Finding
from kerascheck.pins import has_dependency_files
from kerascheck.rules import rules_for

__all__ = ["ModuleUses", "Project", "check_project", "dependency_root", "first_class_bases"]

_CLASS_BASES = re.compile(r"^[ \t]*class\s+\w+\s*\(\s*([\w.]+)", re.MULTILINE)


def first_class_bases(text: str) -> Tuple[str, ...]:
    """The first base of each class, read from the text of a module the engine's gate skipped: its
    classes may still derive from a custom layer of another module of the project."""
    return tuple(_CLASS_BASES.findall(text))


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
