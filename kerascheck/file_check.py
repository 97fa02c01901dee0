"""The command line's checking of files: each one (read, check, fix, diff, write), all of them with a
progress counter, again when the project analysis asks, and the whole-project checks, whose findings go
under their files in the report."""

from __future__ import annotations

import argparse
import functools
import os
import sys
from pathlib import Path
from typing import Callable, Dict, FrozenSet, Iterable, List, Optional, Set, Sized, Tuple

from kerascheck.config import Settings
from kerascheck.files import (
    NOTEBOOK_SUFFIX,
    NotebookError,
    Source,
    SourceError,
    decode,
    encode,
    module_name_for,
    read,
    write_fixed,
)
from kerascheck.findings import Finding
from kerascheck.import_graph import graph_name, imported_modules_in_text
from kerascheck.noqa import remove_silenced
from kerascheck.output import FileResult
from kerascheck.parallel import map_in_order
from kerascheck.pins import FileError, Pins
from kerascheck.project import CheckedModule, Project, check_project, module_uses, read_project_pins
from kerascheck.report import ModuleReport, Speculation
from kerascheck.runner import CheckError, check_and_fix, check_and_fix_notebook
from kerascheck.selection import is_selected
from kerascheck.settings_finder import SettingsFinder
from kerascheck.text import split_lines

Item = Tuple[Optional[Path], Settings]  # a file and its settings; None stands for stdin


class Report:
    """Every file's result, in the order the files were named and found."""

    def __init__(self) -> None:
        self.results: List[FileResult] = []

    @property
    def changed_files(self) -> int:
        return sum(bool(result.fixed) for result in self.results)

    @property
    def findings(self) -> int:
        return sum(len(result.findings) for result in self.results)

    @property
    def fixed(self) -> int:
        return sum(len(result.fixed) for result in self.results)

    @property
    def errors(self) -> int:
        return sum(result.error is not None for result in self.results)


def check_file(
    item: Item, args, project_layers: FrozenSet[str] = frozenset(), importers: Optional[Dict[str, Set[str]]] = None
) -> FileResult:
    """Check (and with ``--fix``/``--diff``, fix) one file or stdin; an error is the result's."""
    path, settings = item
    name = (args.stdin_filename or "stdin") if path is None else str(path)
    try:
        source = decode(sys.stdin.buffer.read()) if path is None else read(path)
        return _process(
            name, source, settings, args, stdin=path is None, project_layers=project_layers, importers=importers
        )
    except (SourceError, CheckError, NotebookError, OSError) as error:
        return FileResult(name, error=str(error))


def _process(
    name: str, source: Source, settings: Settings, args, stdin: bool, project_layers=frozenset(), importers=None
) -> FileResult:
    check = check_and_fix_notebook if name.endswith(NOTEBOOK_SUFFIX) else check_and_fix
    module_name = module_name_for(name)
    imported = frozenset((importers or {}).get(graph_name(name, module_name), ()))
    options = dict(
        unsafe=args.unsafe_fixes,
        module_name=module_name,
        project_layers=project_layers,
        project_imports=imported,
        path=None if stdin and not args.stdin_filename else name,  # an editor names the file it pipes
    )
    outcome = check(source.text, settings, fix=args.fix or args.diff, **options)
    result = _result(name, source, outcome, args)
    if outcome.unchecked:
        result.error = outcome.unchecked
    if outcome.refused:
        result.error = f"fixes not applied: {outcome.refused}"
    if outcome.new_text is None:
        if stdin and args.fix and not args.diff:
            sys.stdout.write(source.text)  # an editor piping through --fix must get its text back
        return result
    try:
        _deliver(name, source, outcome.new_text, result, args, stdin)
    except (SourceError, OSError) as error:  # not written: the file still holds every finding, as it stands
        result = _result(name, source, check(source.text, settings, fix=False, **options), args)
        result.error = str(error)
    return result


def _result(name: str, source: Source, outcome, args) -> FileResult:
    """The report of one checked file, with the lines that notebook positions and fingerprints need."""
    lines: Dict[int, str] = {}
    if name.endswith(NOTEBOOK_SUFFIX) or args.format == "sarif":  # positions in the JSON; fingerprints
        speculative = [finding for speculation in _speculations(outcome.module) for finding in speculation.findings]
        final = source.text if outcome.new_text is None else outcome.new_text  # what the findings point at
        lines = _lines_to_keep(name, final, outcome.findings + speculative, outcome.lines)
    return FileResult(name, findings=outcome.findings, fixed=outcome.fixed, lines=lines, module=outcome.module)


def _deliver(name: str, source: Source, new_text: str, result: FileResult, args, stdin: bool) -> None:
    """The fixed text: as a diff with ``--diff``, on stdout for stdin, else written to the file."""
    if args.diff:
        header = name if os.path.isabs(name) else f"a/{name}", name if os.path.isabs(name) else f"b/{name}"
        import difflib  # here: only --diff needs it

        diff = difflib.unified_diff(source.text.splitlines(keepends=True), new_text.splitlines(keepends=True), *header)
        result.diff = [line if line.endswith(("\n", "\r")) else line + "\n" for line in diff]
    elif stdin:
        sys.stdout.write(new_text)
    else:
        write_fixed(Path(name), source.text, encode(source, new_text))


def _speculations(module: Optional[ModuleReport]) -> Tuple[Speculation, ...]:
    return (module.speculations or ()) if module is not None else ()


