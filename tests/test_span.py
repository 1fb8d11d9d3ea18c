"""Spans and sources: slicing, display positions, caret excerpts."""

from __future__ import annotations

import pytest

from wikifilm.span import Source, Span


def test_span_rejects_negative_and_reversed_ranges() -> None:
    """A span must satisfy 0 <= start <= end."""
    with pytest.raises(ValueError):
        Span(3, 2)
    with pytest.raises(ValueError):
        Span(-1, 2)


def test_source_slices_by_span_and_reports_one_based_line_and_column() -> None:
    """Line and column are 1-based and derived from code point offsets."""
    source = Source("ab\ncdé\nf", "x.txt")
    assert source[Span(3, 6)] == "cdé"
    assert source.line_col(0) == (1, 1)
    assert source.line_col(5) == (2, 3)
    assert source.line_col(7) == (3, 1)


def test_excerpt_puts_a_caret_under_the_span() -> None:
    """The excerpt shows the line and carets under the spanned characters."""
    source = Source("- Gross: million\n")
    assert source.excerpt(Span(9, 16)) == "- Gross: million\n         ^^^^^^^"


def test_byte_offset_counts_utf8_bytes() -> None:
    """Byte offsets are computed from the text, never stored."""
    source = Source("é한x")
    assert source.byte_offset(2) == 5
