"""Patches and the style read off an infobox."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wikifilm import read
from wikifilm.editing import EditError, Patch
from wikifilm.editing.patch import apply_patches, unified_diff
from wikifilm.editing.style import infobox_style
from wikifilm.span import Span


@given(text=st.text(max_size=60), data=st.data())
def test_patches_change_only_their_spans(text: str, data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    pairs = list(zip(cuts[::2], cuts[1::2], strict=False))
    replacements = data.draw(st.lists(st.text(max_size=5), min_size=len(pairs), max_size=len(pairs)))
    patches = [Patch(Span(start, end), new) for (start, end), new in zip(pairs, replacements, strict=True)]
    expected, position = "", 0
    for (start, end), new in zip(pairs, replacements, strict=True):
        expected += text[position:start] + new
        position = end
    expected += text[position:]
    assert apply_patches(text, patches) == expected
    if len({patch.span.start for patch in patches}) == len(patches):  # order matters only between insertions at one offset
        assert apply_patches(text, reversed(patches)) == expected
    assert apply_patches(text, []) == text


def test_overlapping_patches_are_refused() -> None:
    with pytest.raises(EditError, match="overlapping"):
        apply_patches("abcdef", [Patch(Span(0, 3), "x"), Patch(Span(2, 4), "y")])


def test_insertions_at_one_offset_keep_their_order() -> None:
    assert apply_patches("ab", [Patch(Span(1, 1), "1"), Patch(Span(1, 1), "2")]) == "a12b"


def test_diff_of_a_text_without_final_newline() -> None:
    assert unified_diff("a\nb", "a\nc").endswith("+c\n\\ No newline at end of file\n")


@pytest.mark.parametrize(
    ("infobox", "expected_line"),
    [
        ("{{Infobox film\n| name     = A\n| director = B\n}}\n", "| runtime  = 90 minutes\n"),  # aligned: = at column 9
        ("{{Infobox film\n|name=A\n|director=B\n}}\n", "|runtime=90 minutes\n"),
        ("{{Infobox film\n | name = A\n | director = B\n}}\n", " | runtime = 90 minutes\n"),
        ("{{Infobox film\n| name           = A\n| director       = B\n}}\n", "| runtime        = 90 minutes\n"),
    ],
)
def test_style_is_read_off_the_fields(infobox: str, expected_line: str) -> None:
    document = read(infobox)
    assert document.infobox is not None
    assert infobox_style(document, document.infobox).line("runtime", "90 minutes") == expected_line
