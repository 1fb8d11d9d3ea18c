"""Finding the sections a normalizer reads, and the list items and paragraphs under them."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from wikifilm._slots_init import slots_init
from wikifilm.caches import cached
from wikifilm.document.nodes import Document, ListBlock, ListItem, Paragraph, Section, Table, Template, iter_nodes
from wikifilm.markup.plain import plain_text
from wikifilm.span import Span

_INTO_SECTIONS = (Section,)
_INTO_LISTS = (Section, ListBlock, ListItem)
"""What searches enter: paragraphs, tables and block templates stand only as blocks of sections,
list items only in lists (a test checks the searches against a walk of every node)."""
_LIST_LINE = re.compile(r"(?:^|(?<=\|))[ \t]*\*+[ \t]*(.*?)[ \t]*$", re.MULTILINE)
"""A bulleted line in a block template; the first may share the template's line (``{{Plainlist|* [[A]]``)."""


@slots_init
@attrs.frozen
class Line:
    """One list item's text span (from a list, or from a list inside a template such as ``{{Cast listing}}``)."""

    span: Span
    """The item content, without marker."""
    depth: int = 1
    """Nesting level: 1 for ``*``, 2 for ``**``."""


_NOT_LETTER = re.compile(r"[^a-z ]")


def normal_title(title: str) -> str:
    """A heading's plain text compared loosely: lowercase letters and spaces only, ``&`` as ``and``."""
    return _NOT_LETTER.sub("", title.casefold().replace("&", "and")).strip()


@cached(maxsize=4096)
def heading_key(title: str, format: str) -> str:
    """:func:`normal_title` of a heading's plain text, from the heading as written (cached:
    most articles share their headings; ``format`` has no default, so that every caller's call
    is the same cache entry)."""
    return normal_title(title.strip() if format == "plaintext" else plain_text(title))


def outline(document: Document) -> list[tuple[str, Section]]:
    """Every section with its normalised heading text; computed once per document and kept in its memo."""
    found: list[tuple[str, Section]] | None = document.memo.get("outline")
    if found is not None:
        return found
    text, format = document.source.text, document.format
    entries = [
        (heading_key(text[section.heading.title_span.start : section.heading.title_span.end], format), section)
        for section in document.iter_sections()
    ]
    document.memo["outline"] = entries
    return entries


def sections_titled(document: Document, titles: frozenset[str], *, prefixes: tuple[str, ...] = ()) -> list[Section]:
    """Sections whose heading matches ``titles`` (or starts with a prefix); nested matches are not repeated."""
    found: list[Section] = []
    for title, section in outline(document):
        matches = title in titles or (prefixes and title.startswith(prefixes))
        if matches and not any(parent.span.contains(section.span) for parent in found):
            found.append(section)
    return found


def list_lines(document: Document, section: Section) -> Iterator[Line]:
    """Every list item under a section, subsections included, and list lines inside block templates."""
    text = document.source.text
    for node in iter_nodes(section, _INTO_LISTS):
        if isinstance(node, ListItem) and node.marker[-1:] in "*#-•":
            yield Line(node.content_span, len(node.marker) if node.marker != "-" else 1)  # ';' labels and ':' indented notes are not entries
        elif isinstance(node, Template) and "\n*" in text[node.span.start : node.span.end]:
            for match in _LIST_LINE.finditer(text, node.span.start, node.span.end):
                if match.group(1) and not match.group(1).startswith("}}"):
                    yield Line(Span(match.start(1), match.end(1)))


def paragraphs(section: Section) -> Iterator[Paragraph]:
    """Paragraphs under a section, subsections included."""
    return (node for node in iter_nodes(section, _INTO_SECTIONS) if isinstance(node, Paragraph))


def tables(section: Section) -> Iterator[Table]:
    """Tables under a section, subsections included."""
    return (node for node in iter_nodes(section, _INTO_SECTIONS) if isinstance(node, Table))
