"""The command line's report: findings in the chosen format, statistics, the summary line, a progress
counter, and the exit status."""

from __future__ import annotations

import sys
from typing import TextIO

from kerascheck.file_check import Report
from kerascheck.findings import fixable
from kerascheck.output import github_line, notebook_text_line, statistics, text_line, to_json, to_sarif, use_colour

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def exit_status(report: Report, args) -> int:
    """0 nothing to report, 1 findings remain (or ``--diff`` would change something), 2 an error."""
    if report.errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    if args.diff:
        return EXIT_FINDINGS if report.changed_files else EXIT_CLEAN
    return EXIT_FINDINGS if report.findings else EXIT_CLEAN


def render(report: Report, args, out: TextIO) -> None:
    if args.format in ("json", "sarif") or args.diff:  # their stdout is a document: say what failed on stderr
        for result in report.results:
            if result.error:
                print(f"{result.path}: error: {result.error}", file=sys.stderr)
    _findings(report, args, out)
    if args.statistics:
        for line in statistics(report.results):
            print(line, file=sys.stderr if args.format in ("json", "sarif") and not args.output_file else out)
    if not args.quiet and args.format == "text":
        print(_summary(report, args), file=out)


def _findings(report: Report, args, out: TextIO) -> None:
    if args.format == "json":
        print(to_json(report.results), file=out)
    elif args.format == "sarif":
        print(to_sarif(report.results), file=out)
    elif args.diff:
        for result in report.results:
            out.writelines(result.diff)
    else:
        _text(report, args, out)


def _text(report: Report, args, out: TextIO) -> None:
    """Text, concise or github lines: one write per file (tens of thousands of findings print in a blink)."""
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
        if lines:
            out.write("\n".join(lines) + "\n")


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
