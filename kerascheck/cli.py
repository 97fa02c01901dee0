"""The ``kerascheck`` command: check files, folders or stdin; fix what is safely fixable.

Exit status: 0 nothing to report, 1 findings remain (or ``--diff`` would change something),
2 usage error or a file that could not be checked.
"""

from __future__ import annotations

import argparse
import functools
import gc
import os
import sys
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence, Set, TextIO, Tuple

from kerascheck import __version__
from kerascheck.config import CLI, OPTIONS, OptionError, Settings
from kerascheck.docs import summary
from kerascheck.engine import ModuleReport, Speculation, module_name_for, split_lines
from kerascheck.files import (
    NOTEBOOK_SUFFIX,
    NotebookError,
    Skipped,
    Source,
    SourceError,
    decode,
    discover,
    encode,
    is_dependency_file,
    read,
    write_fixed,
)
from kerascheck.findings import Finding, fixable
from kerascheck.import_graph import graph_name, imported_modules_in_text
from kerascheck.noqa import remove_silenced
from kerascheck.output import (
    FORMATS,
    FileResult,
    github_line,
    notebook_text_line,
    statistics,
    text_line,
    to_json,
    to_sarif,
    use_colour,
)
from kerascheck.parallel import default_jobs, map_in_order
from kerascheck.pins import Pins, read_pins
from kerascheck.project import ModuleUses, Project, check_project, dependency_root, first_class_bases
from kerascheck.rules import RULES, RULES_BY_CODE
from kerascheck.runner import CheckError, check_and_fix, check_and_fix_notebook
from kerascheck.selection import is_selected, nearest
from kerascheck.settings_finder import SettingsFinder, given_values, warn_once

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kerascheck",
        description="Find (and fix) legacy Keras code: Keras 1/2 APIs on tf.keras or Keras 3, "
        "the training flag in custom layers, mixed Keras implementations.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to check; - for stdin")
    for option in OPTIONS:
        if CLI in option.frontends:
            parser.add_argument(
                f"--{option.name}",
                metavar=option.metavar,
                default=None,
                help=option.help,
                choices=option.choices or None,
            )
    parser.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    parser.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too")
    parser.add_argument("--diff", action="store_true", help="print the changes --fix would make; write nothing")
    parser.add_argument("--show-fixes", action="store_true", help="list the findings that were fixed")
    parser.add_argument("--stdin-filename", metavar="PATH", help="the name to report for stdin")
    parser.add_argument("--config", metavar="PYPROJECT", help="read [tool.kerascheck] from this file")
    parser.add_argument("--no-config", action="store_true", help="ignore pyproject.toml")
    parser.add_argument(
        "--no-respect-gitignore",
        action="store_true",
        help="search folders without skipping what .gitignore files ignore (respected by default, as in ruff)",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="say which folders and files the search skipped")
    parser.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default), concise (no fix hint, no summary line), json, sarif (2.1.0), "
        "github (workflow annotations)",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=_job_count,
        default=0,
        metavar="N",
        help="check files in N processes (default: one per CPU available; 1: in this process only)",
    )
    parser.add_argument("--statistics", action="store_true", help="count findings per code")
    parser.add_argument("--output-file", metavar="PATH", help="write the report to a file instead of stdout")
    parser.add_argument(
        "--explain", metavar="RULE", help="print the documentation of a rule (code or name: KER201, keras1-keyword)"
    )
    parser.add_argument(
        "--list-rules", action="store_true", help="print every rule: default on/off, fix, targets; and exit"
    )
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when findings remain (2 still means an error)"
    )
    parser.add_argument("--version", action="version", version=f"kerascheck {__version__}")
    return parser


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


def _rule_named(text: str):
    """The rule whose code or name is ``text``, or None."""
    wanted = text.strip()
    return RULES_BY_CODE.get(wanted.upper()) or next((rule for rule in RULES if rule.name == wanted.lower()), None)


