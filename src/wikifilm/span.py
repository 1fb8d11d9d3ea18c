"""Spans into one shared source string, and the source itself.

Offsets are Unicode code points into the decoded text, half-open ``[start, end)``.
Lines and columns are derived only for display and are 1-based, as editors show them.
"""

from __future__ import annotations

import bisect

import attrs


@attrs.frozen(order=True, init=False)
class Span:
    """A half-open range ``[start, end)`` of code points in a :class:`Source`."""

    start: int
    """First code point covered."""
    end: int
    """One past the last code point covered."""

    def __init__(self, start: int, end: int) -> None:
        """Check and set the bounds. Written by hand, setting the slots directly: a corpus pass makes
        about 30,000 spans, and attrs' frozen ``__init__`` plus a check took half again as long."""
        if not 0 <= start <= end:
            raise ValueError(f"invalid span [{start}, {end})")
        _set_start(self, start)
        _set_end(self, end)

    def __len__(self) -> int:
        return self.end - self.start

    def shifted(self, offset: int) -> Span:
        """The same range moved ``offset`` code points to the right."""
        return Span(self.start + offset, self.end + offset)

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies within this span."""
        return self.start <= other.start and other.end <= self.end


_set_start = Span.__dict__["start"].__set__
_set_end = Span.__dict__["end"].__set__


@attrs.frozen(eq=False)
class Source:
    """An article's text and name, wrapped once and never copied or edited."""

    text: str
    """The decoded article text, exactly as given."""
    name: str | None = None
    """A label for messages: a file name or page title."""
    _line_starts: list[int] | None = attrs.field(init=False, repr=False, default=None)

    def _starts(self) -> list[int]:
        """Offsets where lines begin, computed on first use (only messages need them)."""
        if self._line_starts is None:
            starts = [0]
            find = self.text.find
            pos = find("\n")
            while pos != -1:
                starts.append(pos + 1)
                pos = find("\n", pos + 1)
            object.__setattr__(self, "_line_starts", starts)
            return starts
        return self._line_starts

    def __getitem__(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def __len__(self) -> int:
        return len(self.text)

    @property
    def span(self) -> Span:
        """The span of the whole text."""
        return Span(0, len(self.text))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a code point offset (display only)."""
        starts = self._starts()
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        starts = self._starts()
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def excerpt(self, span: Span) -> str:
        """The span's first line with a caret line under the span, compiler style."""
        line, col = self.line_col(span.start)
        text = self.line_text(line)
        width = max(1, min(len(span), len(text) - col + 1))
        return f"{text}\n{' ' * (col - 1)}{'^' * width}"

    def byte_offset(self, offset: int) -> int:
        """UTF-8 byte offset of a code point offset (computed, never stored)."""
        return len(self.text[:offset].encode("utf-8", "surrogatepass"))
