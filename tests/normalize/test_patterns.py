"""Patterns run over long lines open with the class of their first characters; each finds what its
readable form, kept beside it in its module, finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wikifilm.normalize import cast, people, title

PLAIN_FORMS = {
    f"{module.__name__.rpartition('.')[2]}.{name}": (
        getattr(module, name), re.compile(getattr(module, f"{name}_READABLE"), getattr(module, name).flags)
    )
    for module, name in [
        (cast, "_DASH"), (cast, "_MAY_DASH"), (cast, "_ROLE_END"), (cast, "_PAIRS"), (cast, "_BRACKETED"),
        (people, "_PEOPLE_SEPARATOR"), (people, "_MAY_SEPARATE"), (people, "_QUOTED_FOR"), (people, "_COMPANY_SEPARATOR"),
        (people, "_AND"), (title, "_EMPTY_BRACKETS"),
    ]
}
"""Each pattern written for speed, with its readable form kept beside it in the module (``NAME_READABLE``)."""

_PIECES = st.sampled_from([
    " ", "  ", "\t", "\n", ",", ";", ":", ".", "...", "…", "–", "—", "-", "&", "/", "(", ")", "[", "]", "\"", "“", "'", "‘",
    "and", "And", "AND", "with", "for", "as", "a", "an", "the", "who", "in", "special", "cameo", "appearance",
    "Jr", "II", "Inc", "Ltd", "s.a", "Tom", "Hanks", "Bob's", "O'Neil", "x", "band", "sand", "Bo", "Duke", "voice", "&nbsp;",
])


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PLAIN_FORMS))
@settings(max_examples=1500, deadline=None)
@given(text=st.lists(_PIECES, max_size=18).map("".join))
def test_same_matches_as_the_plain_form(name: str, text: str) -> None:
    """Every match at the same place with the same groups, so split, sub and search give the same."""
    quick, plain = PLAIN_FORMS[name]
    assert [(m.span(), m.groups()) for m in quick.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]
    assert quick.split(text, maxsplit=1) == plain.split(text, maxsplit=1)


@pytest.mark.parametrize("name", sorted(PLAIN_FORMS))
@pytest.mark.parametrize("text", [
    "Tom Hanks as Bob, and Sam Jones as Ed; Al as Cy",
    "Ryan band Tom Hanks as Bob and Sam as Ed",
    "x  and Tom as y", "A sand Bo as C", "and Bo as X",
    "Bo Duke – a cousin: the hero... who (voice) [1] in a special appearance. Later Tom is",
    "Smith, Jr. and Jones & Co, Inc.; Warner /  Bros with  Fox",
    "Song – \"Title\" for 'x'", "a.. b… c:d : e - f —g",
    "Escape () is a  ( , ) film (&nbsp;) ((x) (\t– )",
])
def test_same_matches_on_examples(name: str, text: str) -> None:
    quick, plain = PLAIN_FORMS[name]
    assert [(m.span(), m.groups()) for m in quick.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]


_PLAIN_NOTE = re.compile(r"\s*[\(\[][^()\[\]]*[\)\]]\s*")


@pytest.mark.slow
@settings(max_examples=3000)
@given(st.lists(_PIECES, max_size=18).map("".join))
def test_notes_dropped_as_the_plain_pattern_drops_them(text: str) -> None:
    """drop_notes() finds notes from their brackets; the plain pattern tries every offset."""
    assert people.drop_notes(text) == _PLAIN_NOTE.sub(" ", text)


@pytest.mark.parametrize("text", ["A (x) B", "A  (x)  [1] B", "((x)", "(x", "x)", "[a(b)c]", "a ( ) [ ]", " (x)", "(x) ", "A\t(\nx\n)\tB", ""])
def test_notes_dropped_on_examples(text: str) -> None:
    assert people.drop_notes(text) == _PLAIN_NOTE.sub(" ", text)


def _notes_dropped_until_nothing_changes(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, _PLAIN_NOTE.sub(" ", text)
    return text


@given(st.lists(_PIECES, max_size=24).map("".join))
def test_nested_notes_dropped_as_repeated_substitution_drops_them(text: str) -> None:
    """drop_nested_notes() in one pass gives what the plain pattern repeated gives, up to runs of spaces."""
    assert " ".join(people.drop_nested_notes(text).split()) == " ".join(_notes_dropped_until_nothing_changes(text).split())


@pytest.mark.parametrize("text", ["A (x) B", "A  (x)  [1] B", "((x)", "(x", "x)", "a ( ) [ ]", "a (b) (c) d", "(a ] b)", "x(y)z"])
def test_nested_notes_dropped_as_one_pass_when_none_nests(text: str) -> None:
    """Where no note holds another, drop_nested_notes() is drop_notes() exactly, spaces included."""
    assert people.drop_nested_notes(text) == people.drop_notes(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("John Smith ((((uncredited))))", "John Smith "),
    ("a (b (c) d) e", "a e"),
    ("( (x)", "( "),
    ("Ann Lee [[[[", "Ann Lee [[[["),
    ("Ann Lee (" * 3 + "x" + ")" * 3 + " Bo", "Ann Lee Bo"),
])
def test_nested_notes_examples(text: str, expected: str) -> None:
    """Notes inside notes go with their outermost note; unpaired brackets stay."""
    assert people.drop_nested_notes(text) == expected


@pytest.mark.parametrize("text", [
    "(" * 3000 + "x" + ")" * 3000, "[" * 6000, "(" * 6000, "([" * 3000, "(a" * 3000, "[[" * 1500 + "x" + "]]" * 1500,
])
def test_bracket_runs_in_names(text: str) -> None:
    """Long runs of brackets (which took seconds, one pass per level) read to a name or nothing."""
    name = people.clean_name("John Smith " + text)
    assert name.startswith("John Smith")