def explain(code: str, out: TextIO) -> int:
    from inspect import cleandoc  # here: a large import that checking never needs

    rule = _rule_named(code)
    if rule is None:
        close = nearest(code.upper(), RULES_BY_CODE) + nearest(code.lower(), [rule.name for rule in RULES])
        hint = f"; nearest: {', '.join(close)}" if close else ""
        print(f"kerascheck: error: no rule is named {code!r}{hint}; see --list-rules", file=sys.stderr)
        return EXIT_ERROR
    targets = ", ".join(sorted(target.value for target in rule.targets))
    print(f"{rule.code} ({rule.name})\n", file=out)
    print(
        f"Severity: {rule.severity.value}. Fix: {rule.fix_safety.value}. Targets: {targets}. "
        f"{'On' if rule.default_enabled else 'Off'} by default.\n",
        file=out,
    )
    print(cleandoc(rule.__doc__ or ""), file=out)
    return EXIT_CLEAN


def list_rules(out: TextIO) -> int:
    """One line per rule: code, name, on or off by default, fix, targets, what it finds."""
    rows = [("code", "name", "default", "fix", "targets", "what it finds")]
    for rule in RULES:
        targets = ", ".join(sorted(target.value for target in rule.targets))
        default = "on" if rule.default_enabled else "off"
        rows.append((rule.code, rule.name, default, rule.fix_safety.value, targets, summary(rule)))
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]) - 1)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1], file=out)
    return EXIT_CLEAN


def _finder(args: argparse.Namespace) -> SettingsFinder:
    given = given_values(args)
    given["respect_gitignore"] = False if args.no_respect_gitignore else None
    if args.config and not Path(args.config).is_file():
        raise OptionError(f"{args.config}: no such file")
    config = Path(args.config).absolute() if args.config else None
    return SettingsFinder(given, config=config, use_config=not args.no_config)


def _stdin_folder(args) -> Path:
    return Path(args.stdin_filename).parent if args.stdin_filename else Path.cwd()


def _process(
    name: str, source: Source, settings: Settings, args, stdin: bool, project_layers=frozenset(), importers=None
) -> FileResult:
    check = check_and_fix_notebook if name.endswith(NOTEBOOK_SUFFIX) else check_and_fix
    module_name = module_name_for(name)
    imported = frozenset((importers or {}).get(graph_name(name, module_name), ()))
    outcome = check(
        source.text, settings, fix=args.fix or args.diff, unsafe=args.unsafe_fixes,
        module_name=module_name, project_layers=project_layers, project_imports=imported,
    )  # fmt: skip
    lines: Dict[int, str] = {}
    if name.endswith(NOTEBOOK_SUFFIX) or args.format == "sarif":  # positions in the JSON; fingerprints
        speculative = [finding for speculation in _speculations(outcome.module) for finding in speculation.findings]
        final = source.text if outcome.new_text is None else outcome.new_text  # what the findings point at
        lines = _lines_to_keep(name, final, outcome.findings + speculative, outcome.lines)
    result = FileResult(name, findings=outcome.findings, fixed=outcome.fixed, lines=lines, module=outcome.module)
    if outcome.unchecked:
        result.error = outcome.unchecked
    if outcome.refused:
        result.error = f"fixes not applied: {outcome.refused}"
    if outcome.new_text is None:
        if stdin and args.fix and not args.diff:
            sys.stdout.write(source.text)  # an editor piping through --fix must get its text back
        return result
    if args.diff:
        header = name if os.path.isabs(name) else f"a/{name}", name if os.path.isabs(name) else f"b/{name}"
        import difflib  # here: only --diff needs it

        diff = difflib.unified_diff(
            source.text.splitlines(keepends=True), outcome.new_text.splitlines(keepends=True), *header
        )
        result.diff = [line if line.endswith(("\n", "\r")) else line + "\n" for line in diff]
    elif stdin:
        sys.stdout.write(outcome.new_text)
    else:
        write_fixed(Path(name), source.text, encode(source, outcome.new_text))
    return result


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


def _check_file(item: Tuple[Optional[Path], Settings], args, project_layers=frozenset(), importers=None) -> FileResult:
    path, settings = item
    name = (args.stdin_filename or "stdin") if path is None else str(path)
    try:
        source = decode(sys.stdin.buffer.read()) if path is None else read(path)
        return _process(
            name, source, settings, args, stdin=path is None, project_layers=project_layers, importers=importers
        )
    except (SourceError, CheckError, NotebookError, OSError) as error:
        return FileResult(name, error=str(error))


