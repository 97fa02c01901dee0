"""Whether a call binds on a target's real signature (``kerascheck/catalog/api``), and if not, why.

Binding follows Python's rules, then what Keras does with ``**kwargs``: a closed one raises for a key it
does not know (tf.keras's ``Layer`` a TypeError, Keras 3's a ValueError), ignores some with a warning
(``Embedding(input_length=…)`` on Keras 3.15) and refuses others by name (``decay=`` on TF 2.11+).
A call with ``*args`` or ``**mapping`` is judged only on what it spells out.
"""

from __future__ import annotations

import ast
from typing import List, NamedTuple, Optional

from kerascheck.catalog import api
from kerascheck.catalog.api import Keywords, Signature
from kerascheck.catalog.model import Target

UNKNOWN = "unknown keyword"
IGNORED = "ignored keyword"
REFUSED = "refused keyword"
TOO_MANY = "too many positional arguments"
TWICE = "argument given twice"
MISSING = "missing argument"


class Problem(NamedTuple):
    kind: str  # one of the constants above
    argument: str  # the keyword or parameter concerned
    effect: str  # what Keras does: "TypeError", "ValueError", "a warning, and ignores it"
    node: ast.AST  # where: the keyword, the first extra positional, or the call
    nearest: Optional[str] = None  # the closest accepted keyword, for an unknown one


def problems(signature: Signature, call: ast.Call) -> List[Problem]:
    """Every way ``call`` fails to bind ``signature`` (in source order of kind: positionals, keywords, missing)."""
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
        problem = _through_kwargs(signature, keyword, name)
        if problem is not None:
            found.append(problem)
        bound.add(name)
    if not starred and not splatted:
        missing = [name for name in signature.positional + signature.keyword_only
                   if name in signature.required and name not in bound]  # fmt: skip
        if missing:
            found.append(Problem(MISSING, missing[0], "TypeError", call))
    return found


def _through_kwargs(signature: Signature, keyword: ast.keyword, name: str) -> Optional[Problem]:
    """``name``: the keyword's name (``keyword.arg``, never None here)."""
    kwargs = signature.kwargs
    if kwargs == api.OPEN:
        return None
    if isinstance(kwargs, Keywords):
        status = kwargs.keys.get(name)
        if status == "":
            return None
        if status == "w":
            return Problem(IGNORED, name, "logs a warning and ignores it", keyword)
        if status is not None and status.startswith("e:"):
            return Problem(REFUSED, name, status[2:], keyword)
        error = kwargs.error
    else:
        error = "TypeError"
    return Problem(UNKNOWN, name, error, keyword, nearest_keyword(signature, name))


def accepted_keywords(signature: Signature) -> List[str]:
    names = list(signature.positional[signature.positional_only :]) + list(signature.keyword_only)
    if isinstance(signature.kwargs, Keywords):
        names += [key for key, status in signature.kwargs.keys.items() if status == ""]
    return names


def nearest_keyword(signature: Signature, name: str) -> Optional[str]:
    import difflib  # only when a keyword is unknown: kerascheck starts without it

    close = difflib.get_close_matches(name, accepted_keywords(signature), n=1, cutoff=0.75)
    return close[0] if close else None


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
    found = [problem for problem in problems(signature, call) if problem.kind != IGNORED]
    if not found:
        return None
    first = found[0]
    return f"{first.kind} `{first.argument}` for `{canonical}` on {target} ({first.effect})"
