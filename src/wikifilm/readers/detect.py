"""``read()``: any article text to a Document, choosing the reader by a documented rule."""

from __future__ import annotations

import re

from wikifilm._collector import collector_paused
from wikifilm.document.nodes import Document, Format
from wikifilm.errors import ReadError
from wikifilm.readers.plaintext import HEADING, PAGE_TITLE, match_field, read_plaintext
from wikifilm.readers.wikitext import DetailFilter, read_wikitext
from wikifilm.span import Source

_WIKI_MARKUP = re.compile(r"\{\{|\[\[|'''|\{\||<ref|<!--|^\*", re.MULTILINE)
_CONTENT = re.compile(r"\S")
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
"""What ``str.splitlines`` splits at."""
_LINE_REST = re.compile(f"[^{_LINE_BREAKS}]*")


def first_line(text: str) -> str:
    """The first line of ``text`` that is not blank (lines as ``str.splitlines`` cuts them), or ``""``;
    found without splitting the whole text."""
    content = _CONTENT.search(text)
    if content is None:
        return ""
    start = content.start()
    while start > 0 and text[start - 1] not in _LINE_BREAKS:
        start -= 1
    rest = _LINE_REST.match(text, content.start())
    assert rest is not None
    return text[start : rest.end()]


def detect_format(text: str) -> Format:
    """Which reader suits ``text``.

    Plain text when the first non-blank line is a ``= Title =`` line (one ``=`` each side), or
    when the text has no wikitext markup (``{{``, ``[[``, ``'''``, ``{|``, ``<ref``, ``<!--``,
    a ``*`` bullet) and has ``- Key: value`` lines or ``==Heading==`` lines. Wikitext otherwise.
    """
    first = first_line(text)
    if PAGE_TITLE.match(first) and not first.startswith("=="):
        return "plaintext"
    if _WIKI_MARKUP.search(text):
        return "wikitext"
    lines = text.splitlines()
    if any(match_field(line) or HEADING.match(line) for line in lines):
        return "plaintext"
    return "wikitext"


def read(
    text: str | bytes, *, format: Format | None = None, name: str | None = None, detail: DetailFilter | None = None
) -> Document:
    """Read an article (wikitext or plain-text rendering) into a lossless Document.

    ``bytes`` are decoded as UTF-8; invalid UTF-8 raises :class:`~wikifilm.errors.ReadError`
    with the byte offset. ``format=None`` detects the format (see :func:`detect_format`).
    ``detail`` (wikitext only) takes a heading's title as written and says whether to build the
    lists and tables under it; the others stay single ``Text`` leaves (the round trip still holds).
    """
    if isinstance(text, bytes | bytearray | memoryview):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise ReadError(f"invalid UTF-8 ({error.reason})", offset=error.start, name=name) from None
    if not isinstance(text, str):
        raise TypeError(f"read() takes str or bytes, not {type(text).__name__}")
    if format is None:
        format = detect_format(text)
    if format not in ("wikitext", "plaintext"):
        raise ValueError(f"format must be 'wikitext', 'plaintext' or None, not {format!r}")
    source = Source(text, name)
    with collector_paused():  # nothing made here is in a reference cycle (see wikifilm._collector)
        return read_wikitext(source, detail=detail) if format == "wikitext" else read_plaintext(source)