def _importers(items: List[Tuple[Optional[Path], Settings]], args) -> Dict[str, Set[str]]:
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


def _qualified(path: str, name: str) -> str:
    return f"{module_name_for(path) or Path(path).stem}.{name}"


def _may_derive_from(result: FileResult, known: set, names: set, written: Dict[str, tuple]) -> bool:
    """Whether a module has a class whose base may be one of the ``known`` custom layers: exactly, by
    the bases' resolved names; for a module the engine's gate skipped, by the last names of the bases
    written in its text (read once, kept in ``written``)."""
    module = result.module
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


def _speculations(module: Optional[ModuleReport]) -> Tuple[Speculation, ...]:
    return (module.speculations or ()) if module is not None else ()


def _promote(result: FileResult, known: Set[str]) -> Set[str]:
    """Settle a checked module's speculations against the project's ``known`` layers, as checking it
    again would: a class with a known layer as base, or a base of the module promoted before it,
    becomes a layer and gets its class findings. Returns the module's new top-level layers."""
    module = result.module
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


def _recheck_subclasses(report: Report, finder: SettingsFinder, args, jobs: int, importers=None) -> None:
    """Custom layers across modules: a class whose base is another module's custom layer is one too.
    Until nothing changes: modules whose first check speculated settle their classes (see
    :func:`_promote`); the others (skipped by the text gate, notebooks, and every module when fixing,
    as a fix must be made) are checked again, knowing the project's layers."""
    known = {_qualified(r.path, c) for r in report.results if r.module for c in r.module.layer_classes}
    rechecked = set()
    written: Dict[str, tuple] = {}
    for _ in range(len(report.results)):
        grown = True
        while grown:
            new = set()
            for result in report.results:
                if result.module and result.module.speculations is not None:
                    new |= _promote(result, known)
            grown = not new <= known
            known |= new
        names = {layer.rpartition(".")[2] for layer in known}
        pending = [
            (index, result) for index, result in enumerate(report.results)
            if result.module and result.module.speculations is None and (index, len(known)) not in rechecked
            and _may_derive_from(result, known, names, written)
        ]  # fmt: skip
        rechecked |= {(index, len(known)) for index, _ in pending}
        changed = False
        check = functools.partial(_check_file, args=args, project_layers=frozenset(known), importers=importers)
        items = [(Path(result.path), finder.for_file(Path(result.path))) for _, result in pending]
        checked = map_in_order(check, items, jobs)
        for (index, result), again in zip(pending, checked):
            if args.fix and not args.diff:
                again.fixed = result.fixed + again.fixed  # the first pass already wrote its fixes
            report.results[index] = again
            new = {_qualified(again.path, c) for c in (again.module.layer_classes if again.module else ())}
            changed = changed or bool(new - known)
            known |= new
        if not changed:
            return


def _job_count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (0 or more; 0: one per CPU)")
    return int(text)


