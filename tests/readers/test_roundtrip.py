"""Round trip, three ways: every fixture file, hand-written edge cases, and hypothesis-generated text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wikifilm
from tests.conftest import ARTICLES, SEED
from tests.strategies import plaintext_articles, wikitext_fragments
from wikifilm.document.inline import parse_inline
from wikifilm.document.nodes import InfoboxField, Paragraph, TableCell, iter_nodes
from wikifilm.document.render import check_tiling


def assert_lossless(text: str, format: str | None = None) -> None:
    document = wikifilm.read(text, format=format)  # type: ignore[arg-type]
    assert document.render() == text
    check_tiling(document)


@pytest.mark.parametrize("path", [*ARTICLES, SEED], ids=lambda path: path.name)
def test_every_fixture_round_trips_exactly(path: object) -> None:
    """Every corpus article and the seed render back byte for byte, and the leaves tile them."""
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    assert_lossless(text)


@pytest.mark.parametrize("path", [*ARTICLES[:20], SEED], ids=lambda path: path.name)
def test_every_fixture_round_trips_in_the_other_format_too(path: object) -> None:
    """Forcing the other reader still loses nothing."""
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    assert_lossless(text, "plaintext" if path != SEED else "wikitext")


@pytest.mark.parametrize("text", [
    "", "\n", "\r\n", "\x00", "a\x00{{b|\x00}}", "{{", "}}", "{|", "|}", "{|\n|a\n", "[[", "<!--", "<ref>",
    "== H ==", "==", "=", "= T =", "- a: b", "| a |", "|", "*", "#*:;", "{{a|b=c|d}}", "\ufeff{{x}}", "e\u0301",
    "{{Infobox film\n| name = X\n", "{{Infobox film}}", "{{Infobox film|}}", "{{Infobox film\n|=\n|a=\n}}",
    "{|\n! a !! b\n|-\n| c || d\n|}\n", "{|\n|+ caption\n|}", "a\r\nb\r\n\r\n== c ==\r\n",
])
def test_edge_cases_round_trip(text: str) -> None:
    """Empty input, CRLF, NUL, unbalanced markup and stray syntax are all kept."""
    assert_lossless(text)
    assert_lossless(text, "plaintext")


@given(wikitext_fragments)
def test_arbitrary_wikitext_round_trips(text: str) -> None:
    """Text made of wikitext's troublemakers renders exactly and tiles."""
    assert_lossless(text, "wikitext")


@given(plaintext_articles)
def test_arbitrary_plaintext_articles_round_trip(text: str) -> None:
    """Arbitrary plain-text-layout articles render exactly and tile, with either reader."""
    assert_lossless(text, "plaintext")
    assert_lossless(text, "wikitext")


@given(st.text())
def test_any_unicode_round_trips(text: str) -> None:
    """Any str at all."""
    assert_lossless(text)


@given(wikitext_fragments)
def test_inline_nodes_tile_their_leaf(text: str) -> None:
    """Inline parsing of any paragraph, cell or field value tiles that leaf exactly."""
    document = wikifilm.read(text, format="wikitext")
    for node in iter_nodes(document):
        span = node.content_span if isinstance(node, Paragraph | TableCell) else node.value_span if isinstance(node, InfoboxField) else None
        if span is None:
            continue
        inline = parse_inline(document.source, span)
        assert "".join(document.source[child.span] for child in inline) == document.source[span]
        cursor = span.start
        for child in inline:
            assert child.span.start == cursor
            cursor = child.span.end
        assert cursor == span.end
