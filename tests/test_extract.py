"""extract(): one call from text to record, reading in detail only what the record reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

import wikifilm
from tests.conftest import ARTICLES
from tests.strategies import wikitext_fragments
from wikifilm.document.nodes import ListBlock, Table, Text, iter_nodes
from wikifilm.normalize.assemble import normalize, reads_section


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
    partial = wikifilm.read(text, format="wikitext", detail=reads_section)
    full = wikifilm.read(text, format="wikitext")
    assert partial.render() == text
    assert partial.diagnostics == full.diagnostics
    assert normalize(partial, page_title="T").to_dict() == normalize(full, page_title="T").to_dict()


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
