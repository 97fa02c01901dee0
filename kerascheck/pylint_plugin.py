"""The pylint front end: load with ``--load-plugins=kerascheck.pylint_plugin``. No rule logic here.

pylint requires every message of a checker to share the checker id (digits 2–3 of the message id),
so each code family gets its own checker: KER1nn → ``?71nn``, KER2nn → ``?72nn``, … (ids 71–75 of
pylint's external range). The letter comes from the rule's severity; the symbol is the rule's name.
All checkers share one engine run per module.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Dict, List, Optional, Tuple

from pylint.checkers import BaseRawFileChecker

from kerascheck.config import OPTIONS, PYLINT, OptionError, Settings
from kerascheck.docs import description
from kerascheck.engine import analyse_source
from kerascheck.findings import Finding
from kerascheck.import_graph import graph_name
from kerascheck.project import ImportedLayers, ModuleUses, Project, check_project
from kerascheck.report import ModuleReport
from kerascheck.rules import RULES, RULES_BY_CODE, Rule, Severity
from kerascheck.selection import is_selected
from kerascheck.settings_finder import SettingsFinder, warn_once

if TYPE_CHECKING:  # pragma: no cover
    from astroid import nodes
    from pylint.lint import PyLinter

CHECKER_ID_BASE = 70
PROJECT_FAMILY = 4  # its checker also runs the whole-project rules at the end of the run
_LETTER = {Severity.ERROR: "E", Severity.WARNING: "W", Severity.INFO: "C"}


def pylint_msgid(rule: type[Rule]) -> str:
    family, number = int(rule.code[3]), rule.code[4:]
    return f"{_LETTER[rule.severity]}{CHECKER_ID_BASE + family}{number}"


def _messages(family: int) -> Dict[str, tuple]:
    return {
        pylint_msgid(rule): (
            "%s",
            rule.name,
            description(rule),
            {"default_enabled": rule.default_enabled},
        )
        for rule in RULES
        if int(rule.code[3]) == family
    }


class _EngineRun:
    """One engine run per module, shared by the family checkers."""

    def __init__(self) -> None:
        self._module: Optional[object] = None
        self._report = ModuleReport([], {})
        self._finders: Dict[Optional[str], SettingsFinder] = {}

    def settings(self, keras_target: Optional[str], path: Optional[str] = None) -> Settings:
        """The settings of the file at ``path`` (the working folder's when None): pylint's own
        ``--keras-target`` if given, else the nearest ``[tool.kerascheck]`` (see settings_finder)."""
        if keras_target not in self._finders:
            self._finders[keras_target] = SettingsFinder({"keras_target": keras_target}, warn=warn_once)
        finder = self._finders[keras_target]
        return finder.for_file(Path(path)) if path else finder.for_folder(Path.cwd())

    def report(self, module: nodes.Module, settings: Settings) -> ModuleReport:
        if module is not self._module:
            self._module = module
            self._report = _check_module(module, settings)
        return self._report


def _check_module(module: nodes.Module, settings: Settings) -> ModuleReport:
    """The engine's report on a module, knowing the custom layers of the modules its classes derive
    from (see :class:`kerascheck.project.ImportedLayers`)."""
    try:
        with module.stream() as stream:
            data = stream.read()
        source = data.decode(module.file_encoding or "utf-8")
        name = f"{module.name}.__init__" if module.package else module.name
        report = analyse_source(source, settings, name, path=module.file)
        layers = _IMPORTED_LAYERS.of(source, module.file, name, settings, report) if module.file else frozenset()
        return analyse_source(source, settings, name, layers, path=module.file) if layers else report
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError, RecursionError, MemoryError):
        return ModuleReport([], {})  # pylint reports unreadable or unparsable modules itself


_IMPORTED_LAYERS = ImportedLayers()
_RUN = _EngineRun()
_WARNED: List[OptionError] = []


def _reported(code: str, settings: Settings) -> bool:
    """``[tool.kerascheck]`` selects among the rules on by default; pylint's own ``--enable`` and
    ``--disable`` then decide, and alone decide for the off-by-default ones (KER307)."""
    return is_selected(code, settings) if RULES_BY_CODE[code].default_enabled else True


class _FamilyChecker(BaseRawFileChecker):
    name = "kerascheck"
    family: int = 0

    def _settings(self, node: Optional[nodes.Module]) -> Optional[Settings]:
        """The module's settings (the working folder's for None); None when they cannot be read."""
        try:
            return _RUN.settings(self.linter.config.keras_target, node.file if node is not None else None)
        except OptionError as error:
            if not _WARNED:  # once per run: every module under the configuration would say it again
                _WARNED.append(error)
                print(f"kerascheck: error: {error}", file=sys.stderr)
            return None

    def process_module(self, node: nodes.Module) -> None:
        settings = self._settings(node)
        if settings is None:
            return
        for finding in _RUN.report(node, settings).findings:
            if int(finding.code[3]) == self.family and _reported(finding.code, settings):
                self._add(finding)

    def _add(self, finding: Finding) -> None:
        self.add_message(
            pylint_msgid(RULES_BY_CODE[finding.code]),
            line=finding.line,
            col_offset=finding.col,
            end_lineno=finding.end_line,
            end_col_offset=finding.end_col,
            args=(f"{finding.code} {finding.text}",),
        )


class _ProjectChecker(_FamilyChecker):
    """The mixing family also runs the whole-project rules at the end of the run (see
    :mod:`kerascheck.project`): modules' Keras implementations are collected per module, and merged
    across ``-j`` workers with pylint's map/reduce (``get_map_data`` in each worker, ``reduce_map_data``
    in the main process). The dependency pins are the command line's: here KER404 fires, and KER224/KER225
    on a model file one module saves and another loads (from the facts those rules keep of each module)."""

    def open(self) -> None:
        self._modules: List[Tuple[str, str, Dict[str, Tuple[int, int]], Tuple[str, ...], Tuple]] = []
        self._reported = False

    def process_module(self, node: nodes.Module) -> None:
        super().process_module(node)
        settings = self._settings(node)
        if settings is None:
            return
        report = _RUN.report(node, settings)
        if (report.implementations or report.imports or report.facts) and node.file:
            self._modules.append((node.name, node.file, report.implementations, report.imports, report.facts))

    def get_map_data(self):
        return self._modules

    def reduce_map_data(self, linter: PyLinter, data) -> None:
        self._report_project([module for part in data for module in part])

    def close(self) -> None:
        if not self._reported:
            self._report_project(self._modules)

    def _report_project(self, modules) -> None:
        self._reported = True
        settings = self._settings(None)  # the working folder's: the project's
        if settings is None:
            return
        shown = {_relative(path): (name, path) for name, path, _, _, _ in modules}
        try:
            settings = _RUN.settings(self.linter.config.keras_target)  # the working folder's: the project's
        except OptionError:
            return  # said once already, for the modules
        project = Project(
            settings,
            modules=[
                ModuleUses(_relative(path), implementations, graph_name(path, name), imports, facts)
                for name, path, implementations, imports, facts in modules
            ],
        )
        for path, finding in check_project(project):
            if path in shown and _reported(finding.code, settings):  # the modules it checks, not dependency files
                self.linter.set_current_module(*shown[path])
                self._add(finding)


def _relative(path: str) -> str:
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _checker_class(family: int) -> type:
    options: Tuple = ()
    if family == 1:  # options are declared once, on the first checker
        options = tuple(
            (
                option.name,
                {
                    "default": None,  # not given: from [tool.kerascheck], else the option's default
                    "type": "choice",
                    "choices": list(option.choices),
                    "metavar": f"<{option.metavar.lower()}>",
                    "help": f"{option.help} (default: from [tool.kerascheck], else {option.default})",
                },
            )
            for option in OPTIONS
            if PYLINT in option.frontends
        )
    return type(
        f"KerascheckFamily{family}Checker",
        (_ProjectChecker if family == PROJECT_FAMILY else _FamilyChecker,),
        {"family": family, "msgs": _messages(family), "options": options},
    )


FAMILIES = sorted({int(rule.code[3]) for rule in RULES})
CHECKERS = [_checker_class(family) for family in FAMILIES]


def register(linter: PyLinter) -> None:
    for checker in CHECKERS:
        linter.register_checker(checker(linter))
