"""Rendering by joining leaves, and the tiling invariant that makes the round trip structural."""

from __future__ import annotations

from wikifilm.document.nodes import Document, Node


class TilingError(AssertionError):
    """The tree breaks the tiling invariant: a gap, an overlap, or a child outside its parent."""


def render(document: Document) -> str:
    """Join the source slice of every leaf, in order: the exact input when the tree tiles it."""
    return document.render()


def check_tiling(document: Document) -> None:
    """Raise :class:`TilingError` unless every container's children exactly tile its span."""
    if document.span.start != 0 or document.span.end != len(document.source):
        raise TilingError(f"document span {document.span} does not cover {len(document.source)} chars")
    stack: list[Node] = [document]  # an explicit stack: a tree thousands deep is checked without recursion
    while stack:
        node = stack.pop()
        children = node.children
        if not children:
            continue
        cursor = node.span.start
        for child in children:
            if child.span.start != cursor:
                raise TilingError(
                    f"{type(child).__name__} at {child.span} should start at {cursor} in {type(node).__name__}"
                )
            cursor = child.span.end
        if cursor != node.span.end:
            raise TilingError(f"{type(node).__name__} {node.span} children end at {cursor}")
        stack.extend(reversed(children))
