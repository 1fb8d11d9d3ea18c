"""A guarded mwparserfromhell: never loses text, never raises on article text.

mwparserfromhell's C tokenizer truncates at NUL (its issue #355) and raises ``ParserError`` on
some real pages. :func:`parse_wikicode` checks ``str(code) == text``, falls back to the
pure-Python tokenizer, and as a last resort returns the text as one ``Text`` node.
"""

from __future__ import annotations

import functools
from typing import Literal

import mwparserfromhell
from mwparserfromhell.nodes import Text as MwText
from mwparserfromhell.parser import Parser, ParserError
from mwparserfromhell.parser.tokenizer import Tokenizer
from mwparserfromhell.wikicode import Wikicode

from wikifilm.span import Span

Outcome = Literal["ok", "fallback", "raw"]


def _python_parse(text: str) -> Wikicode:
    parser = Parser()  # type: ignore[no-untyped-call]
    parser._tokenizer = Tokenizer()  # type: ignore[no-untyped-call]  # the pure-Python tokenizer keeps NULs
    code: Wikicode = parser.parse(text)  # type: ignore[no-untyped-call]
    return code


@functools.lru_cache(maxsize=1024)
def parse_wikicode(text: str) -> tuple[Wikicode, Outcome]:
    """Parse ``text`` and say how: ``ok``, ``fallback`` (Python tokenizer) or ``raw`` (unparsed).

    Results are cached (fragments are re-read by several normalizers); callers must not mutate them.
    """
    if "\x00" not in text:
        try:
            code = mwparserfromhell.parse(text)
            if str(code) == text:
                return code, "ok"
        except (ParserError, RecursionError, ValueError):
            pass
    try:
        code = _python_parse(text)
        if str(code) == text:
            return code, "fallback"
    except (ParserError, RecursionError, ValueError):
        pass
    return Wikicode([MwText(text)]), "raw"


def node_spans(code: Wikicode, start: int) -> list[Span]:
    """Spans of ``code``'s top-level nodes, ``code`` standing at offset ``start``."""
    spans = []
    cursor = start
    for node in code.nodes:
        length = len(str(node))
        spans.append(Span(cursor, cursor + length))
        cursor += length
    return spans
