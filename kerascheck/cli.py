"""The ``kerascheck`` command: check files, folders or stdin; fix what is safely fixable.

Exit status: 0 nothing to report, 1 findings remain (or ``--diff`` would change something),
2 usage error or a file that could not be checked.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Sequence, TextIO

from kerascheck import __version__
from kerascheck.config import CLI, OPTIONS, OptionError
from kerascheck.errors import INTERRUPTED
from kerascheck.file_check import (
    Item,
    Report,
    check_files,
    check_project_files,
    importers_of,
    rechecker,
    shown_path,
)
from kerascheck.files import Skipped, discover, is_dependency_file
from kerascheck.output import FORMATS
from kerascheck.parallel import default_jobs
from kerascheck.pins import Pins
from kerascheck.project import read_project_pins, settle_layers
from kerascheck.render import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, exit_status, render
from kerascheck.rule_help import explain, list_rules
from kerascheck.settings_finder import SettingsFinder, given_values, warn_once

__all__ = ["EXIT_CLEAN", "EXIT_ERROR", "EXIT_FINDINGS", "build_parser", "main", "run"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kerascheck",
        description="Find (and fix) legacy Keras code: Keras 1/2 APIs on tf.keras or Keras 3, "
        "the training flag in custom layers, mixed Keras implementations.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to check; - for stdin")
    for option in OPTIONS:
        if CLI in option.frontends:
            aliases = ("--target",) if option.name == "keras-target" else ()  # what a newcomer types first
            parser.add_argument(
                f"--{option.name}",
                *aliases,
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
    created = bool(args.output_file) and not os.path.lexists(args.output_file)
    if args.output_file and not _can_write(args.output_file):
        return EXIT_ERROR
    try:
        finder = _finder(args)
        report = _check(args, finder, _items(args, finder))  # the files are checked as the search finds them
    except OptionError as error:  # a configuration the search came upon is wrong
        print(f"kerascheck: error: {error}", file=sys.stderr)
        if created:  # no report: the empty file this run made to try the path goes too
            with contextlib.suppress(OSError):
                os.remove(args.output_file)
        return EXIT_ERROR
    _write(report, args, out)
    return exit_status(report, args)


def _items(args: argparse.Namespace, finder: SettingsFinder) -> Iterator[Item]:
    """The files to check (None: stdin), each with its settings, as the search finds them; on stderr,
    as it goes: with --verbose, what it skipped; unless --quiet, each target read from the pins."""
    skipped: List[Skipped] = []
    said: set = set()
    for path in _targets(args.paths, finder, skipped):
        settings = finder.for_file(path) if path else finder.for_folder(_stdin_folder(args))
        _say_skipped(args, skipped)
        if settings.target_reason and not args.quiet and settings not in said:
            said.add(settings)
            print(f"kerascheck: keras target {settings.target.value}, from {settings.target_reason}", file=sys.stderr)
            for problem in settings.target_problems:
                warn_once(problem)
        yield path, settings
    _say_skipped(args, skipped)


def _say_skipped(args: argparse.Namespace, skipped: List[Skipped]) -> None:
    """With --verbose, what the search skipped since last said (``skipped`` is emptied)."""
    if args.verbose:
        for path, reason in skipped:
            print(f"kerascheck: skipped {shown_path(str(path))} ({reason})", file=sys.stderr)
    skipped.clear()


def _check(args: argparse.Namespace, finder: SettingsFinder, found: Iterator[Item]) -> Report:
    """Check every file, then what needs the whole project: custom layers across the modules of the
    folders, the mixing of Keras implementations across them, and the dependency pins."""
    report = Report()
    # named ones only: a folder's search finds source files
    dependency_files = [Path(name) for name in args.paths if is_dependency_file(Path(name)) and not Path(name).is_dir()]
    items: Iterable[Item] = (item for item in found if item[0] not in dependency_files)
    jobs = 1 if "-" in args.paths else args.jobs or default_jobs()  # this process reads stdin
    if args.fix or args.diff:  # a rename must know every module importing the one it changes: all found first
        items = list(items)
    importers = importers_of(items, args)
    folders = [Path(name) for name in args.paths if name != "-" and Path(name).is_dir()]
    pins: List[Pins] = []  # read while the workers check the files: they do not depend on them

    def read_pins() -> None:
        if folders or dependency_files:
            pins.append(read_project_pins(folders, dependency_files))

    report.results = check_files(items, args, jobs, importers, meanwhile=read_pins)
    if folders:
        settle_layers(report.results, rechecker(finder, args, jobs, importers))  # type: ignore[arg-type]
    if pins:
        check_project_files(report, finder, folders, dependency_files, pins[0])
    return report


def _write(report: Report, args: argparse.Namespace, out: TextIO) -> None:
    """The report, to --output-file, stdout, or (when --fix rewrites stdin onto stdout) stderr."""
    stdin_fix = args.fix and not args.diff and "-" in args.paths
    target = open(args.output_file, "w", encoding="utf-8") if args.output_file else (sys.stderr if stdin_fix else out)
    try:
        render(report, args, target)
    finally:
        if args.output_file:
            target.close()


def _finder(args: argparse.Namespace) -> SettingsFinder:
    given = given_values(args)
    given["respect_gitignore"] = False if args.no_respect_gitignore else None
    if args.config and not Path(args.config).is_file():
        raise OptionError(f"{args.config}: no such file")
    config = Path(args.config).absolute() if args.config else None
    return SettingsFinder(given, config=config, use_config=not args.no_config)


def _stdin_folder(args) -> Path:
    return Path(args.stdin_filename).parent if args.stdin_filename else Path.cwd()


def _job_count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (0 or more; 0: one per CPU)")
    return int(text)


def _can_write(path: str) -> bool:
    """Whether the report file can be written: asked before any work, so that a bad path fails fast."""
    try:
        open(path, "a", encoding="utf-8").close()
        return True
    except OSError as error:
        print(f"kerascheck: error: cannot write the report to {path}: {error.strerror or error}", file=sys.stderr)
        return False


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
        sys.exit(INTERRUPTED)
    except BrokenPipeError:  # `kerascheck … | head`: the reader has gone, which is no error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_FINDINGS)
