"""The linear heading matcher gives exactly the match of the heading regex it replaces."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikifilm
from wikifilm.readers._heading import HEADING_SPEC, match_heading, scan_heading

_PIECES = ["=", "=", "=", " ", "\t", "<!--", "-->", "x", "\r", "\n", "-", "<", "!", ">", "==", "<!-- c -->"]


def spec(line: str) -> tuple[int, int, int] | None:
    match = HEADING_SPEC.match(line)
    return (match.end(1), match.start(3), match.end(3)) if match else None


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_PIECES), max_size=16).map("".join))
def test_same_match_as_the_regex(line: str) -> None:
    """Opening run, closing run and title agree with the regex on any mix of '=', blanks and comments."""
    assert match_heading(line) == scan_heading(line) == spec(line)
    assert match_heading("=" + line) == scan_heading("=" + line) == spec("=" + line)


@pytest.mark.parametrize(("line", "expected"), [
    ("== Plot ==\n", (2, 8, 10)),
    ("==Plot===\n", (2, 6, 9)),
    ("== Cast == <!-- x --> \r\n", (2, 8, 10)),
    ("===\n", (1, 2, 3)),  # a level-1 heading whose title is '='
    ("== a <!-- b\n", None),
    ("=<!--=<!--=-->", (1, 5, 6)),  # the title is "<!--", the comment "<!--=-->" follows
])
def test_examples(line: str, expected: tuple[int, int, int] | None) -> None:
    """Hand-checked matches, the regex's quirks included."""
    assert match_heading(line) == scan_heading(line) == expected == spec(line)


def test_a_heading_line_of_open_comments_reads_in_one_pass() -> None:
    """'=' then 20,000 '=<!--' (an unclosed comment, so one line) once took minutes: the regex's
    comment part scanned to the end of the line from every '='."""
    text = "=" + "=<!--" * 20000 + "\n"
    document = wikifilm.read(text)
    assert document.render() == text
    assert match_heading(text) is None
