"""The project analysis: what no single module shows. The command line and the pylint plugin both call
it; they only run it and render what it finds.

- Custom layers across modules: a class whose base is a custom layer of another module of the project
  is a custom layer too, and gets the class rules' findings. :func:`settle_layers` settles them among
  the modules a run has checked (the command line); :class:`ImportedLayers` finds them for one module
  at a time by reading the modules its classes' bases come from (the pylint plugin).
- The whole-project rules (:func:`check_project`): the Keras implementations each module uses (KER404)
  and the project's dependency pins (KER5xx), read by :func:`read_project_pins`.
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path
from typing import Callable, Dict, FrozenSet, List, Optional, Protocol, Sequence, Set, Tuple

from kerascheck.config import Settings
from kerascheck.context.project import ModuleUses, Project
from kerascheck.engine import AnalysisError, analyse_source, analyse_tree
from kerascheck.files import NOTEBOOK_SUFFIX, SourceError, module_file, module_name_for, read
from kerascheck.findings import Finding
from kerascheck.import_graph import graph_name
from kerascheck.lazy import LazyPattern
from kerascheck.pins import Pins, has_dependency_files, read_pins
from kerascheck.report import ModuleReport
from kerascheck.rules import rules_for
from kerascheck.text import split_lines

__all__ = [
    "ImportedLayers",
    "ModuleUses",
    "Project",
    "check_project",
    "dependency_root",
    "first_class_bases",
    "module_uses",
    "read_project_pins",
    "settle_layers",
]

_CLASS_BASES = LazyPattern(r"^[ \t]*class\s+\w+\s*\(\s*([\w.]+)", re.MULTILINE)


def first_class_bases(text: str) -> Tuple[str, ...]:
    """The first base of each class, read from the text of a module the engine's gate skipped: its
    classes may still derive from a custom layer of another module of the project."""
    return tuple(_CLASS_BASES.findall(text))


# -- the whole-project rules ---------------------------------------------------------------------


def dependency_root(start: Path) -> Optional[Path]:
    """The nearest folder at or above ``start`` with dependency files."""
    for directory in [start, *start.parents]:
        if has_dependency_files(directory):
            return directory
    return None


def read_project_pins(folders: Sequence[Path], files: Sequence[Path]) -> Pins:
    """The pins of the dependency files of each folder's project (the nearest folder with some) and of
    the dependency files named one by one."""
    pins = Pins()
    for root in {dependency_root(folder.resolve()) for folder in folders}:
        if root is not None:
            pins.extend(read_pins(root))
    for path in files:
        pins.extend(read_pins(path.resolve().parent), path.resolve())
    return pins


def module_uses(path: str, module: Optional[ModuleReport]) -> Optional[ModuleUses]:
    """What the project rules need of a checked module, or None when it uses no Keras, imports nothing and
    no rule kept facts of it."""
    if module is None or not (module.implementations or module.imports or module.facts):
        return None
    # a notebook's facts point into its cells, which project findings cannot show yet: kept for modules only
    facts = () if path.endswith(NOTEBOOK_SUFFIX) else module.facts
    return ModuleUses(path, module.implementations, graph_name(path, module_name_for(path)), module.imports, facts)


def check_project(project: Project) -> List[Tuple[str, Finding]]:
    """Every whole-project rule's findings, as (path, finding), in path and position order."""
    found: List[Tuple[str, Finding]] = []
    for rule in rules_for(project.settings.target).project_rules:
        found += rule.check_project(project)
    return sorted(found, key=lambda item: (item[0], item[1].line, item[1].col, item[1].code))


# -- custom layers across the modules a run has checked ------------------------------------------


class CheckedModule(Protocol):
    """A module's result as a front end keeps it (:class:`kerascheck.output.FileResult` is one)."""

    path: str
    findings: List[Finding]
    fixed: List[Finding]
    module: Optional[ModuleReport]


# Checks the given modules again knowing the project's custom layers; returns their new results.
Recheck = Callable[[List[CheckedModule], FrozenSet[str]], Sequence[CheckedModule]]


def settle_layers(results: List[CheckedModule], recheck: Recheck) -> None:
    """Custom layers across modules: a class whose base is another module's custom layer is one too.
    Until nothing changes: modules whose first check speculated settle their classes (see
    :func:`_promote`); the others (skipped by the text gate, notebooks, and every module when fixing,
    as a fix must be made) are checked again, knowing the project's layers. ``results`` is updated."""
    known = {_qualified(r.path, c) for r in results if r.module for c in r.module.layer_classes}
    rechecked: Set[Tuple[int, int]] = set()
    written: Dict[str, Tuple[str, ...]] = {}
    for _ in range(len(results)):
        _promote_all(results, known)
        pending = _pending(results, known, rechecked, written)
        rechecked |= {(index, len(known)) for index, _ in pending}
        if not _checked_again(results, pending, known, recheck):
            return


def _qualified(path: str, name: str) -> str:
    return f"{module_name_for(path) or Path(path).stem}.{name}"


def _promote_all(results: List[CheckedModule], known: Set[str]) -> None:
    """Settle every speculating module against ``known``, until no new layer appears (``known`` grows)."""
    grown = True
    while grown:
        new: Set[str] = set()
        for result in results:
            if result.module and result.module.speculations is not None:
                new |= _promote(result, known)
        grown = not new <= known
        known |= new


