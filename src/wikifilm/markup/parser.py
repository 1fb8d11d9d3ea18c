"""A guarded mwparserfromhell: linear in time, never loses text, never raises on article text.

Our tokenizer decides what is balanced first: each ``{{``, ``[[``, comment or extension tag that
never closes is cut out as text before mwparserfromhell sees anything (its tokenizer retries
an unclosed opener to the end of the text, quadratic and not interruptible in C), and each
balanced piece is parsed on its own. mwparserfromhell's C tokenizer also truncates at NUL (its
issue #355) and raises ``ParserError`` on some real pages: :func:`parse_wikicode` checks
``str(code) == text``, falls back to the pure-Python tokenizer, and as a last resort returns
the text as one ``Text`` node.
"""

from __future__ import annotations

from typing import Literal

import mwparserfromhell
from mwparserfromhell.nodes import Node as MwNode
from mwparserfromhell.nodes import Text as MwText
from mwparserfromhell.parser import Parser, ParserError
from mwparserfromhell.parser.tokenizer import Tokenizer
from mwparserfromhell.wikicode import Wikicode

from wikifilm.markup.tokenizer import unclosed_openers

Outcome = Literal["ok", "fallback", "raw"]
"""How a text was parsed: by the C tokenizer, by the pure-Python one, or not at all (one text node)."""


def _python_parse(text: str) -> Wikicode:
    parser = Parser()  # type: ignore[no-untyped-call]
    parser._tokenizer = Tokenizer()  # type: ignore[no-untyped-call]  # the pure-Python tokenizer keeps NULs
    code: Wikicode = parser.parse(text)  # type: ignore[no-untyped-call]
    return code


def parse_wikicode(text: str) -> tuple[Wikicode, Outcome]:
    """Parse ``text`` and say how: ``ok``, ``fallback`` (Python tokenizer) or ``raw`` (unparsed).

    A fresh tree on every call (nothing is cached: a tree is mutable). When unclosed openers would
    cost mwparserfromhell more than :data:`RETRY_BUDGET` of retries, they are cut out first.
    """
    openers = unclosed_openers(text)
    if len(openers) * len(text) <= RETRY_BUDGET:
        return _parse_balanced(text)
    return _parse_cut(text, openers)


RETRY_BUDGET = 1_000_000
"""mwparserfromhell rescans the rest of the text for each unclosed opener: about (openers x length)
characters. Up to this many the text is parsed whole (exactly as mwparserfromhell reads it);
beyond, it is cut, so the extra work is bounded by a constant and parsing stays linear."""


def _parse_cut(text: str, openers: list[tuple[int, int]]) -> tuple[Wikicode, Outcome]:
    """Parse ``text`` with each of ``openers`` kept as text and each piece between them parsed alone.

    The same reading as mwparserfromhell's, except where a construct bounded by a line or a tag
    (a heading, bold, ``<small>``) spans an opener: then the pieces read as text.
    """
    nodes: list[MwNode] = []
    worst: Outcome = "ok"
    cursor = 0
    for start, end in [*openers, (len(text), len(text))]:
        if start > cursor:
            piece_nodes, outcome = _parse_piece(text, cursor, start)
            nodes.extend(piece_nodes)
            worst = max(worst, outcome, key=_OUTCOMES.index)
        if end > start:
            nodes.append(MwText(text[start:end]))
        cursor = end
    return Wikicode(nodes), worst


_OUTCOMES: list[Outcome] = ["ok", "fallback", "raw"]
_MID_LINE = "\x01"
"""Put before a piece that starts mid-line, so that mwparserfromhell does not read a line start
there (``*`` a list, ``=`` a heading); a control character, which is text to it and no word."""


def _parse_piece(text: str, start: int, end: int) -> tuple[list[MwNode], Outcome]:
    """The nodes of ``text[start:end]`` as they read inside ``text`` (mid-line when they are)."""
    piece = text[start:end]
    if start == 0 or text[start - 1] == "\n":
        code, outcome = _parse_balanced(piece)
        return list(code.nodes), outcome
    code, outcome = _parse_balanced(_MID_LINE + piece)
    nodes = list(code.nodes)
    first = nodes[0] if nodes else None
    if not isinstance(first, MwText) or not first.value.startswith(_MID_LINE):
        return [MwText(piece)], "raw"
    if len(first.value) == 1:
        return nodes[1:], outcome
    return [MwText(first.value[1:]), *nodes[1:]], outcome


def _parse_balanced(text: str) -> tuple[Wikicode, Outcome]:
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
