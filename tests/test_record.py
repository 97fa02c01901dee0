"""kerascheck.record.Record builds what typing.NamedTuple builds, without evaluating annotations."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path
from typing import NamedTuple, Optional, Tuple

import pytest

from kerascheck.record import Record


class Point(Record):
    """A point."""

    x: int
    y: Optional[int] = None
    tags: Tuple[str, ...] = ()

    def moved(self, by: int) -> Point:
        return self._replace(x=self.x + by)

    @property
    def total(self) -> int:
        return self.x + (self.y or 0)


class TypedPoint(NamedTuple):
    """A point."""

    x: int
    y: Optional[int] = None
    tags: Tuple[str, ...] = ()


class Outer:
    class Inner(Record):
        value: str


def test_a_record_is_the_namedtuple_typing_would_build():
    for record, typed in ((Point(1), TypedPoint(1)), (Point(1, 2, ("a",)), TypedPoint(1, 2, ("a",)))):
        assert tuple(record) == tuple(typed)
        assert repr(record) == repr(typed).replace("TypedPoint", "Point")
    assert Point._fields == TypedPoint._fields
    assert Point._field_defaults == TypedPoint._field_defaults
    assert Point.__doc__ == TypedPoint.__doc__
    assert Point.__module__ == TypedPoint.__module__ == __name__
    assert issubclass(Point, tuple) and not issubclass(Point, Record)
    assert Point(x=3, tags=("t",))._asdict() == {"x": 3, "y": None, "tags": ("t",)}


def test_a_records_methods_and_properties_are_kept():
    point = Point(1, 2)
    assert point.moved(4) == Point(5, 2)
    assert point.total == 3
    x, y, tags = point
    assert (x, y, tags) == (1, 2, ())


@pytest.mark.parametrize("value", [Point(1, 2, ("a", "b")), Outer.Inner("v")])
def test_a_record_pickles_as_itself(value):
    """Workers send findings back pickled: a nested record is found by its qualified name."""
    assert pickle.loads(pickle.dumps(value)) == value
    assert type(pickle.loads(pickle.dumps(value))) is type(value)
    assert Outer.Inner.__qualname__ == "Outer.Inner"


def test_a_field_without_a_default_after_one_with_a_default_is_refused():
    with pytest.raises(TypeError, match="'b' without a default"):

        class Bad(Record):
            a: int = 0
            b: int


def test_a_record_may_not_redefine_what_namedtuple_makes():
    with pytest.raises(AttributeError, match="_replace"):

        class Bad(Record):
            a: int

            def _replace(self, **changes):  # pragma: no cover - never made
                return self


def test_a_record_derives_from_record_alone():
    with pytest.raises(TypeError, match="derives from Record alone"):

        class Bad(Record, Exception):  # type: ignore[misc]
            a: int


def test_kerascheck_builds_its_records_with_record():
    """Every process pays for kerascheck's record classes at start-up: none is a typing.NamedTuple."""
    root = Path(__file__).resolve().parent.parent / "kerascheck"
    using = [
        str(path.relative_to(root))
        for path in sorted(root.rglob("*.py"))
        if path.name != "record.py" and "NamedTuple" in path.read_text(encoding="utf-8")
    ]
    assert using == []


class Single(Record):
    only: str


class Wide(Record):
    a: int
    b: int
    c: int
    d: int = 4
    e: int = 5


class TypedWide(NamedTuple):
    a: int
    b: int
    c: int
    d: int = 4
    e: int = 5


def test_a_records_arguments_bind_as_namedtuples_do():
    """``__new__`` is compiled once per number of fields and takes each class's field names."""
    assert Single("s") == ("s",) and Single(only="s").only == "s"
    assert Wide(1, 2, c=3) == TypedWide(1, 2, c=3) == (1, 2, 3, 4, 5)
    assert Wide(e=0, c=1, b=2, a=3) == TypedWide(e=0, c=1, b=2, a=3)
    assert (Wide(1, 2, 3).a, Wide(1, 2, 3).e, Wide.__match_args__) == (1, 5, ("a", "b", "c", "d", "e"))
    for bad in (lambda kind: kind(1, 2), lambda kind: kind(1, 2, 3, a=1), lambda kind: kind(1, 2, 3, f=6)):
        with pytest.raises(TypeError):
            bad(TypedWide)
        with pytest.raises(TypeError):
            bad(Wide)
    with pytest.raises(TypeError, match="Expected 5 arguments, got 2"):
        Wide._make([1, 2])
    with pytest.raises(ValueError, match="unexpected field names: \\['z'\\]"):
        Wide(1, 2, 3)._replace(z=1)
    assert Wide._make(range(5)) == (0, 1, 2, 3, 4) and type(Wide._make(range(5))) is Wide
    assert Wide.a.__doc__ == TypedWide.a.__doc__


@pytest.mark.skipif(sys.version_info < (3, 10), reason="3.9's namedtuple names its __new__ <lambda>")
def test_a_wrong_call_names_new_as_namedtuple_does():
    """The errors of a wrong call name ``Class.__new__``, as typing.NamedTuple's do from Python 3.10 (3.9's
    namedtuple said ``<lambda>()``)."""

    class Pair(Record):
        first: int
        second: str = "x"

    class Typed(NamedTuple):
        first: int
        second: str = "x"

    for call in (lambda kind: kind(), lambda kind: kind(1, "a", 2), lambda kind: kind(1, third=2)):
        with pytest.raises(TypeError) as ours:
            call(Pair)
        with pytest.raises(TypeError) as theirs:
            call(Typed)
        assert str(ours.value).replace("Pair", "Typed") == str(theirs.value)
