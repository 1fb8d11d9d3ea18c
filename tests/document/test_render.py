"""The tiling check: gaps, overlaps and overruns are caught at any depth, without recursion."""

from __future__ import annotations

import re

import pytest

from wikifilm.document.nodes import Document, ListBlock, ListItem, Markup, Node, Text
from wikifilm.document.render import TilingError, check_tiling, render
from wikifilm.span import Source, Span


def document(text: str, nodes: tuple[Node, ...]) -> Document:
    return Document(Span(0, len(text)), nodes, source=Source(text), format="wikitext")


def test_a_tiled_tree_passes_and_renders_the_text() -> None:
    """Leaves that tile the text pass and join back to it."""
    doc = document("ab", (Text(Span(0, 1)), Text(Span(1, 2))))
    check_tiling(doc)
    assert render(doc) == "ab"


@pytest.mark.parametrize(("nodes", "message"), [
    ((Text(Span(0, 1)), Text(Span(2, 3))), "Text at Span(start=2, end=3) should start at 1 in Document"),
    ((Text(Span(0, 2)), Text(Span(1, 3))), "Text at Span(start=1, end=3) should start at 2 in Document"),
    ((Text(Span(0, 2)),), "Document Span(start=0, end=3) children end at 2"),
    ((ListBlock(Span(0, 3), (Text(Span(0, 1)), Text(Span(1, 2)))),), "ListBlock Span(start=0, end=3) children end at 2"),
])
def test_gaps_overlaps_and_short_containers_are_caught(nodes: tuple[Node, ...], message: str) -> None:
    """A gap, an overlap, and children ending before their container each raise with the place."""
    with pytest.raises(TilingError) as error:
        check_tiling(document("abc", nodes))
    assert str(error.value) == message


def test_a_tree_five_thousand_deep_is_checked_without_recursion() -> None:
    """A list nested 5,000 deep, and a gap at its very bottom, are checked with no RecursionError."""
    text = "*" * 5000 + "x"

    def nest(leaf_start: int) -> Node:
        node: Node = ListItem(Span(0, 5001), (Markup(Span(0, 5000)), Text(Span(leaf_start, 5001))), marker="*" * 5000, content_span=Span(5000, 5001))
        for _ in range(5000):
            node = ListBlock(Span(0, 5001), (node,))
        return node

    check_tiling(document(text, (nest(5000),)))
    with pytest.raises(TilingError, match=re.escape("Text at Span(start=4999, end=5001) should start at 5000 in ListItem")):
        check_tiling(document(text, (nest(4999),)))
