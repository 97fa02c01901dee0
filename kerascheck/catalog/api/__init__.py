"""Each target's real public API, generated from the Keras wheels by ``scripts/generate_api_tables.py``.

``tf_keras.json`` is keras 2.15.0 (TensorFlow 2.15's ``tf.keras``), ``keras3.json`` keras 3.15.1; both name
their source. A run loads only its target's table, on first use (the command starts without it).

A table holds, per canonical public name (``layers.Dense``): ``s`` its parameters as tokens (``x``
required, ``x=`` defaulted, ``/``, ``*``, ``*args``, ``**kwargs``); ``k`` what ``**kwargs`` takes
(absent: no ``**kwargs``; ``"*"``: any key; else ``{"k": {key: status}, "e": exception}`` with status ``""``
accepted, ``"w"`` ignored with a warning, ``"e:ValueError"`` refused); ``c`` for a class, ``t`` the core
class it is (``Layer``, ``Model`` …), ``a`` the attributes it has beyond that core class, and ``nt`` for a
layer whose ``call`` takes no ``training`` (neither by name nor through ``**kwargs``). ``core`` holds
the core classes' public methods (same shape, plus ``r``: what a stub that always fails raises),
attribute names, ``properties`` (the attributes that are properties) and ``uncallable`` (the properties
whose value is never callable in any public class of the kind: a list, a number…, read from what their
getters return); ``known`` per core class the names it has in any Keras read (both targets and Keras
2.2.4): a name code uses that is among them is a Keras name, not the code's own.
"""

from __future__ import annotations

import os
from functools import cache, lru_cache
from typing import Dict, FrozenSet, List, Optional, Tuple, Union

from kerascheck.catalog.model import Target
from kerascheck.record import Record

_HERE = os.path.dirname(os.path.abspath(__file__))
_FILES = {Target.TF_KERAS: "tf_keras.json", Target.KERAS3: "keras3.json"}
CORE_KINDS = ("Model", "Sequential", "Layer", "Optimizer", "Callback", "Metric")

OPEN = "*"


class Keywords(Record):
    """What a closed ``**kwargs`` takes: key -> "" (accepted), "w" (ignored with a warning), "d"
    (deprecated but honoured), "i" (ignored silently) or "e:<Exception>" (refused); any other key raises
    ``error`` ("": any other key binds). ``facts``: the hand-checked statuses (``statuses.py``) by key,
    with Keras's own message and the remedy."""

    keys: Dict[str, str]
    error: str
    facts: Optional[dict] = None


class Signature(Record):
    positional: Tuple[str, ...]  # parameters that take a positional argument, in order
    positional_only: int  # how many of those are positional-only
    keyword_only: Tuple[str, ...]
    required: FrozenSet[str]
    varargs: bool
    kwargs: Union[None, str, Keywords]  # None: no **kwargs; OPEN; or Keywords
    raises: Optional[str] = None  # a method whose body only raises this

    def accepts_keyword(self, name: str) -> bool:
        return name in self.keyword_only or name in self.positional[self.positional_only :]


@cache
def table(name: str) -> dict:
    import json  # on first use: kerascheck starts without the tables

    with open(os.path.join(_HERE, name), encoding="utf-8") as handle:
        return json.load(handle)


def source(target: Target) -> str:
    """``keras 3.15.1``: the release the target's table was read from."""
    return table(_FILES[target])["source"]


@lru_cache(maxsize=8192)
def callable_signature(target: Target, canonical: str) -> Optional[Signature]:
    entry = table(_FILES[target])["callables"].get(canonical)
    return None if entry is None else _with_statuses(_signature(entry), target, canonical)


@lru_cache(maxsize=4096)
def method_signature(target: Target, kind: str, method: str) -> Optional[Signature]:
    core = table(_FILES[target])["core"].get(kind)
    entry = None if core is None else core["methods"].get(method)
    return None if entry is None else _with_statuses(_signature(entry), target, f"{kind}.{method}")


def _with_statuses(signature: Signature, target: Target, owner: str) -> Signature:
    """The signature with the hand-checked keyword statuses of ``statuses.py`` laid over its ``**kwargs``."""
    from kerascheck.catalog.api.statuses import statuses

    facts = statuses(target, owner)
    if not facts or signature.kwargs is None:
        return signature
    if isinstance(signature.kwargs, Keywords):
        keys, error = dict(signature.kwargs.keys), signature.kwargs.error
    else:  # open: only what the facts say of other keys closes it
        keys, error = {}, next((f.others for f in facts.values() if f.others), None) or ""
    for keyword, fact in facts.items():
        keys[keyword] = fact.status
    return signature._replace(kwargs=Keywords(keys, error, facts))


def kind_of(target: Target, canonical: str) -> Optional[str]:
    """The core class (``Layer``, ``Model`` …) a public class is, on ``target``."""
    entry = table(_FILES[target])["callables"].get(canonical)
    return None if entry is None else entry.get("t")


def call_takes_training(target: Target, canonical: str) -> Optional[bool]:
    """Whether the ``call`` of a public layer class takes ``training`` (by name or ``**kwargs``) on
    ``target``; None for what is no tabled layer class."""
    entry = table(_FILES[target])["callables"].get(canonical)
    if entry is None or entry.get("t") != "Layer":
        return None
    return not entry.get("nt")


# A "Model" of unknown class (``load_model``, ``Model(inputs, outputs)``) may be any of these.
_KINDS_OF = {"Model": ("Model", "Functional", "Sequential")}


@lru_cache(maxsize=4096)
def attributes(target: Target, kind: str, classes: FrozenSet[str] = frozenset()) -> FrozenSet[str]:
    """The names an instance of a core class (and of any of the public ``classes``) has on ``target``."""
    data = table(_FILES[target])
    names = set()
    for each in _KINDS_OF.get(kind, (kind,)):
        names |= set(data["core"].get(each, {}).get("attributes", ()))
    if not classes:  # of some class of the kind: whatever one of them has may be there
        classes = frozenset(name for name, entry in data["callables"].items() if entry.get("t") == kind)
    for canonical in classes:
        names |= set(data["callables"].get(canonical, {}).get("a", ()))
    return frozenset(names)


@lru_cache(maxsize=16)
def uncallable_properties(target: Target, kind: str) -> FrozenSet[str]:
    """The properties of the core class whose value is never callable on ``target``: calling one raises
    TypeError (``optimizer.variables()`` on Keras 3)."""
    return frozenset(table(_FILES[target])["core"].get(kind, {}).get("uncallable", ()))


@lru_cache(maxsize=16)
def known_attributes(target: Target, kind: str) -> FrozenSet[str]:
    """The names the core class has in any Keras read (both targets' and Keras 2.2.4's), as the target's
    table records them."""
    return frozenset(table(_FILES[target])["known"].get(kind, ()))


def _signature(entry: dict) -> Signature:
    tokens: List[str] = entry["s"]
    positional: List[str] = []
    keyword_only: List[str] = []
    required = set()
    positional_only = 0
    varargs = False
    star = False
    for token in tokens:
        if token == "/":
            positional_only = len(positional)
        elif token == "*":
            star = True
        elif token.startswith("**"):
            continue
        elif token.startswith("*"):
            varargs = star = True
        else:
            name = token.rstrip("=")
            if not token.endswith("="):
                required.add(name)
            (keyword_only if star else positional).append(name)
    kwargs = entry.get("k")
    if isinstance(kwargs, dict):
        kwargs = Keywords(kwargs["k"], kwargs["e"])
    return Signature(
        tuple(positional), positional_only, tuple(keyword_only), frozenset(required), varargs, kwargs, entry.get("r")
    )
