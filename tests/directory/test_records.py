"""Record's shared comparison, hash and repr behave as the methods dataclass generates."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from kiosk.directory.records import Record


@dataclass(frozen=True, slots=True)
class Generated:
    name: str
    number: int = 0
    note: str = field(default="", compare=False)
    shown: str = field(default="", repr=False)


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Shared(Record):
    name: str
    number: int = 0
    note: str = field(default="", compare=False)
    shown: str = field(default="", repr=False)


@dataclass(frozen=True, eq=False, repr=False)
class One(Record):
    name: str


VALUES = [("a", 1, "x", "s"), ("a", 1, "y", "t"), ("a", 2, "x", "s"), ("b", 1, "x", "s")]


@pytest.mark.parametrize("left", VALUES)
@pytest.mark.parametrize("right", VALUES)
def test_equal_and_hashed_as_the_generated_methods(left: tuple, right: tuple) -> None:
    assert (Shared(*left) == Shared(*right)) == (Generated(*left) == Generated(*right))
    assert (Shared(*left) != Shared(*right)) == (Generated(*left) != Generated(*right))
    if Shared(*left) == Shared(*right):
        assert hash(Shared(*left)) == hash(Shared(*right))
    assert hash(Shared(*left)) == hash(Generated(*left))  # the same tuple of fields


def test_only_the_same_class_is_equal() -> None:
    assert Shared("a") != Generated("a")
    assert Shared("a") != ("a", 0)
    assert One("a") == One("a") and hash(One("a")) == hash(("a",))
    assert {Shared("a", 1, "x"), Shared("a", 1, "y")} == {Shared("a", 1)}


def test_shown_as_the_generated_repr() -> None:
    assert repr(Shared("a", 1, "x", "s")) == repr(Generated("a", 1, "x", "s")).replace(
        "Generated", "Shared")
    assert repr(One("it's")) == "One(name=\"it's\")"


def test_the_kiosk_s_records_compare_as_before() -> None:
    from dataclasses import replace

    from kiosk.directory.model import LocalText, Phone

    phone = Phone("+18605550100", "(860) 555-0100", label=LocalText("Main", "Principal"))
    assert phone == replace(phone) and hash(phone) == hash(replace(phone))
    assert phone != replace(phone, number="+18605550101")
    assert repr(LocalText("a", "b")) == "LocalText(en='a', es='b')"
