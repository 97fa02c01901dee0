"""``Record``: ``typing.NamedTuple`` for kerascheck's own classes, built at about half the cost.

kerascheck defines some sixty NamedTuple classes, all at import time, and every process (the command,
each flake8 or pylint run, an editor's check of one file) pays for them before its first file.
``typing.NamedTuple`` checks each field's annotation, and under ``from __future__ import annotations``
every annotation is a string it compiles into a ``ForwardRef``: half of the class's cost, for types
nothing reads at run time. ``Record`` builds the same ``collections.namedtuple`` (fields, defaults,
methods, docstring, qualified name, pickling) without that step. Type checkers see
``typing.NamedTuple`` itself, so ``class Finding(Record): code: str`` is typed exactly as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import NamedTuple as Record
else:
    import collections

    # what a class body may not define, as for typing.NamedTuple: namedtuple makes them itself
    _PROHIBITED = frozenset(
        ("__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make", "_replace",
         "_asdict", "_source")
    )  # fmt: skip
    _SPECIAL = frozenset(("__module__", "__name__", "__annotations__"))

    class _RecordMeta(type):
        def __new__(mcls, name: str, bases: tuple, namespace: dict):
            if not bases:  # Record itself
                return super().__new__(mcls, name, bases, namespace)
            if bases != (Record,):
                raise TypeError(f"{name}: a Record class derives from Record alone")
            fields = tuple(namespace.get("__annotations__", {}))
            defaults = []
            for field in fields:
                if field in namespace:
                    defaults.append(namespace[field])
                elif defaults:
                    raise TypeError(f"{name}: field {field!r} without a default follows one with a default")
            record = collections.namedtuple(name, fields, defaults=defaults, module=namespace["__module__"])
            for key, value in namespace.items():
                if key in _PROHIBITED:
                    raise AttributeError(f"{name}: cannot overwrite NamedTuple attribute {key}")
                if key not in _SPECIAL and key not in record._fields:
                    setattr(record, key, value)
            return record

    class Record(metaclass=_RecordMeta):
        """Derive from this as from ``typing.NamedTuple``."""