def _promote(result: CheckedModule, known: Set[str]) -> Set[str]:
    """Settle a checked module's speculations against the project's ``known`` layers, as checking it
    again would: a class with a known layer as base, or a base of the module promoted before it,
    becomes a layer and gets its class findings. Returns the module's new top-level layers."""
    module = result.module
    assert module is not None and module.speculations is not None
    if known.isdisjoint(module.class_bases):
        return set()  # no top-level class derives from a known layer: a check would not run again
    layers, promoted, remaining, findings = set(module.layer_names), [], [], []
    for speculation in module.speculations:
        if not known.isdisjoint(speculation.dotted_bases) or not layers.isdisjoint(speculation.local_bases):
            layers.add(speculation.name)
            promoted += [speculation.name] if speculation.top_level else []
            findings += speculation.findings
        else:
            remaining.append(speculation)
    result.findings = sorted(result.findings + findings, key=lambda f: (f.line, f.col, f.code))
    result.module = module._replace(
        layer_classes=module.layer_classes + tuple(promoted),
        layer_names=tuple(layers),
        class_bases=tuple(base for s in remaining if s.top_level for base in s.dotted_bases),
        speculations=tuple(remaining),
    )
    return {_qualified(result.path, name) for name in promoted}


def _pending(
    results: List[CheckedModule], known: Set[str], rechecked: Set[Tuple[int, int]], written: Dict[str, tuple]
) -> List[Tuple[int, CheckedModule]]:
    """The modules to check again: those that did not speculate and may derive from a known layer,
    unless checked already knowing as many layers."""
    names = {layer.rpartition(".")[2] for layer in known}
    return [
        (index, result) for index, result in enumerate(results)
        if result.module and result.module.speculations is None and (index, len(known)) not in rechecked
        and _may_derive_from(result, known, names, written)
    ]  # fmt: skip


def _may_derive_from(result: CheckedModule, known: Set[str], names: Set[str], written: Dict[str, tuple]) -> bool:
    """Whether a module has a class whose base may be one of the ``known`` custom layers: exactly, by
    the bases' resolved names; for a module the engine's gate skipped, by the last names of the bases
    written in its text (read once, kept in ``written``)."""
    module = result.module
    assert module is not None
    if module.analysed:
        return not known.isdisjoint(module.class_bases)
    if result.path not in written:
        try:
            written[result.path] = tuple(
                base.rpartition(".")[2] for base in first_class_bases(read(Path(result.path)).text)
            )
        except (SourceError, OSError):
            written[result.path] = ()
    return not names.isdisjoint(written[result.path])


def _checked_again(
    results: List[CheckedModule], pending: List[Tuple[int, CheckedModule]], known: Set[str], recheck: Recheck
) -> bool:
    """Check the pending modules again knowing ``known`` (which grows by their new layers); whether
    any new layer appeared."""
    changed = False
    checked = recheck([result for _, result in pending], frozenset(known))
    for (index, _), again in zip(pending, checked):
        results[index] = again
        new = {_qualified(again.path, c) for c in (again.module.layer_classes if again.module else ())}
        changed = changed or bool(new - known)
        known |= new
    return changed


# -- custom layers of the modules one module imports ---------------------------------------------

_MAX_DEPTH = 8


class ImportedLayers:
    """The custom layers of other modules that a module's top-level classes derive from, found by
    reading those modules' files (in the module's own package tree, or the working folder) and asking
    the engine which of their classes are layers, knowing in turn the layers they import. For a front
    end that checks one module at a time; each file is read once per process."""

    def __init__(self) -> None:
        self._layers_of: Dict[str, Tuple[str, ...]] = {}

    def of(
        self, source: str, path: str, module_name: Optional[str], settings: Settings, report: ModuleReport
    ) -> FrozenSet[str]:
        """ "pkg.mod.Class" of each such layer, for the module ``source`` read from ``path``, whose check
        without them gave ``report``."""
        return self._project_layers(source, path, module_name, settings, report, 0)

    def _project_layers(
        self, source: str, path: str, module_name: Optional[str], settings: Settings, report: ModuleReport, depth: int
    ) -> FrozenSet[str]:
        if depth > _MAX_DEPTH or not first_class_bases(source):
            return frozenset()
        bases = report.class_bases if report.analysed else _top_level_bases(source, module_name, settings)
        layers = set()
        for dotted in bases:
            module, _, name = dotted.rpartition(".")
            found = module_file(module, path, module_name) if module else None
            if found is not None and os.path.abspath(found) != os.path.abspath(path):
                if name in self._layers(found, settings, depth + 1):
                    layers.add(dotted)
        return frozenset(layers)

    def _layers(self, path: str, settings: Settings, depth: int) -> Tuple[str, ...]:
        """A module's top-level custom layers, knowing those of the modules it derives from."""
        if path not in self._layers_of:
            self._layers_of[path] = ()  # a cycle of imports ends here
            self._layers_of[path] = self._analysed(path, settings, depth)
        return self._layers_of[path]

    def _analysed(self, path: str, settings: Settings, depth: int) -> Tuple[str, ...]:
        try:
            source = read(Path(path)).text
            module_name = module_name_for(path)
            report = analyse_source(source, settings, module_name)
            project_layers = self._project_layers(source, path, module_name, settings, report, depth)
            if project_layers:
                report = analyse_source(source, settings, module_name, project_layers)
            return report.layer_classes
        except (SourceError, OSError, SyntaxError, ValueError, RecursionError, MemoryError, AnalysisError):
            return ()  # the module's own check says what went wrong


def _top_level_bases(source: str, module_name: Optional[str], settings: Settings) -> Tuple[str, ...]:
    """The dotted names, through the imports, of the bases of the module's top-level classes that are
    no custom layers by what the module shows."""
    try:
        return analyse_tree(ast.parse(source), split_lines(source), settings, module_name).class_bases
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return ()
