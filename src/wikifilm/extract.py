"""``extract()``: article text or a Document to a Film record, in one call."""

from __future__ import annotations

from typing import get_args

from wikifilm._collector import collector_paused
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
    Arguments of the wrong type raise ``TypeError`` naming ``extract`` and the parameter.
    """
    _check_arguments(source, title, format, page_id, revision_id)
    with collector_paused():  # nothing made here is in a reference cycle (see wikifilm._collector)
        if not isinstance(source, Document):
            source = read(source, format=format, name=title, detail=reads_section)  # same record, fewer nodes built
        return normalize(source, page_title=title, page_id=page_id, revision_id=revision_id)


def _check_arguments(source: object, title: object, format: object, page_id: object, revision_id: object) -> None:
    """Refuse wrong types here, where the message can name the call (deeper, they fail obscurely)."""
    if not isinstance(source, str | bytes | Document):
        raise TypeError(f"extract(): source must be article text (str or bytes) or a Document, not {type(source).__name__}")
    if title is not None and not isinstance(title, str):
        raise TypeError(f"extract(): title must be a str or None, not {type(title).__name__}")
    if format is not None and not isinstance(format, str):
        raise TypeError(f"extract(): format must be 'wikitext', 'plaintext' or None, not {type(format).__name__}")
    if format is not None and format not in get_args(Format):
        raise ValueError(f"extract(): format must be 'wikitext', 'plaintext' or None, not {format!r}")
    for name, value in (("page_id", page_id), ("revision_id", revision_id)):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise TypeError(f"extract(): {name} must be an int or None, not {type(value).__name__} {value!r}")
