"""read(): input types, format detection, errors."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikifilm
from wikifilm.errors import ReadError
from wikifilm.readers.detect import first_line


def test_bytes_are_decoded_as_utf8() -> None:
    """UTF-8 bytes read like the text they encode."""
    assert wikifilm.read("Frédéric".encode()).render() == "Frédéric"


def test_invalid_utf8_raises_read_error_with_the_byte_offset() -> None:
    """A ReadError (a ValueError) names the offset of the first bad byte."""
    with pytest.raises(ReadError) as caught:
        wikifilm.read(b"abc\xff", name="bad.txt")
    assert isinstance(caught.value, ValueError)
    assert caught.value.offset == 3
    assert "bad.txt: byte 3" in str(caught.value)
    assert pickle.loads(pickle.dumps(caught.value)).offset == 3


@pytest.mark.parametrize("value", [None, 3, ["a"], object()])
def test_non_text_raises_type_error_naming_the_type(value: object) -> None:
    """Anything but str or bytes is a TypeError."""
    with pytest.raises(TypeError, match=type(value).__name__):
        wikifilm.read(value)  # type: ignore[arg-type]


def test_unknown_format_is_a_value_error() -> None:
    """format must be wikitext, plaintext or None."""
    with pytest.raises(ValueError, match="format"):
        wikifilm.read("x", format="html")  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "expected"), [
    ("= Escape =\n\nEscape\n- Director: X\n", "plaintext"),
    ("{{Infobox film\n| name = X\n}}\n'''X''' is a film.", "wikitext"),
    ("Escape\n- Director: Lee Jong-pil\n", "plaintext"),
    ("==Plot==\nA man escapes.\n", "plaintext"),
    ("== Plot ==\nA [[man]] escapes.\n", "wikitext"),
    ("Just a sentence.", "wikitext"),
    ("", "wikitext"),
])
def test_format_detection(text: str, expected: str) -> None:
    """The documented rule: a '= Title =' first line, or no wiki markup with plain-text lines, is plain text."""
    assert wikifilm.detect_format(text) == expected


@settings(max_examples=2000)
@given(st.text(alphabet=st.sampled_from(list(" \t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029\u00a0ab=")), max_size=30))
def test_first_line_is_the_first_non_blank_line_splitlines_gives(text: str) -> None:
    """The line found without splitting the text is the one ``str.splitlines`` gives."""
    assert first_line(text) == next((line for line in text.splitlines() if line.strip()), "")
