"""Any Document written in the plain-text rendering's layout (docs/plaintext-format.md).

The layout is the one web-text corpora hold: a ``= Title =`` line, the infobox as its title
line and ``- Label: value`` lines, ``==Heading==`` lines, paragraphs separated by blank lines,
``- `` list items and ``| a | b |`` table rows. Templates standing alone are dropped, and table
row spans are not expanded, as in the seed rendering.
"""

from __future__ import annotations

from wikifilm.document.nodes import Document, Infobox, ListBlock, Node, Paragraph, Section, Table, plain_value
from wikifilm.span import Source

INFOBOX_LABELS: dict[str, str] = {
    "director": "Director", "directors": "Director", "writer": "Writer", "screenplay": "Screenplay", "story": "Story",
    "based on": "Based on", "producer": "Producer", "producers": "Producer", "starring": "Starring",
    "narrator": "Narrator", "music": "Music", "cinematography": "Cinematography", "editing": "Editing",
    "studio": "Studio", "studios": "Studio", "production companies": "Studio", "production company": "Studio",
    "distributor": "Distributor", "released": "Released", "runtime": "Runtime", "country": "Country",
    "language": "Language", "budget": "Budget", "gross": "Gross",
}
"""Infobox film keys rendered, in the labels the seed rendering uses; other keys are not rendered."""


def write_plaintext(document: Document, *, title: str | None = None) -> str:
    """The document in plain-text layout; a plain-text document comes back as written."""
    if document.format == "plaintext":
        return document.render()
    source = document.source
    page_title = title or document.page_title or source.name
    parts: list[str] = []
    if page_title:
        parts.append(f"= {page_title} =\n\n")
    blocks: list[str] = []
    for node in document.nodes:
        blocks.extend(_blocks(node, source, page_title))
    parts.append("".join(blocks))
    return "".join(parts).rstrip("\n") + "\n"


def _blocks(node: Node, source: Source, page_title: str | None) -> list[str]:
    if isinstance(node, Infobox) and node.is_film:
        return [_infobox(node, source, page_title)]
    if isinstance(node, Section):
        heading = node.heading
        text = plain_value(source, heading.title_span).replace("\n", " ")
        out = [f"{'=' * heading.level}{text}{'=' * heading.level}\n"]
        for child in node.nodes[1:]:
            out.extend(_blocks(child, source, page_title))
        return out
    if isinstance(node, Paragraph):
        text = plain_value(source, node.content_span).replace("\n", " ")
        return [f"{text}\n\n"] if text else []
    if isinstance(node, ListBlock):
        lines = _list_lines(node, source, 0)
        return ["".join(lines) + "\n"] if lines else []
    if isinstance(node, Table):
        return [_table(node, source)]
    return []


def _infobox(infobox: Infobox, source: Source, page_title: str | None) -> str:
    name_field = infobox.get("name")
    title = name_field.plain(source).replace("\n", " ") if name_field else (page_title or "")
    lines = [f"{title}\n"]
    for field in infobox.fields:
        label = INFOBOX_LABELS.get(field.name.strip().lower().replace("_", " "))
        if label is None:
            continue
        items = [item.text.replace("\n", " ") for item in field.items(source)]
        value = ", ".join(" ".join(item.split()) for item in items)
        if value:
            lines.append(f"- {label}: {value}\n")
    return "".join(lines) + "\n"


def _list_lines(block: ListBlock, source: Source, depth: int) -> list[str]:
    lines: list[str] = []
    for node in block.nodes:
        if isinstance(node, ListBlock):
            lines.extend(_list_lines(node, source, depth + 1))
            continue
        text = plain_value(source, node.content_span).replace("\n", " ")  # type: ignore[attr-defined]
        if text:
            lines.append(f"{'  ' * depth}- {text}\n")
        for sub in node.children:
            if isinstance(sub, ListBlock):
                lines.extend(_list_lines(sub, source, depth + 1))
    return lines


def _table(table: Table, source: Source) -> str:
    width = max((sum(cell.colspan for cell in row.cells) for row in table.rows[:1]), default=0)
    lines = []
    for row in table.rows:
        cells = [cell.plain(source).replace("\n", " ") for cell in row.cells]
        cells += [""] * (width - len(cells))
        lines.append("|" + "".join(f" {cell} |" if cell else " |" for cell in cells) + "\n")
    return "".join(lines) + "\n" if lines else ""
