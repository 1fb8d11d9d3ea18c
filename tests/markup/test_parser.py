"""The guarded parser: lossless, unclosed openers cut out before mwparserfromhell sees a piece."""

from __future__ import annotations

import mwparserfromhell
import pytest
from hypothesis import given, settings

from tests.strategies import wikitext_fragments
from wikifilm.markup import parser
from wikifilm.markup.parser import parse_wikicode
from wikifilm.markup.plain import _code_text, clean_spaces
from wikifilm.markup.tokenizer import unclosed_openers


@pytest.mark.parametrize(("text", "openers"), [
    ("{{a|b}} [[c]] <ref>d</ref> <!-- e -->", []),
    ("<ref>{{cite|a <ref>{{cite|b", [(0, 5), (5, 7), (14, 19), (19, 21)]),
    ("{{a|<ref>x}}", []),  # inside a closed template: left to the template
    ("a [[b {{c}} d", [(2, 4)]),
    ("x <!-- y {{z}}", [(2, 6)]),
    ("<ref name=a/>{{b", [(13, 15)]),
])
def test_unclosed_openers(text: str, openers: list[tuple[int, int]]) -> None:
    """Openers that never close, outside every closed pair, with their spans."""
    assert unclosed_openers(text) == openers


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every piece of text handed to mwparserfromhell during the test, in order."""
    pieces: list[str] = []
    parse = mwparserfromhell.parse

    def spy(text: str) -> object:
        pieces.append(text)
        return parse(text)

    monkeypatch.setattr(parser.mwparserfromhell, "parse", spy)
    return pieces


def test_an_unclosed_ref_run_never_reaches_mwparserfromhell(seen: list[str]) -> None:
    """Every piece handed to mwparserfromhell is balanced; the tree still gives back the text."""
    text = "$1 million<ref>{{cite web|title=A [[B]]|" * 2000
    code, outcome = parse_wikicode(text)
    assert str(code) == text
    assert outcome == "ok"
    assert seen
    assert all(not unclosed_openers(piece) for piece in seen)


@pytest.mark.slow
@settings(max_examples=1500)
@given(wikitext_fragments)
def test_parsing_is_lossless(text: str) -> None:
    """Whole or cut, the tree gives back the text."""
    assert str(parse_wikicode(text)[0]) == text
    assert str(parser._parse_cut(text, unclosed_openers(text))[0]) == text


_SPANNING = ("=", "''", "<nowiki>", "{|", "\x00", "<br>", "[[File:", ";")
"""Constructs bounded by a line or a tag, which may span an unclosed opener (see ``_parse_cut``); a
``;`` line makes a later ``:`` on it markup (``;{{:`` reads ``{{`` whole, ``{{:`` cut at the ``{{``)."""


@pytest.mark.slow
@settings(max_examples=1500)
@given(wikitext_fragments.filter(lambda text: not any(mark in text for mark in _SPANNING)))
def test_cutting_reads_as_mwparserfromhell_reads(text: str) -> None:
    """Cut at unclosed openers, a text reads to the same plain text as mwparserfromhell reads it whole."""
    code, _outcome = parser._parse_cut(text, unclosed_openers(text))
    assert clean_spaces(_code_text(code)) == clean_spaces(_code_text(mwparserfromhell.parse(text)))


def test_a_ref_holding_an_unclosed_run_is_parsed_in_pieces(seen: list[str]) -> None:
    """A closed ``<ref>`` whose content holds thousands of unclosed ``{{cite|`` (mwparserfromhell
    parses ref content as wikitext, retrying each) keeps its tag node; no balanced piece holds an opener."""
    text = "John Smith<ref>" + "{{cite|<ref>" * 3000 + "x</ref> and Ann Lee"
    code, outcome = parse_wikicode(text)
    assert str(code) == text
    assert outcome == "ok"
    assert [type(node).__name__ for node in code.nodes] == ["Text", "Tag", "Text"]
    assert clean_spaces(_code_text(code)) == "John Smith and Ann Lee"
    assert all(not unclosed_openers(piece) for piece in seen)
