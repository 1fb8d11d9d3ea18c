"""A wikitext heading line, matched in linear time.

The readable rule is :data:`HEADING_SPEC`: one to six ``=``, the shortest title, one to six ``=``,
then only spaces, tabs and comments to the end of the line. Run as a regex it is quadratic on a
line such as ``=<!--=<!--=<!--...``: at each ``=`` the comment part scans to the end of the line.
:func:`scan_heading` gives the same match from one scan of the line (a property test holds it
to the regex); :func:`match_heading` runs the regex itself on a line holding no comment, where it
is linear.
"""

from __future__ import annotations

import re

HEADING_SPEC = re.compile(r"^(={1,6})(.+?)(={1,6})[ \t]*((?:<!--.*?-->[ \t]*)*)\r?\n?$", re.DOTALL)
"""The rule, as a regex: ``match_heading(line)`` is ``(m.end(1), m.start(3), m.end(3))`` of its match."""

_ENDINGS = ("", "\n", "\r", "\r\n")
"""What ``\\r?\\n?`` may match before ``$``."""


def match_heading(line: str) -> tuple[int, int, int] | None:
    """``(end of the opening run, start and end of the closing run)`` as :data:`HEADING_SPEC`
    matches ``line``, or ``None``; linear in the length of the line."""
    if "<!--" not in line:  # without a comment the rule's own regex is linear, and ten times quicker than the scan
        plain = HEADING_SPEC.match(line)
        return None if plain is None else (plain.end(1), plain.start(3), plain.end(3))
    return scan_heading(line)


def scan_heading(line: str) -> tuple[int, int, int] | None:
    """:func:`match_heading` by one scan of the line, whatever it holds."""
    length = len(line)
    opening = 0
    while opening < min(6, length) and line[opening] == "=":
        opening += 1
    if not opening:
        return None
    tail = _Tail(line)
    # The title is the shortest, so the closing run starts at the first '=' after the title's
    # first character that has a run of 1 to 6 '=' (the longest first) ending where a tail may.
    # With the longest opening run every start is tried once; a shorter opening run adds only
    # the start just after it.
    start = line.find("=", opening + 1)
    while start != -1:
        if (end := tail.closing_end(start)) is not None:
            return opening, start, end
        start = line.find("=", start + 1)
    for shorter in range(opening - 1, 0, -1):
        if (end := tail.closing_end(shorter + 1)) is not None:
            return shorter, shorter + 1, end
    return None


class _Tail:
    """Where in a line ``[ \\t]*(?:<!--.*?-->[ \\t]*)*\\r?\\n?$`` matches the rest of it."""

    __slots__ = ("line", "spans")

    def __init__(self, line: str) -> None:
        self.line = line
        length = len(line)
        ends = {length - len(ending) for ending in _ENDINGS if line.endswith(ending)}
        if line.endswith("\n"):  # '$' also matches before a final line break
            ends |= {length - 1 - len(ending) for ending in _ENDINGS if line.endswith(ending, 0, length - 1)}
        # For each place the tail's text may end: where its trailing blanks start, and whether
        # the text before them closes a comment.
        self.spans: list[tuple[int, int, bool]] = []
        for end in sorted(ends):
            blanks = end
            while blanks > 0 and line[blanks - 1] in " \t":
                blanks -= 1
            self.spans.append((end, blanks, line.startswith("-->", blanks - 3) and blanks >= 3))

    def matches_from(self, start: int) -> bool:
        """Whether the tail pattern matches ``line[start:]``: blanks only, or blanks, a comment
        opening, anything, a comment closing and blanks (``.*?`` may run past a ``-->``)."""
        line = self.line
        first = start
        while first < len(line) and line[first] in " \t":
            first += 1
        for end, blanks, closes_comment in self.spans:
            if start > end:
                continue
            if first >= blanks:
                return True
            if closes_comment and line.startswith("<!--", first) and first + 4 <= blanks - 3:
                return True
        return False

    def closing_end(self, start: int) -> int | None:
        """The end of the longest run of 1 to 6 '=' at ``start`` that the tail may follow."""
        line = self.line
        run = 0
        while run < 6 and start + run < len(line) and line[start + run] == "=":
            run += 1
        for size in range(run, 0, -1):
            if self.matches_from(start + size):
                return start + size
        return None
