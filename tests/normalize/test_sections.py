"""Finding sections and the blocks under them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import wikifilm
from wikifilm.document.nodes import Document, ListItem, Paragraph, Section, Table, Template, iter_nodes
from wikifilm.normalize.sections import _LIST_LINE, Line, list_lines, paragraphs, tables
from wikifilm.span import Span

_FIXTURES = Path(__file__).parents[1] / "fixtures"
_ARTICLES = sorted([*(_FIXTURES / "articles").glob("*.wikitext"), *(_FIXTURES / "plaintext").glob("*.txt")])


@pytest.mark.parametrize("path", _ARTICLES, ids=lambda path: path.name)
def test_block_searches_find_what_the_full_walk_finds(path: Path) -> None:
    """Paragraphs, tables, list items and block templates found without entering cells or fields
    are those a walk of every node finds, in the same order."""
    document: Document = wikifilm.read(path.read_text(encoding="utf-8"))
    for section in document.iter_sections():
        every = list(iter_nodes(section))
        assert list(paragraphs(section)) == [node for node in every if isinstance(node, Paragraph)]
        assert list(tables(section)) == [node for node in every if isinstance(node, Table)]
        assert list(list_lines(document, section)) == list(_list_lines_by_full_walk(document, section))


def _list_lines_by_full_walk(document: Document, section: Section) -> Iterator[Line]:
    """:func:`list_lines` as first written, over every node."""
    text = document.source.text
    for node in iter_nodes(section):
        if isinstance(node, ListItem) and node.marker[-1:] in "*#-•":
            yield Line(node.content_span, len(node.marker) if node.marker != "-" else 1)
        elif isinstance(node, Template) and "\n*" in text[node.span.start : node.span.end]:
            for match in _LIST_LINE.finditer(text, node.span.start, node.span.end):
                if match.group(1) and not match.group(1).startswith("}}"):
                    yield Line(Span(match.start(1), match.end(1)))
