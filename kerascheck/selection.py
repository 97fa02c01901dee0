"""Which codes a run reports: selectors checked against the real codes, combined as ruff combines them.

A selector is ``ALL``, the prefix ``KER``, a family (``KER2``), a part of one (``KER20``) or a code
(``KER201``); one that selects no code is an error naming the nearest ones, so that a typo cannot turn
a check off and let CI pass. Of the selectors that match a code, the most specific decides (``ALL``
is the least specific, then ``KER``, then longer prefixes); ``ignore`` wins a tie. A code no selector
matches keeps its default, or is off when ``select`` replaces the default set (ruff's rule).

Off-by-default rules (KER307) are turned on only by their full code in ``select`` or ``extend-select``:
``ALL``, ``KER`` or ``KER3`` select the default set of a family, not its opinionated extras. This is
what flake8-bugbear does for its B9 warnings (its ``should_warn``): flake8's default-ignore list alone
is replaced by any ``ignore =`` in a user's config, which would turn the extras on by accident.
"""

from __future__ import annotations

import os
from typing import FrozenSet, Iterable, Protocol, Tuple

from kerascheck.errors import OptionError
from kerascheck.isolation import trusted_import


class Selection(Protocol):
    """What selection reads of the settings (:class:`kerascheck.config.Settings` has it)."""

    @property
    def select(self) -> Tuple[str, ...]: ...

    @property
    def extend_select(self) -> Tuple[str, ...]: ...

    @property
    def ignore(self) -> Tuple[str, ...]: ...

    @property
    def file_ignore(self) -> Tuple[str, ...]: ...


ALL = "ALL"
PREFIX = "KER"


def _codes() -> Tuple[str, ...]:
    from kerascheck.rules import RULES  # here: config imports this module before the rules exist

    return tuple(rule.code for rule in RULES)


def known_selectors() -> FrozenSet[str]:
    """``ALL`` and every prefix of every code from ``KER`` on."""
    return frozenset({ALL} | {code[:length] for code in _codes() for length in range(len(PREFIX), len(code) + 1)})


def nearest(text: str, candidates: Iterable[str]) -> Tuple[str, ...]:
    """Up to three of ``candidates`` closest to ``text`` (for an error message)."""
    difflib = trusted_import("difflib")  # here: only error messages need it
    return tuple(difflib.get_close_matches(text, sorted(candidates), n=3, cutoff=0.5))


_LOOKALIKE = str.maketrans("OoIlL", "00111")  # KER2O1: a letter typed for a digit


def nearest_selectors(selector: str, known: Iterable[str]) -> Tuple[str, ...]:
    """Up to three known selectors nearest to ``selector``: of the same length if any, the longest
    common prefix first, then the nearest number (KER209: KER208, KER207, …)."""
    wanted = selector[: len(PREFIX)] + selector[len(PREFIX) :].translate(_LOOKALIKE)
    pool = [item for item in known if len(item) == len(wanted)] or list(known)

    def rank(candidate: str) -> tuple:
        prefix = len(os.path.commonprefix([wanted, candidate]))
        digits = wanted[len(PREFIX) :], candidate[len(PREFIX) :]
        distance = abs(int(digits[0]) - int(digits[1])) if all(d.isdigit() for d in digits) else 1000
        return (-prefix, distance, candidate)

    return tuple(sorted(pool, key=rank)[:3])


def check_selector(text: str) -> str:
    """``text`` as a selector (upper case), or an :class:`OptionError` naming the nearest ones."""
    selector = text.strip().upper()
    known = known_selectors()
    if selector in known:
        return selector
    close = nearest_selectors(selector, known) if selector.startswith(PREFIX) else ()
    hint = f"; nearest: {', '.join(close)}" if close else ""
    raise OptionError(
        f"{text!r} selects no kerascheck code{hint} (selectors: ALL, KER, a family such as KER2, or a code; "
        "see --list-rules)"
    )


def specificity(code: str, selectors: Tuple[str, ...]) -> int:
    """How specific the most specific selector matching ``code`` is: -1 none, 0 ``ALL``, else its length."""
    return max((0 if s == ALL else len(s) for s in selectors if s == ALL or code.startswith(s)), default=-1)


def is_selected(code: str, settings: Selection) -> bool:
    """Whether ``code`` is reported under ``settings`` (see the module's docstring)."""
    from kerascheck.rules import RULES_BY_CODE

    if specificity(code, settings.file_ignore) >= 0:
        return False
    default = RULES_BY_CODE[code].default_enabled
    selectors = settings.select + settings.extend_select
    chosen = specificity(code, selectors) if default else (len(code) if code in selectors else -1)
    ignored = specificity(code, settings.ignore)
    if chosen < 0 and ignored < 0:
        return default and not settings.select
    return chosen > ignored
