"""``kerascheck --explain RULE`` and ``--list-rules``: the rules' own documentation, printed."""

from __future__ import annotations

import sys
from typing import Optional, TextIO, Type

from kerascheck.docs import summary
from kerascheck.render import EXIT_CLEAN, EXIT_ERROR
from kerascheck.rules import RULES, RULES_BY_CODE, Rule
from kerascheck.selection import nearest


def _rule_named(text: str) -> Optional[Type[Rule]]:
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
