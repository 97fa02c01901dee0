"""Whether a call binds on a target's real signature (``kerascheck/catalog/api``), and if not, why.

Binding follows Python's rules, then what Keras does with ``**kwargs``: a closed one raises for a key it
does not know (tf.keras's ``Layer`` a TypeError, Keras 3's a ValueError), ignores some with a warning
(``Embedding(input_length=…)`` on Keras 3.15) and refuses others by name (``decay=`` on TF 2.11+).
A call with ``*args`` or ``**mapping`` is judged only on what it spells out.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Iterable, List, Optional

from kerascheck.catalog import api
from kerascheck.catalog.api import Keywords, Signature
from kerascheck.catalog.model import Target
from kerascheck.record import Record

if TYPE_CHECKING:
    from kerascheck.catalog.api.statuses import KeywordStatus

UNKNOWN = "unknown keyword"
IGNORED = "ignored keyword"
DEPRECATED = "deprecated keyword"
REFUSED = "refused keyword"
TOO_MANY = "too many positional arguments"
TWICE = "argument given twice"
MISSING = "missing argument"


class Problem(Record):
    kind: str  # one of the constants above
    argument: str  # the keyword or parameter concerned
    effect: str  # what Keras does: "TypeError", "ValueError", "a warning, and ignores it"
    node: ast.AST  # where: the keyword, the first extra positional, or the call
    nearest: Optional[str] = None  # the closest accepted keyword, for an unknown one
    fact: Optional[KeywordStatus] = None  # the hand-checked status (catalog/api/statuses.py), when there is one


def problems(signature: Signature, call: ast.Call, *, nearest: bool = True) -> List[Problem]:
    """Every way ``call`` fails to bind ``signature`` (in source order of kind: positionals, keywords, missing).
    ``nearest``: look up the closest accepted keyword of an unknown one (a fuzzy match: costly)."""
    found: List[Problem] = []
    starred = any(isinstance(arg, ast.Starred) for arg in call.args)
    splatted = any(keyword.arg is None for keyword in call.keywords)
    given = 0 if starred else len(call.args)
    if not starred and not signature.varargs and given > len(signature.positional):
        extra = call.args[len(signature.positional)]
        found.append(Problem(TOO_MANY, str(given), "TypeError", extra))
    bound = set(signature.positional[:given])
    for keyword in call.keywords:
        name = keyword.arg
        if name is None:
            continue
        if signature.accepts_keyword(name):
            if name in bound:
                found.append(Problem(TWICE, name, "TypeError", keyword))
            bound.add(name)
            continue
        problem = keyword_problem(signature, name, keyword, nearest)
        if problem is not None:
            found.append(problem)
        bound.add(name)
    # Python binds the keywords and counts the positionals before it looks for a missing argument: a call that fails
    # there (``predict(generator=g)``: an unexpected keyword) never reaches the missing ``x``
    fails_first = any(problem.kind in (TOO_MANY, TWICE) for problem in found) or (
        not isinstance(signature.kwargs, Keywords)
        and signature.kwargs != api.OPEN
        and any(problem.kind == UNKNOWN for problem in found)
    )
    if not starred and not splatted and not fails_first:
        missing = [name for name in signature.positional + signature.keyword_only
                   if name in signature.required and name not in bound]  # fmt: skip
        if missing:
            found.append(Problem(MISSING, missing[0], "TypeError", call))
    return found


def keyword_problem(signature: Signature, name: str, keyword: ast.keyword, nearest: bool = True) -> Optional[Problem]:
    """The problem of keyword ``name`` (``keyword``), which the signature does not name, or None when
    ``**kwargs`` takes it (a named parameter is no problem either)."""
    if signature.accepts_keyword(name):
        return None
    kwargs = signature.kwargs
    if kwargs == api.OPEN:
        return None
    if isinstance(kwargs, Keywords):
        status = kwargs.keys.get(name)
        fact = (kwargs.facts or {}).get(name)
        if status == "" or (status is None and kwargs.error == ""):
            return None
        if status == "w":
            return Problem(IGNORED, name, "logs a warning and ignores it", keyword, fact=fact)
        if status == "i":
            return Problem(IGNORED, name, "ignores it without a word", keyword, fact=fact)
        if status == "d":
            return Problem(DEPRECATED, name, "logs a deprecation warning, and still honours it", keyword, fact=fact)
        if status is not None and status.startswith("e:"):
            return Problem(REFUSED, name, status[2:], keyword, fact=fact)
        error = kwargs.error
    else:
        error = "TypeError"
    return Problem(UNKNOWN, name, error, keyword, nearest_keyword(signature, name) if nearest else None)


def accepted_keywords(signature: Signature) -> List[str]:
    names = list(signature.positional[signature.positional_only :]) + list(signature.keyword_only)
    if isinstance(signature.kwargs, Keywords):
        names += [key for key, status in signature.kwargs.keys.items() if status == ""]
    return names


def nearest_keyword(signature: Signature, name: str) -> Optional[str]:
    """The accepted keyword ``name`` is a plausible typo of (see :func:`nearest_name`)."""
    return nearest_name(name, accepted_keywords(signature))


def nearest_name(name: str, candidates: Iterable[str]) -> Optional[str]:
    """The candidate ``name`` is a plausible typo of: at most one edit away (two for names of twelve
    letters or more; a swap of neighbours counts as one; case is ignored), never a mere relative
    (``input_dim`` is no typo of ``input_shape``, ``write_grads`` none of ``write_graph``). None for names
    of three letters or fewer, or when two are as near."""
    allowed = 0 if len(name) <= 3 else 1 if len(name) < 12 else 2
    best: List[str] = []
    best_distance = allowed + 1
    for candidate in candidates:
        if abs(len(candidate) - len(name)) > allowed or candidate == name:
            continue
        distance = edit_distance(name.lower(), candidate.lower(), best_distance + 1)
        if distance > allowed:
            continue
        if distance < best_distance:
            best, best_distance = [candidate], distance
        elif distance == best_distance and candidate not in best:
            best.append(candidate)
    return best[0] if len(best) == 1 and best_distance <= allowed else None


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance of ``a`` and ``b`` (insert, delete, substitute, swap two
    neighbours), or ``limit`` when it is at least that."""
    previous2: List[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) >= limit:
            return limit
        previous2, previous = previous, current
    return min(previous[len(b)], limit)


def binding_problem(target: Target, canonical: str, call: ast.Call) -> Optional[str]:
    """Why ``call`` of the public callable ``canonical`` (``layers.Dense``; ``Model.fit`` for a core
    class's method) does not bind on ``target``, or None when it binds or the callable is not tabled.
    For fixers: a fixed call must bind."""
    kind, _, method = canonical.partition(".")
    if kind in api.CORE_KINDS and method:
        signature = api.method_signature(target, kind, method)
    else:
        signature = api.callable_signature(target, canonical)
    if signature is None:
        return None
    found = [problem for problem in problems(signature, call) if problem.kind not in (IGNORED, DEPRECATED)]
    if not found:
        return None
    first = found[0]
    return f"{first.kind} `{first.argument}` for `{canonical}` on {target} ({first.effect})"