def _lines_to_keep(name: str, text: str, findings: List[Finding], lines: Optional[List[str]] = None) -> Dict[int, str]:
    """What output needs of a file's text: every line of a notebook, the finding lines of a module
    (``lines``: the module's :func:`split_lines`, if known)."""
    if name.endswith(NOTEBOOK_SUFFIX):
        return dict(enumerate(text.splitlines(), 1))
    if not findings:
        return {}
    if lines is None:
        lines = split_lines(text)  # as the findings count them: a form feed does not end a line
    return {
        finding.line: lines[finding.line - 1].rstrip("\r\n") for finding in findings if 0 < finding.line <= len(lines)
    }


def importers_of(items: Iterable[Item], args) -> Dict[str, Set[str]]:
    """When fixing: module name -> the names other checked modules import from it (read from their
    text), so that a rename never breaks an importer (see renames.py)."""
    if not (args.fix or args.diff):
        return {}
    found: Dict[str, Set[str]] = {}
    for path, _ in items:
        if path is None or path.suffix != ".py":
            continue
        try:
            text = read(path).text
        except (SourceError, OSError):
            continue
        for dotted in imported_modules_in_text(text, module_name_for(str(path))):
            module, _, name = dotted.rpartition(".")
            if module:
                found.setdefault(module, set()).add(name)
    return found


class Progress:
    """A one-line counter on stderr, for long runs on a terminal only."""

    MINIMUM = 200  # files; shorter runs finish before a counter helps

    def __init__(self, total: Optional[int]) -> None:
        """``total``: None while a search still finds files (then the counter has none)."""
        self.total, self.count, self.written = total, 0, False
        self.shown = (total is None or total >= self.MINIMUM) and sys.stderr.isatty() and not os.environ.get("CI")

    def step(self) -> None:
        self.count += 1
        if not self.shown or self.count < (self.MINIMUM if self.total is None else 0):
            return
        if self.count % 25 == 0 or self.count == self.total:
            of = "" if self.total is None else f"/{self.total}"
            sys.stderr.write(f"\rkerascheck: {self.count}{of} files")
            sys.stderr.flush()
            self.written = True

    def done(self) -> None:
        if self.written:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def check_files(
    items: Iterable[Item],
    args: argparse.Namespace,
    jobs: int,
    importers,
    meanwhile: Optional[Callable[[], None]] = None,
) -> List[FileResult]:
    """Each file's result, in order (``items`` may be found as they are checked); ``meanwhile`` is done
    while worker processes check them."""
    results = []
    progress = Progress(len(items) if isinstance(items, Sized) else None)
    check = functools.partial(check_file, args=args, importers=importers)
    for result in map_in_order(check, items, jobs, meanwhile, cost=_size):
        progress.step()
        results.append(result)
    progress.done()
    return results


def _size(item: Item) -> int:
    """What checking a file costs, about: its size (stdin's is not known before it is read)."""
    path = item[0]
    try:
        return 0 if path is None else os.stat(path).st_size
    except OSError:
        return 0


def rechecker(finder: SettingsFinder, args: argparse.Namespace, jobs: int, importers: Dict[str, Set[str]]):
    """How the project analysis checks modules again, knowing the project's custom layers."""

    def recheck(pending: List[CheckedModule], known: FrozenSet[str]) -> List[CheckedModule]:
        check = functools.partial(check_file, args=args, project_layers=known, importers=importers)
        items = [(Path(result.path), finder.for_file(Path(result.path))) for result in pending]
        checked: List[CheckedModule] = []
        for result, again in zip(pending, map_in_order(check, items, jobs, cost=_size)):
            if args.fix and not args.diff:
                again.fixed = result.fixed + again.fixed  # the first pass already wrote its fixes
            checked.append(again)
        return checked

    return recheck


def check_project_files(
    report: Report, finder: SettingsFinder, folders: List[Path], files: List[Path], pins: Optional[Pins] = None
) -> None:
    """Whole-project checks: mixing across the checked modules (for folders), and the pins of the
    folders' dependency files and of dependency files named on the command line (``pins``, if read
    already: :func:`kerascheck.project.read_project_pins`)."""
    pins = read_project_pins(folders, files) if pins is None else pins
    modules = [uses for r in report.results if (uses := module_uses(r.path, r.module))] if folders else []
    where = folders[0] if folders else files[0].parent
    project = Project(
        finder.for_folder(where), modules=modules, pins=pins, target_was_chosen=finder.target_was_chosen(where)
    )
    add_project_findings(report, pins.errors, check_project(project), finder)


def add_project_findings(
    report: Report, errors: Iterable[FileError], found: Iterable[Tuple[str, Finding]], finder: SettingsFinder
) -> None:
    """The whole-project findings, each under its file (a dependency file gets a result of its own),
    as selected and not silenced there; and the dependency files that could not be checked."""
    by_path = {result.path: result for result in report.results}
    for error in errors:
        shown = shown_path(str(error.path))
        if shown not in by_path:
            by_path[shown] = FileResult(shown, error=error.error)
            report.results.append(by_path[shown])
    for path, finding in found:
        shown = path if path in by_path else shown_path(path)  # a checked module keeps its name as given
        lines = _file_lines(path)
        if not is_selected(finding.code, finder.for_file(Path(path))) or not remove_silenced([finding], lines):
            continue
        if shown not in by_path:
            by_path[shown] = FileResult(shown)
            report.results.append(by_path[shown])
        if 0 < finding.line <= len(lines) and not shown.endswith(NOTEBOOK_SUFFIX):  # for SARIF fingerprints
            by_path[shown].lines.setdefault(finding.line, lines[finding.line - 1].rstrip("\r\n"))
        by_path[shown].findings.append(finding)


def shown_path(path: str) -> str:
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _file_lines(path: str) -> List[str]:
    try:
        return split_lines(Path(path).read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []
