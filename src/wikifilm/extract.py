"""``extract()``: article text or a Document to a Film record, in one call."""

from __future__ import annotations

from wikifilm.document.nodes import Document, Format
from wikifilm.normalize.assemble import normalize, reads_section
from wikifilm.readers.detect import read
from wikifilm.record import Film


def extract(
    source: str | bytes | Document,
    *,
    title: str | None = None,
    format: Format | None = None,
    page_id: int | None = None,
    revision_id: int | None = None,
) -> Film:
    """The film record of an article (wikitext or plain-text rendering) or of a read Document.

    ``title`` is the page title (a dump's ``<title>``); plain-text articles carry their own.
    """
    if not isinstance(source, Document):
        source = read(source, format=format, name=title, detail=reads_section)  # same record, fewer nodes built
    return normalize(source, page_title=title, page_id=page_id, revision_id=revision_id)
