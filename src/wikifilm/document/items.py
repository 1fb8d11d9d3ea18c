"""List items of a value (infobox fields, cells): their plain text, links and exact spans.

List templates (Plainlist, ubl, hlist...), ``<br>`` and bullets split a wikitext value, as
:func:`wikifilm.markup.tokenizer.item_spans` finds them; commas split a plain-text one.
"""

from __future__ import annotations

import re

import attrs

from wikifilm._slots_init import slots_init
from wikifilm.markup.plain import Link, item_text_and_links
from wikifilm.markup.tokenizer import item_spans
from wikifilm.span import Source, Span

_BULLET_CHARS = "*#:;•·"
_BULLET = re.compile(rf"^[\s{_BULLET_CHARS}]+")


@slots_init
@attrs.frozen
class ValueItem:
    """One item of a list-valued field: its plain text, link target and span."""

    text: str
    """Plain text of the item; a ``<br>`` inside a link's shown text stays a line break
    (``[[Coen brothers|Joel Coen<br />Ethan Coen]]`` is two people, a wrapped company name is one)."""
    link: str | None
    """Target of the item's first wiki link, when it has one."""
    span: Span
    """Where the item stands in the source."""
    links: tuple[Link, ...] | None = None
    """Every content wiki link of the item as ``(target, shown text)``, when the reader read them."""


def split_items(source: Source, span: Span, format: str = "wikitext") -> tuple[ValueItem, ...]:
    """The list items of a value, with their spans; a value with no list markup is one item."""
    if format == "plaintext":
        return _split_plaintext(source, span)
    return tuple(_items_of_segments(source, item_spans(source.text, span.start, span.end)))


def _split_plaintext(source: Source, span: Span) -> tuple[ValueItem, ...]:
    text = source[span]
    items = []
    cursor = 0
    for piece in _split_commas(text):
        start = text.index(piece, cursor)
        cursor = start + len(piece)
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            item_span = Span(span.start + start + lead, span.start + start + lead + len(stripped))
            items.append(ValueItem(stripped, None, item_span))
    return tuple(items)


_CORPORATE_SUFFIX = re.compile(r"^\s*(inc|ltd|llc|llp|co|corp|plc|s\.?a|gmbh|l\.?p)\b\.?", re.IGNORECASE)


def _split_commas(text: str) -> list[str]:
    """Split at commas, keeping corporate suffixes (``Warner Bros., Inc.``) with their name."""
    pieces: list[str] = []
    for piece in text.split(","):
        if pieces and _CORPORATE_SUFFIX.match(piece):
            pieces[-1] += "," + piece
        else:
            pieces.append(piece)
    return pieces


def _items_of_segments(source: Source, segments: list[tuple[int, int]]) -> list[ValueItem]:
    items: list[ValueItem] = []
    for start, end in segments:
        text = source.text[start:end]
        bullet = _BULLET.match(text) if text[:1] in _BULLET_CHARS or text[:1].isspace() else None
        lead = bullet.end() if bullet else 0
        stripped = text[lead:].rstrip()
        if not stripped:
            continue
        plain, links = item_text_and_links(stripped)
        if plain:
            item_span = Span(start + lead, start + lead + len(stripped))
            items.append(ValueItem(plain, links[0][0] if links else None, item_span, links))
    return items