def run(argv: Optional[Sequence[str]] = None, out: TextIO = sys.stdout) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.explain:
        return explain(args.explain, out)
    if args.list_rules:
        return list_rules(out)
    if not args.paths:
        parser.print_usage(sys.stderr)
        print("kerascheck: error: give files or folders to check, or - for stdin", file=sys.stderr)
        return EXIT_ERROR
    skipped: List[Skipped] = []
    try:
        finder = _finder(args)
        paths = list(_targets(args.paths, finder, skipped))
        items = [(path, finder.for_file(path) if path else finder.for_folder(_stdin_folder(args))) for path in paths]
    except OptionError as error:
        print(f"kerascheck: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    if args.verbose:
        for path, reason in skipped:
            print(f"kerascheck: skipped {_shown_path(str(path))} ({reason})", file=sys.stderr)
    if not args.quiet:
        for settings in dict.fromkeys(settings for _, settings in items if settings.target_reason):
            print(f"kerascheck: keras target {settings.target.value}, from {settings.target_reason}", file=sys.stderr)
            for problem in settings.target_problems:
                warn_once(problem)
    if args.output_file and not _can_write(args.output_file):
        return EXIT_ERROR
    report = Report()
    dependency_files = [path for path, _ in items if path is not None and is_dependency_file(path)]
    items = [item for item in items if item[0] not in dependency_files]
    progress = Progress(len(items))
    jobs = 1 if None in paths else args.jobs or default_jobs()  # stdin is read here, by this process
    importers = _importers(items, args)
    for result in map_in_order(functools.partial(_check_file, args=args, importers=importers), items, jobs):
        progress.step()
        report.results.append(result)
    progress.done()
    folders = [Path(name) for name in args.paths if name != "-" and Path(name).is_dir()]
    if folders:
        _recheck_subclasses(report, finder, args, jobs, importers)
    if folders or dependency_files:
        _check_project(report, finder, args, folders, dependency_files)
    stdin_fix = args.fix and not args.diff and "-" in args.paths
    target = open(args.output_file, "w", encoding="utf-8") if args.output_file else (sys.stderr if stdin_fix else out)
    try:
        _render(report, args, target)
    finally:
        if args.output_file:
            target.close()
    if report.errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    if args.diff:
        return EXIT_FINDINGS if report.changed_files else EXIT_CLEAN
    return EXIT_FINDINGS if report.findings else EXIT_CLEAN


def _can_write(path: str) -> bool:
    """Whether the report file can be written: asked before any work, so that a bad path fails fast."""
    try:
        open(path, "a", encoding="utf-8").close()
        return True
    except OSError as error:
        print(f"kerascheck: error: cannot write the report to {path}: {error.strerror or error}", file=sys.stderr)
        return False


def _check_project(report: Report, finder: SettingsFinder, args, folders: List[Path], files: List[Path]) -> None:
    """Whole-project checks: mixing across the checked modules (for folders), and the pins of the
    folders' dependency files and of dependency files named on the command line."""
    pins = Pins()
    for root in {dependency_root(folder.resolve()) for folder in folders} - {None}:
        pins.extend(read_pins(root))
    for path in files:
        pins.extend(read_pins(path.resolve().parent), path.resolve())
    modules = [
        ModuleUses(r.path, r.module.implementations, graph_name(r.path, module_name_for(r.path)), r.module.imports)
        for r in report.results if r.module and (r.module.implementations or r.module.imports)
    ] if folders else []  # fmt: skip
    where = folders[0] if folders else files[0].parent
    settings = finder.for_folder(where)
    project = Project(settings, modules=modules, pins=pins, target_was_chosen=finder.target_was_chosen(where))
    by_path = {result.path: result for result in report.results}
    for error in pins.errors:  # a dependency file that could not be checked
        shown = _shown_path(str(error.path))
        if shown not in by_path:
            by_path[shown] = FileResult(shown, error=error.error)
            report.results.append(by_path[shown])
    for path, finding in check_project(project):
        shown = path if path in by_path else _shown_path(path)  # a checked module keeps its name as given
        lines = _file_lines(path)
        if not is_selected(finding.code, finder.for_file(Path(path))) or not remove_silenced([finding], lines):
            continue
        if shown not in by_path:
            by_path[shown] = FileResult(shown)
            report.results.append(by_path[shown])
        if 0 < finding.line <= len(lines) and not shown.endswith(NOTEBOOK_SUFFIX):  # for SARIF fingerprints
            by_path[shown].lines.setdefault(finding.line, lines[finding.line - 1].rstrip("\r\n"))
        by_path[shown].findings.append(finding)


def _shown_path(path: str) -> str:
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _file_lines(path: str) -> List[str]:
    try:
        return split_lines(Path(path).read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []


class Progress:
    """A one-line counter on stderr, for long runs on a terminal only."""

    MINIMUM = 200  # files; shorter runs finish before a counter helps

    def __init__(self, total: int) -> None:
        self.total, self.count = total, 0
        self.shown = total >= self.MINIMUM and sys.stderr.isatty() and not os.environ.get("CI")

    def step(self) -> None:
        self.count += 1
        if self.shown and (self.count % 25 == 0 or self.count == self.total):
            sys.stderr.write(f"\rkerascheck: {self.count}/{self.total} files")
            sys.stderr.flush()

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def _render(report: Report, args, out: TextIO) -> None:
    if args.format == "json":
        print(to_json(report.results), file=out)
    elif args.format == "sarif":
        print(to_sarif(report.results), file=out)
    elif args.diff:
        for result in report.results:
            out.writelines(result.diff)
    else:
        options = {"concise": args.format == "concise", "colour": use_colour(out)}
        for result in report.results:
            lines = [f"{result.path}: error: {result.error}"] if result.error else []
            if args.show_fixes:
                lines += [f"fixed {text_line(result.path, finding)}" for finding in result.fixed]
            for finding in result.findings:
                if args.format == "github":
                    lines.append(github_line(result.path, finding))
                elif finding.cell is not None:
                    lines.append(notebook_text_line(result, finding, **options))
                else:
                    lines.append(text_line(result.path, finding, **options))
            if lines:  # one write per file: tens of thousands of findings print in a blink
                out.write("\n".join(lines) + "\n")
    if args.statistics:
        for line in statistics(report.results):
            print(line, file=sys.stderr if args.format in ("json", "sarif") and not args.output_file else out)
    if not args.quiet and args.format == "text":
        print(_summary(report, args), file=out)


def _targets(paths: Sequence[str], finder: SettingsFinder, skipped: List[Skipped]) -> Iterator[Optional[Path]]:
    """The files to check, in order; None stands for stdin. Each folder is searched with the
    exclusions its own settings give."""
    for name in paths:
        if name == "-":
            yield None
            continue
        settings = finder.for_folder(Path(name)) if Path(name).is_dir() else None
        if settings is None:
            yield Path(name)
            continue
        found = discover([name], settings.exclude, respect_gitignore=settings.respect_gitignore, skipped=skipped)
        yield from (path for path, _ in found)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


def _summary(report: Report, args) -> str:
    parts = []
    if args.diff:
        parts.append(f"Would fix {_count(report.fixed, 'finding')} in {_count(report.changed_files, 'file')}.")
    elif args.fix and report.fixed:
        parts.append(f"Fixed {_count(report.fixed, 'finding')} in {_count(report.changed_files, 'file')}.")
    if report.findings:
        hint = "" if args.diff else _fixable_hint(report, args)
        parts.append(f"Found {report.findings} finding{'s' * (report.findings != 1)}{hint}.")
    elif not args.diff:
        parts.append("No findings.")
    if report.errors:
        parts.append(f"{report.errors} file{'s' * (report.errors != 1)} could not be checked.")
    return " ".join(parts)


def _fixable_hint(report: Report, args) -> str:
    """`` (3 fixable with --fix; 2 more with --unsafe-fixes)``, as ruff counts hidden fixes."""
    safe = sum(len(fixable(result.findings, False)) for result in report.results)
    unsafe = sum(len(fixable(result.findings, True)) for result in report.results) - safe
    if args.unsafe_fixes:
        safe, unsafe = safe + unsafe, 0
    parts = [f"{safe} fixable with --fix"] if safe else []
    if unsafe:
        parts.append(f"{unsafe} {'more ' if safe else 'fixable '}with --fix --unsafe-fixes")
    manual = report.findings - safe - unsafe  # what is left, and why: no fix, so the message says what to write
    if manual and parts:
        parts.append(f"{manual} without a fix, whose messages say what to write")
    return f" ({'; '.join(parts)})" if parts else ""


def _terminated(signum: int, frame) -> None:
    """SIGTERM: unwind as Ctrl-C does, so that the workers are stopped too (see parallel.map_in_order)."""
    raise SystemExit(128 + signum)


def main() -> None:  # pragma: no cover - the console script
    # Syntax trees are many small objects that hold no cycles; the default collector thresholds
    # would scan them over and over (about an eighth of the run on the Keras sources).
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
    import signal  # here: importing the command line for its functions needs no handlers

    signal.signal(signal.SIGTERM, _terminated)
    try:
        sys.exit(run())
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # `kerascheck … | head`: the reader has gone, which is no error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_FINDINGS)
