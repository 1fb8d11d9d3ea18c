"""slots_init: the quicker __init__ builds what attrs' own builds, for every class given one."""

from __future__ import annotations

import inspect
from typing import Any

import attrs
import pytest

import wikifilm  # noqa: F401 - imports every module whose classes take slots_init
from wikifilm._slots_init import ATTRS_INITS, slots_init
from wikifilm.record import PersonRef

CLASSES = sorted(ATTRS_INITS, key=lambda cls: cls.__qualname__)


def test_the_hot_classes_have_it() -> None:
    names = {cls.__name__ for cls in CLASSES}
    assert {"Text", "TableCell", "InfoboxField", "PersonRef", "CastMember", "ValueItem", "Parameter", "NameKey"} <= names


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__qualname__)
def test_same_parameters_as_attrs(cls: Any) -> None:
    """Same names, kinds and defaults, in the same order."""
    ours = inspect.signature(cls.__init__).parameters.values()
    theirs = inspect.signature(ATTRS_INITS[cls]).parameters.values()
    assert [(p.name, p.kind, p.default) for p in ours] == [(p.name, p.kind, p.default) for p in theirs]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__qualname__)
def test_same_fields_as_attrs(cls: Any) -> None:
    """Given the same arguments (each a distinct object), every field holds the same object."""
    fields = attrs.fields(cls)
    arguments = {field.alias: object() for field in fields}
    ours, theirs = cls.__new__(cls), cls.__new__(cls)
    cls.__init__(ours, **arguments)
    ATTRS_INITS[cls](theirs, **arguments)
    for field in fields:
        assert getattr(ours, field.name) is getattr(theirs, field.name) is arguments[field.alias]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__qualname__)
def test_defaults_as_attrs(cls: Any) -> None:
    """Only the required arguments given: the other fields take attrs' defaults."""
    fields = attrs.fields(cls)
    arguments = {field.alias: object() for field in fields if field.default is attrs.NOTHING}
    ours, theirs = cls.__new__(cls), cls.__new__(cls)
    cls.__init__(ours, **arguments)
    ATTRS_INITS[cls](theirs, **arguments)
    assert [getattr(ours, field.name) for field in fields] == [getattr(theirs, field.name) for field in fields]


def test_still_frozen_and_positional() -> None:
    ref = PersonRef("Tom Hanks", "Tom Hanks")
    assert (ref.name, ref.link, ref.person, ref.span) == ("Tom Hanks", "Tom Hanks", None, None)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ref.name = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        PersonRef()  # type: ignore[call-arg]


def test_refuses_what_it_cannot_set() -> None:
    """Fields that need more than a plain set, post-init hooks and classes without slots are refused."""

    @attrs.frozen
    class Checked:
        value: int = attrs.field(validator=attrs.validators.instance_of(int))

    @attrs.frozen
    class Made:
        value: list[int] = attrs.Factory(list)

    @attrs.frozen
    class Hooked:
        value: int

        def __attrs_post_init__(self) -> None:
            pass

    @attrs.frozen(slots=False)
    class Unslotted:
        value: int

    for cls in (Checked, Made, Hooked, Unslotted):
        with pytest.raises(TypeError):
            slots_init(cls)
