"""The ``kerascheck`` command: check files, folders or stdin; fix what is safely fixable.

Exit status: 0 nothing to report, 1 findings remain (or ``--diff`` would change something),
2 usage error or a file that could not be checked.
"""
from __future__ import annotations

import argparse
import difflib
import inspect
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Sequence, TextIO

from kerascheck import __version__
from kerascheck.config import CLI, OPTIONS, OptionError, Settings, find_pyproject, pyproject_values
from kerascheck.docs import summary
from kerascheck.engine import module_name_for
from kerascheck.files import Source, SourceError, decode, discover, encode, read, write_atomic
from kerascheck.findings import Finding
from kerascheck.fix import fixable
from kerascheck.rules import RULES, RULES_BY_CODE
from kerascheck.runner import CheckError, check_and_fix, is_selected

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
                f"--{option.name}", metavar=option.metavar, default=None, help=option.help,
                choices=option.choices or None,
            )
    parser.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    parser.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too")
    parser.add_argument("--diff", action="store_true", help="print the changes --fix would make; write nothing")
    parser.add_argument("--show-fixes", action="store_true", help="list the findings that were fixed")
    parser.add_argument("--stdin-filename", metavar="PATH", help="the name to report for stdin")
    parser.add_argument("--config", metavar="PYPROJECT", help="read [tool.kerascheck] from this file")
    parser.add_argument("--no-config", action="store_true", help="ignore pyproject.toml")
    parser.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary")
    parser.add_argument("--explain", metavar="CODE", help="print the documentation of a rule and exit")
    parser.add_argument("--list-rules", action="store_true", help="print every rule and exit")
    parser.add_argument("--version", action="version", version=f"kerascheck {__version__}")
    return parser


@dataclass
class Report:
    findings: int = 0
    fixable: int = 0
    fixed: int = 0
    changed_files: int = 0
    errors: int = 0
    lines: List[str] = field(default_factory=list)


def format_finding(path: str, finding: Finding) -> str:
    return f"{path}:{finding.line}:{finding.col + 1}: {finding.code} {finding.text}"


def explain(code: str, out: TextIO) -> int:
    rule = RULES_BY_CODE.get(code.upper())
    if rule is None:
        print(f"kerascheck: error: unknown code {code!r}; see --list-rules", file=sys.stderr)
        return EXIT_ERROR
    targets = ", ".join(sorted(target.value for target in rule.targets))
    print(f"{rule.code} ({rule.name})\n", file=out)
    print(f"Severity: {rule.severity.value}. Fix: {rule.fix_safety.value}. Targets: {targets}. "
          f"{'On' if rule.default_enabled else 'Off'} by default.\n", file=out)
    print(inspect.cleandoc(rule.__doc__ or ""), file=out)
    return EXIT_CLEAN


def list_rules(out: TextIO) -> int:
    for rule in RULES:
        default = "" if rule.default_enabled else " [off by default]"
        print(f"{rule.code}  {rule.name:<38} {summary(rule)}{default}", file=out)
    return EXIT_CLEAN


def _settings(args: argparse.Namespace) -> Settings:
    cli_values = {option.attribute: getattr(args, option.attribute, None) for option in OPTIONS}
    if args.no_config:
        return Settings.from_values(cli_values)
    config = Path(args.config) if args.config else find_pyproject(Path.cwd())
    if args.config and not config.is_file():
        raise OptionError(f"{args.config}: no such file")
    root = config.parent if config else Path.cwd()
    return Settings.from_values(cli_values, pyproject_values(config), root=root)


def _process(name: str, source: Source, settings: Settings, args, report: Report, out: TextIO, stdin: bool) -> None:
    fix = args.fix or args.diff
    outcome = check_and_fix(
        source.text, settings, fix=fix, unsafe=args.unsafe_fixes, module_name=module_name_for(name)
    )
    if outcome.refused:
        report.lines.append(f"{name}: error: fixes not applied: {outcome.refused}")
        report.errors += 1
    if outcome.new_text is not None:
        report.changed_files += 1
        report.fixed += len(outcome.fixed)
        if args.diff:
            diff = difflib.unified_diff(
                source.text.splitlines(keepends=True), outcome.new_text.splitlines(keepends=True),
                fromfile=f"a/{name}", tofile=f"b/{name}",
            )
            out.writelines(line if line.endswith(("\n", "\r")) else line + "\n" for line in diff)
        elif stdin:
            sys.stdout.write(outcome.new_text)
        else:
            write_atomic(Path(name), encode(source, outcome.new_text))
        if args.show_fixes:
            report.lines += [f"fixed {format_finding(name, f)}" for f in outcome.fixed]
    if args.diff:
        return  # a diff shows changes, not findings
    report.findings += len(outcome.findings)
    report.fixable += len(fixable(outcome.findings, args.unsafe_fixes))
    report.lines += [format_finding(name, finding) for finding in outcome.findings]


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
    try:
        settings = _settings(args)
    except OptionError as error:
        print(f"kerascheck: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    if settings.target_reason and not args.quiet:
        print(f"kerascheck: keras target {settings.target.value}, from {settings.target_reason}", file=sys.stderr)
    report = Report()
    stdin_fix = args.fix and not args.diff and "-" in args.paths
    result_out = sys.stderr if stdin_fix else out
    for path, explicit in _targets(args.paths, settings.exclude):
        name = args.stdin_filename or "stdin" if path is None else str(path)
        try:
            source = decode(sys.stdin.buffer.read()) if path is None else read(path)
            _process(name, source, settings, args, report, out, stdin=path is None)
        except (SourceError, CheckError, OSError) as error:
            report.lines.append(f"{name}: error: {error}")
            report.errors += 1
    for line in report.lines:
        print(line, file=result_out)
    if not args.quiet:
        print(_summary(report, args), file=result_out)
    if report.errors:
        return EXIT_ERROR
    if args.diff:
        return EXIT_FINDINGS if report.changed_files else EXIT_CLEAN
    return EXIT_FINDINGS if report.findings else EXIT_CLEAN


def _targets(paths: Sequence[str], exclude):
    for name in paths:
        if name == "-":
            yield None, True
        else:
            yield from discover([name], exclude)


def _summary(report: Report, args) -> str:
    parts = []
    if args.diff:
        parts.append(f"Would fix {report.fixed} finding{'s' * (report.fixed != 1)} in {report.changed_files} file{'s' * (report.changed_files != 1)}.")
    elif args.fix and report.fixed:
        parts.append(f"Fixed {report.fixed} finding{'s' * (report.fixed != 1)} in {report.changed_files} file{'s' * (report.changed_files != 1)}.")
    if report.findings:
        hint = f" ({report.fixable} fixable with --fix)" if report.fixable and not args.diff else ""
        parts.append(f"Found {report.findings} finding{'s' * (report.findings != 1)}{hint}.")
    elif not args.diff:
        parts.append("No findings.")
    if report.errors:
        parts.append(f"{report.errors} file{'s' * (report.errors != 1)} could not be checked.")
    return " ".join(parts)


def main() -> None:  # pragma: no cover - the console script
    try:
        sys.exit(run())
    except KeyboardInterrupt:
        sys.exit(130)
