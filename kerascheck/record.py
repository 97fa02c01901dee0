"""``Record``: ``typing.NamedTuple`` for kerascheck's own classes, built at about half the cost.

kerascheck defines some sixty NamedTuple classes, all at import time, and every process (the command,
each flake8 or pylint run, an editor's check of one file) pays for them before its first file.
``typing.NamedTuple`` checks each field's annotation, and under ``from __future__ import annotations``
every annotation is a string it compiles into a ``ForwardRef``: half of the class's cost, for types
nothing reads at run time. ``Record`` builds the same ``collections.namedtuple`` (fields, defaults,
methods, docstring, qualified name, pickling) without that step. Type checkers see
``typing.NamedTuple`` itself, so ``class Finding(Record): code: str`` is typed exactly as before.


The class is assembled here rather than by ``collections.namedtuple``, which compiles a ``__new__`` from
source for each class (most of its cost): ``__new__`` is compiled once per number of fields and given
each class's field names as its parameters' names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import NamedTuple as Record
else:
    from operator import itemgetter

    try:
        from _collections import _tuplegetter as _field  # what namedtuple's fields are (CPython)
    except ImportError:  # pragma: no cover - other Pythons

        def _field(index: int, doc: str) -> property:
            return property(itemgetter(index), doc=doc)

    # what a class body may not define, as for typing.NamedTuple: the record makes them itself
    _PROHIBITED = frozenset(
        ("__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make", "_replace",
         "_asdict", "_source")
    )  # fmt: skip
    _SPECIAL = frozenset(("__module__", "__name__", "__annotations__", "__qualname__"))
    _NEW_BY_ARITY: dict = {}  # number of fields -> a compiled ``__new__`` with placeholder parameter names

    def _new(fields: tuple, defaults: tuple, name: str):
        """``__new__(cls, field, …)``, as namedtuple's: arguments by position or by field name (and named
        ``Class.__new__`` in the errors of a wrong call, as namedtuple's)."""
        template = _NEW_BY_ARITY.get(len(fields))
        if template is None:
            names = ", ".join(f"_{index}" for index in range(len(fields)))
            source = f"lambda _cls, {names}: _tuple_new(_cls, ({names}{',' if len(fields) == 1 else ''}))"
            template = _NEW_BY_ARITY[len(fields)] = eval(source, {"_tuple_new": tuple.__new__, "__builtins__": {}})
        names = {"co_qualname": f"{name}.__new__"} if hasattr(template.__code__, "co_qualname") else {}
        code = template.__code__.replace(co_varnames=("_cls", *fields), co_name="__new__", **names)
        function = type(template)(code, template.__globals__, "__new__", defaults or None)
        function.__qualname__ = f"{name}.__new__"  # as namedtuple names it (Python >= 3.10)
        function.__doc__ = None
        return function

    @classmethod
    def _make(cls, iterable):
        made = tuple.__new__(cls, iterable)
        if len(made) != len(cls._fields):
            raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(made)}")
        return made

    def _replace(self, **changes):
        made = self._make(map(changes.pop, self._fields, self))
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return made

    def _repr(self) -> str:
        shown = ", ".join(f"{field}={value!r}" for field, value in zip(self._fields, self))
        return f"{type(self).__name__}({shown})"

    def _asdict(self) -> dict:
        return dict(zip(self._fields, self))

    def _getnewargs(self) -> tuple:
        return tuple(self)

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
            body = {
                "__doc__": f"{name}({', '.join(fields)})",
                "__slots__": (),
                "_fields": fields,
                "_field_defaults": dict(zip(fields[len(fields) - len(defaults) :], defaults)),
                "__new__": _new(fields, tuple(defaults), name),
                "_make": _make,
                "_replace": _replace,
                "__repr__": _repr,
                "_asdict": _asdict,
                "__getnewargs__": _getnewargs,
                "__match_args__": fields,
                "__module__": namespace["__module__"],
                "__qualname__": namespace.get("__qualname__", name),
            }
            body.update((field, _field(index, f"Alias for field number {index}")) for index, field in enumerate(fields))
            for key, value in namespace.items():
                if key in _PROHIBITED:
                    raise AttributeError(f"{name}: cannot overwrite NamedTuple attribute {key}")
                if key not in _SPECIAL and key not in fields:
                    body[key] = value
            return type(name, (tuple,), body)

    class Record(metaclass=_RecordMeta):
        """Derive from this as from ``typing.NamedTuple``."""
