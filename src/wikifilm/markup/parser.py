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

from collections.abc import Sequence
from typing import Literal

import mwparserfromhell
from mwparserfromhell.definitions import is_parsable
from mwparserfromhell.nodes import Node as MwNode
from mwparserfromhell.nodes import Tag as MwTag
from mwparserfromhell.nodes import Text as MwText
from mwparserfromhell.parser import Parser, ParserError
from mwparserfromhell.parser.tokenizer import Tokenizer
from mwparserfromhell.wikicode import Wikicode

from wikifilm.markup.tokenizer import ClosedTag, balance

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
    openers, tags = balance(text)
    heavy = [tag for tag in tags if _is_heavy(text, tag)]
    if len(openers) * len(text) <= RETRY_BUDGET and not heavy:
        return _parse_balanced(text)
    return _parse_cut(text, openers, heavy)


RETRY_BUDGET = 1_000_000
"""mwparserfromhell rescans the rest of the text for each unclosed opener: about (openers x length)
characters. Up to this many the text is parsed whole (exactly as mwparserfromhell reads it);
beyond, it is cut, so the extra work is bounded by a constant and parsing stays linear."""


def _is_heavy(text: str, tag: ClosedTag) -> bool:
    """Whether mwparserfromhell, reading the content of ``tag`` as wikitext, would retry more than
    :data:`RETRY_BUDGET` (a ``<ref>`` holding thousands of unclosed ``{{cite|``)."""
    _start, content_start, content_end, _end, name = tag
    if not is_parsable(name):
        return False
    content = text[content_start:content_end]
    openers, tags = balance(content)
    return len(openers) * len(content) > RETRY_BUDGET or any(_is_heavy(content, inner) for inner in tags)


def _parse_cut(text: str, openers: list[tuple[int, int]], heavy: Sequence[ClosedTag] = ()) -> tuple[Wikicode, Outcome]:
    """Parse ``text`` with each of ``openers`` kept as text, each tag of ``heavy`` parsed as a shell
    holding its content parsed by :func:`parse_wikicode`, and each piece between them parsed alone.

    The same reading as mwparserfromhell's, except where a construct bounded by a line or a tag
    (a heading, bold, ``<small>``) spans an opener: then the pieces read as text.
    """
    nodes: list[MwNode] = []
    worst: Outcome = "ok"
    cursor = 0
    cuts = sorted([(start, end, None) for start, end in openers] + [(tag[0], tag[3], tag) for tag in heavy])
    for start, end, tag in [*cuts, (len(text), len(text), None)]:
        if start > cursor:
            piece_nodes, outcome = _parse_piece(text, cursor, start)
            nodes.extend(piece_nodes)
            worst = max(worst, outcome, key=_OUTCOMES.index)
        if tag is not None:
            node, outcome = _parse_tag(text, tag)
            nodes.append(node)
            worst = max(worst, outcome, key=_OUTCOMES.index)
        elif end > start:
            nodes.append(MwText(text[start:end]))
        cursor = end
    return Wikicode(nodes), worst


def _parse_tag(text: str, tag: ClosedTag) -> tuple[MwNode, Outcome]:
    """The tag node of ``tag``: its shell (opening and closing tags) parsed alone, its content by
    :func:`parse_wikicode`; the tag as text when the shell does not read back as one tag."""
    start, content_start, content_end, end, _name = tag
    shell, outcome = _parse_balanced(text[start:content_start] + text[content_end:end])
    node = shell.nodes[0] if len(shell.nodes) == 1 else None
    if outcome == "ok" and isinstance(node, MwTag):
        content, content_outcome = parse_wikicode(text[content_start:content_end])
        node.contents = content
        if str(node) == text[start:end]:
            return node, content_outcome
    return MwText(text[start:end]), "raw"


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
