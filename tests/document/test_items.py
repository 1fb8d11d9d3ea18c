"""Value splitting: shortcuts that must not change where items split."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wikifilm.document.items import split_items
from wikifilm.markup import tokenizer
from wikifilm.markup.tokenizer import CLOSED_LINK
from wikifilm.span import Source, Span

_TOKEN_BY_TOKEN = re.compile(tokenizer._ITEM_TOKEN.pattern.split("|", 1)[1], re.IGNORECASE)
"""The item-splitting tokens without the whole-link shortcut: every bracket a token of its own."""

_VALUE_PIECES = st.sampled_from([
    "[[A]]", "[[A|B]]", "[[]]", "[[A\nB]]", "[[", "]]", "[", "]", "<br>", "<br />", "</br>", "\n", "\n* ", "\n*", "{{plainlist|", "{{ubl|",
    "{{small|", "}}", "|", "1=", "<!--", "-->", "<ref>", "</ref>", "<ref name=a/>", "x", " ", "Tom Hanks", "{", "}", "<",
])


@pytest.mark.slow
@settings(max_examples=3000)
@given(st.lists(_VALUE_PIECES, max_size=16).map("".join))
def test_whole_links_split_nothing(text: str) -> None:
    """Passing over a link holding no markup as one token gives the items token-by-token scanning gives."""
    quick = tokenizer.item_spans(text, 0, len(text))
    shortcut = tokenizer._ITEM_TOKEN
    tokenizer._ITEM_TOKEN = _TOKEN_BY_TOKEN
    try:
        assert tokenizer.item_spans(text, 0, len(text)) == quick
    finally:
        tokenizer._ITEM_TOKEN = shortcut


def test_token_by_token_pattern_is_the_shortcut_less_one() -> None:
    assert tokenizer._ITEM_TOKEN.pattern.startswith(CLOSED_LINK + "|")
    assert not _TOKEN_BY_TOKEN.pattern.startswith(r"\[\[[^")


@pytest.mark.parametrize(("text", "items"), [
    ("[[A]]<br>[[B|C]]", ["A", "C"]),
    ("{{plainlist|\n* [[A]]\n* [[B]]\n}}", ["A", "B"]),
    ("[[]]<br>x", ["x"]),
])
def test_examples(text: str, items: list[str]) -> None:
    source = Source(text)
    assert [item.text for item in split_items(source, Span(0, len(text)))] == items


@pytest.mark.parametrize("name", ["Ubl", "Template:Ubl", "template:ubl", "Template: Plainlist"])
def test_list_template_items_whatever_the_name_is_written(name: str) -> None:
    """``{{Template:Ubl|...}}`` splits into items, each with its link, as ``{{Ubl|...}}`` does (issue 11)."""
    text = f"{{{{{name}|[[Ann Lee]]|[[Bo Kim]]}}}}"
    items = split_items(Source(text), Span(0, len(text)))
    assert [(item.text, item.link, item.links) for item in items] == [
        ("Ann Lee", "Ann Lee", (("Ann Lee", "Ann Lee"),)),
        ("Bo Kim", "Bo Kim", (("Bo Kim", "Bo Kim"),)),
    ]
    assert [text[item.span.start : item.span.end] for item in items] == ["[[Ann Lee]]", "[[Bo Kim]]"]
