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

    A fresh tree on every call (nothing is cached: a tree is mutable). Unclosed openers become
    text nodes, as mwparserfromhell itself reads them, without its retries.
    """
    openers = unclosed_openers(text)
    if not openers:
        return _parse_balanced(text)
    nodes: list[MwNode] = []
    worst: Outcome = "ok"
    cursor = 0
    for start, end in [*openers, (len(text), len(text))]:
        if start > cursor:
            code, outcome = _parse_balanced(text[cursor:start])
            nodes.extend(code.nodes)
            worst = max(worst, outcome, key=_OUTCOMES.index)
        if end > start:
            nodes.append(MwText(text[start:end]))
        cursor = end
    return Wikicode(nodes), worst


_OUTCOMES: list[Outcome] = ["ok", "fallback", "raw"]


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
