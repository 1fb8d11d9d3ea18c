"""extract(): one call from text to record, reading in detail only what the record reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikifilm
from tests.conftest import ARTICLES
from tests.strategies import wikitext_fragments
from wikifilm.document.nodes import Document, ListBlock, Table, Text, iter_nodes
from wikifilm.normalize.assemble import normalize, reads_section
from wikifilm.span import Span


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.name)
def test_partial_read_gives_the_record_of_the_full_read(path: Path) -> None:
    """Skipping lists and tables outside the sections the record reads changes nothing in the record."""
    text = path.read_text(encoding="utf-8")
    full = normalize(wikifilm.read(text, format="wikitext"), page_title=path.stem)
    assert wikifilm.extract(text, title=path.stem, format="wikitext").to_dict() == full.to_dict()


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.name)
def test_partial_read_is_lossless_and_keeps_reader_diagnostics(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    partial = wikifilm.read(text, format="wikitext", detail=reads_section)
    assert partial.render() == text
    assert partial.diagnostics == wikifilm.read(text, format="wikitext").diagnostics


@given(wikitext_fragments)
def test_partial_read_of_arbitrary_text(text: str) -> None:
    """Malformed markup: the same text back, the same reader diagnostics, the same record."""
    _assert_partial_read_is_the_full_read(text)


def _assert_partial_read_is_the_full_read(text: str) -> None:
    """The read extract() makes gives back the text, and the full read's reader diagnostics,
    sections, infoboxes and record."""
    partial = wikifilm.read(text, format="wikitext", detail=reads_section)
    full = wikifilm.read(text, format="wikitext")
    assert partial.render() == text
    assert partial.diagnostics == full.diagnostics
    assert _outline(partial) == _outline(full)
    assert [box.span for box in partial.infoboxes] == [box.span for box in full.infoboxes]
    assert normalize(partial, page_title="T").to_dict() == normalize(full, page_title="T").to_dict()


def _outline(document: Document) -> list[tuple[Span, Span]]:
    """Every section's span and heading title span, depth first."""
    return [(section.span, section.heading.title_span) for section in document.iter_sections()]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from([
    "== Production ==\n", "== Cast ==\n", "=== Accolades ===\n", "== x\n", "text\n", "\n", "{|\n", "|}\n", "| a\n",
    ":{|\n", " {|\n", "{{Infobox film\n| name = A\n}}\n", "<!-- c -->{{Infobox film|name=B}}\n", "{{reflist}}\n",
    "{{quote|\n== Inside ==\n}}\n", "<!--\n== Hidden ==\n-->\n", "* [[A B]] as C\n", "<ref>\n== r ==\n</ref>\n", "x {{y|\n", "}}\n",
]), max_size=14).map("".join))
def test_partial_read_finds_the_same_sections_and_infoboxes(text: str) -> None:
    """Skipping the lines of unread sections never hides or invents a heading, a table or an infobox."""
    _assert_partial_read_is_the_full_read(text)


def test_skipped_blocks_are_text_leaves_and_detailed_ones_nest() -> None:
    text = (
        "== Production ==\n* a list\n{|\n| a || b\n|}\n"
        "== Reception ==\n=== Accolades ===\n{|\n! Award\n|-\n| x\n|}\n"
        "== Cast ==\n=== Main ===\n* [[A B]] as C\n"
    )
    document = wikifilm.read(text, format="wikitext", detail=reads_section)
    production, reception, cast = document.sections
    assert [type(node) for node in production.blocks] == [Text, Text]
    assert any(isinstance(node, Table) for node in iter_nodes(reception))
    assert any(isinstance(node, ListBlock) for node in iter_nodes(cast))
    assert wikifilm.extract(text, title="T").cast[0].actor.name == "A B"


@pytest.mark.parametrize("unread", [
    "{{quote|\n== Inside a template ==\n}}\n",
    "<!--\n== Inside a comment ==\n-->\n",
    "{|\n| a\n== Inside a table ==\n|}\n",
    "<!-- placed here -->{{Infobox film\n| name = A\n}}\n",
])
def test_unread_section_lines_that_look_like_headings_or_hide_infoboxes(unread: str) -> None:
    """In a section the record does not read, a heading-like line inside a template, comment or table
    is no heading, and an infobox behind a comment is still found, as in the full read."""
    text = "== Production ==\ntext\n" + unread + "more text\n== Cast ==\n* [[A B]] as C\n"
    partial = wikifilm.read(text, format="wikitext", detail=reads_section)
    full = wikifilm.read(text, format="wikitext")
    assert _outline(partial) == _outline(full)
    assert [section.title(partial.source) for section in partial.iter_sections()] == ["Production", "Cast"]
    assert [box.span for box in partial.infoboxes] == [box.span for box in full.infoboxes]


@pytest.mark.parametrize(("arguments", "message"), [
    ({"source": None}, r"extract\(\): source must be article text \(str or bytes\) or a Document, not NoneType"),
    ({"source": 12}, r"extract\(\): source .* not int"),
    ({"source": "x", "title": 5}, r"extract\(\): title must be a str or None, not int"),
    ({"source": "x", "page_id": "x"}, r"extract\(\): page_id must be an int or None, not str 'x'"),
    ({"source": "x", "page_id": True}, r"extract\(\): page_id must be an int or None, not bool"),
    ({"source": "x", "revision_id": 1.5}, r"extract\(\): revision_id must be an int or None, not float"),
    ({"source": "x", "format": 1}, r"extract\(\): format must be 'wikitext', 'plaintext' or None, not int"),
])
def test_wrong_argument_types_name_extract_and_the_parameter(arguments: dict[str, object], message: str) -> None:
    """A wrong type is a TypeError naming extract() and the parameter, raised before any reading."""
    with pytest.raises(TypeError, match=message):
        wikifilm.extract(**arguments)  # type: ignore[arg-type]


def test_an_unknown_format_is_a_value_error() -> None:
    """format='html' is a ValueError naming the two formats."""
    with pytest.raises(ValueError, match=r"extract\(\): format must be 'wikitext', 'plaintext' or None, not 'html'"):
        wikifilm.extract("x", format="html")  # type: ignore[arg-type]


def test_ids_reach_the_record() -> None:
    """Right types pass: page and revision ids land on the Film."""
    film = wikifilm.extract("'''Heat''' is a film.\n", title="Heat", page_id=7, revision_id=9)
    assert (film.page_id, film.revision_id, film.page_title) == (7, 9, "Heat")
