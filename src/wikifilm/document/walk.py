"""Walking the tree: a stable text dump of a document for golden files and debugging."""

from __future__ import annotations

from wikifilm.document.nodes import (
    Document,
    Heading,
    Infobox,
    InfoboxField,
    ListItem,
    Node,
    PageTitle,
    Section,
    TableCell,
    Template,
)
from wikifilm.span import Source


def dump(document: Document, *, max_text: int = 40) -> str:
    """One line per node: indentation, type, span, and what the node says about itself."""
    lines: list[str] = []
    _dump(document, document.source, 0, lines, max_text)
    return "\n".join(lines) + "\n"


def _describe(node: Node, source: Source, max_text: int) -> str:
    def clip(text: str) -> str:
        text = text.replace("\n", "\\n")
        return repr(text if len(text) <= max_text else text[: max_text - 1] + "…")

    if isinstance(node, Section):
        return f"level={node.level} title={clip(node.title(source))}"
    if isinstance(node, Heading | PageTitle):
        return f"title={clip(node.title(source))}"
    if isinstance(node, Infobox):
        return f"name={node.name!r} film={node.is_film}"
    if isinstance(node, InfoboxField):
        return f"{node.name}={clip(node.raw(source))}"
    if isinstance(node, TableCell):
        spans = f" rowspan={node.rowspan}" * (node.rowspan > 1) + f" colspan={node.colspan}" * (node.colspan > 1)
        return f"{'!' if node.header else '|'}{spans} {clip(node.content(source))}"
    if isinstance(node, ListItem):
        return f"{node.marker} {clip(source[node.content_span])}"
    if isinstance(node, Template):
        return f"name={node.name!r}"
    if node.children:
        return ""
    return clip(source[node.span])


def _dump(node: Node, source: Source, depth: int, lines: list[str], max_text: int) -> None:
    lines.append(f"{'  ' * depth}{type(node).__name__} [{node.span.start}:{node.span.end}] {_describe(node, source, max_text)}".rstrip())
    if isinstance(node, InfoboxField | TableCell):
        return
    for child in node.children:
        _dump(child, source, depth + 1, lines, max_text)
