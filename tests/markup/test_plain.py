"""The plain-text fast path agrees with the mwparserfromhell path wherever it answers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikifilm
from tests.conftest import ARTICLES
from tests.strategies import template_fragments, wikitext_fragments
from wikifilm.document.nodes import iter_nodes
from wikifilm.markup._fast import (
    BLOCK_START,
    COMMENT,
    NON_CONTENT,
    PRIVATE_USE,
    REF,
    SIMPLE_LINK,
    SIMPLE_LINK_READABLE,
    fast_plain,
    holds_non_content_link,
    holds_private_use,
    ref_spans,
    starts_block,
    strip_comments,
)
from wikifilm.markup.plain import (
    _full_text,
    _light_text_and_links,
    clean_spaces,
    item_text_and_links,
    parsed_links,
    plain_text,
    simple_links,
    wiki_links,
)


def slow_plain(text: str) -> str:
    return _full_text(text)


@pytest.mark.slow
@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.name)
def test_fast_path_equals_full_parse_on_every_corpus_fragment(path: object) -> None:
    """Every paragraph, cell, list item, heading and field value of every corpus article."""
    document = wikifilm.read(path.read_text(encoding="utf-8"), format="wikitext")  # type: ignore[attr-defined]
    for node in iter_nodes(document):
        span = getattr(node, "content_span", None) or getattr(node, "title_span", None) or getattr(node, "value_span", None)
        if span is None:
            continue
        text = document.source[span]
        fast = fast_plain(text)
        if fast is not None:
            assert clean_spaces(fast) == slow_plain(text), text


@pytest.mark.slow
@given(wikitext_fragments)
def test_fast_path_equals_full_parse_on_arbitrary_fragments(text: str) -> None:
    """Arbitrary markup: the fast path answers exactly like the full path, or declines."""
    fast = fast_plain(text)
    if fast is not None and "\x00" not in text:
        assert clean_spaces(fast) == slow_plain(text)


@pytest.mark.slow
@given(template_fragments)
def test_fast_path_equals_full_parse_on_arbitrary_templates(text: str) -> None:
    """Nested text-bearing templates with named, numbered and malformed parameters: same answer or decline."""
    fast = fast_plain(text)
    if fast is not None:
        assert clean_spaces(fast) == slow_plain(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("plain", "plain"),
    ("[[Ryan O'Neal]] as ''Redmond Barry''<ref>x</ref>", "Ryan O'Neal as Redmond Barry"),
    ("[[Patrick Magee (actor)|Patrick Magee]]<!-- c -->", "Patrick Magee"),
    ("a<br />b", "a\nb"),
    ("A&nbsp;B &amp; C", "A B & C"),
    ("{{nowrap|A}}", "A"),
    ('{{US$|9.4 million|long=no}} {{small|(North&nbsp;America)}}<ref name="Mojo"/>', "US$9.4 million (North America)"),
    ("[[#Release|{{US$|6.1 million|long=no}}]]", "US$6.1 million"),
    ("{{nihongo|Totoro|トトロ}}", "Totoro"),
    ("{{Anchor|Luke}}'''[[Luke Duke]]''' ([[Tom Wopat]])", "Luke Duke (Tom Wopat)"),
    ("x{{efn|a note with [[a link]]}}", "x"),
    ("[[{{x}}]]", None),
    ("{{small|<center>a}}", None),
    ("{{{1}}}", None),
    ("''[[Shame (2011 film)|''Shame'']]''", None),
    ("[[File:x.jpg]]", ""),
    ("[[File:x.jpg|thumb|The real [[Daniel Webster]].]]\nWhen Mr. Scratch", "When Mr. Scratch"),
    ("'''''Uncredited:'''''", "Uncredited:"),
    ("{{Nowrap|''[[1920 (film)|1]]'': {{Start date|df=y|2008|9|12}}}}", "1: 2008-09-12"),
    ("#20", None),
])
def test_examples(text: str, expected: str | None) -> None:
    """What the fast path renders, and what it declines."""
    fast = fast_plain(text)
    assert (clean_spaces(fast) if fast is not None else None) == expected


@pytest.mark.slow
@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.name)
def test_link_regex_equals_full_parse_on_every_corpus_fragment(path: object) -> None:
    """Wiki links read by regex are the links mwparserfromhell finds, wherever the regex answers."""
    document = wikifilm.read(path.read_text(encoding="utf-8"), format="wikitext")  # type: ignore[attr-defined]
    for node in iter_nodes(document):
        span = getattr(node, "content_span", None) or getattr(node, "value_span", None)
        if span is None or "[[" not in document.source[span]:
            continue
        text = document.source[span]
        links = simple_links(text)
        if links is not None:
            assert links == parsed_links(text), text


@pytest.mark.slow
@given(template_fragments)
def test_link_regex_equals_full_parse_on_arbitrary_fragments(text: str) -> None:
    """Links among templates, comments and malformed markup: the same links, or the full parser."""
    links = simple_links(text)
    if links is not None:
        assert links == parsed_links(text)


@given(st.text(alphabet=" \t\n\r\u00a0\u2009\u200b\u202f\u3000a'", max_size=30))
def test_clean_spaces_collapses_only_its_spaces(text: str) -> None:
    """Runs of spaces, tabs and narrow or no-break spaces become one space; lines are stripped, empty ones dropped."""
    expected_lines = []
    for line in re.sub(r"'{2,}", "", text).split("\n"):
        line = re.sub("[ \t\u00a0\u2009\u200b\u202f]+", " ", line).strip()
        if line:
            expected_lines.append(line)
    assert clean_spaces(text) == "\n".join(expected_lines)


_LINK_ITEMS = st.lists(
    st.sampled_from(["[[", "]]", "[", "]", "|", "Tom Hanks", " ", ":", "File:", "category:", "_", "'", "''", "'''", "'''''", "&amp;", "<br>", "\t",
                     "\u00a0", "Yash (actor)", "\ue000", "=", "*", "#", "{{", "}}", "é", " as ", "\r", "\n", "[[a|b]]", "[[ ]]"]),
    max_size=10,
).map("".join)


@pytest.mark.slow
@settings(max_examples=5000)
@given(st.one_of(_LINK_ITEMS, _LINK_ITEMS.map(lambda text: f"[[{text}]]")))
def test_words_and_links_read_in_one_pass_as_the_general_paths_read_them(text: str) -> None:
    """Where the one-pass reader answers, its plain text and links are the general paths'; an
    item's links are kept only when it has text."""
    light = _light_text_and_links(text)
    if light is not None:
        assert light == (plain_text(text), tuple(wiki_links(text)))
    plain = plain_text(text)
    assert item_text_and_links(text) == (plain, tuple(wiki_links(text)) if plain else ())


@pytest.mark.slow
@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.name)
def test_words_and_links_read_in_one_pass_on_every_corpus_line(path: object) -> None:
    """The same on every line of every corpus article, wherever the one-pass reader answers."""
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    for line in text.splitlines():
        light = _light_text_and_links(line)
        if light is not None:
            assert light == (plain_text(line), tuple(wiki_links(line)))


@pytest.mark.slow
@settings(max_examples=3000)
@given(st.one_of(st.text(max_size=12), st.lists(st.sampled_from([" ", "\t", "*", "#", ":", ";", "=", "-", "----", "{|", "{", "a", "\n"]), max_size=6).map("".join)))
def test_block_start_first_character_test(text: str) -> None:
    """Testing the first character before the pattern never misses a list, heading, rule or table line."""
    assert starts_block(text) == (BLOCK_START.match(text) is not None)


@pytest.mark.slow
@settings(max_examples=3000)
@given(st.text(alphabet=st.characters(min_codepoint=0xDF00, max_codepoint=0xFFFF) | st.sampled_from("aé漢"), max_size=8))
def test_private_use_test(text: str) -> None:
    """The ASCII and largest-character tests never miss a private-use character."""
    assert holds_private_use(text) == (PRIVATE_USE.search(text) is not None)


_PLAIN_SIMPLE_LINK = re.compile(SIMPLE_LINK_READABLE)


@pytest.mark.slow
@settings(max_examples=3000)
@given(st.one_of(_LINK_ITEMS, _LINK_ITEMS.map(lambda text: f"[[{text}]]"), st.text(alphabet=" \t\n\u00a0[]|a{<", max_size=14)))
def test_simple_link_pattern_matches_as_its_plain_form(text: str) -> None:
    """The link pattern written without backtracking into the target finds what its plain form finds."""
    assert [(m.span(), m.groups()) for m in SIMPLE_LINK.finditer(text)] == [(m.span(), m.groups()) for m in _PLAIN_SIMPLE_LINK.finditer(text)]


@pytest.mark.slow
@settings(max_examples=2000)
@given(st.lists(st.sampled_from(["[[", "]]", ":", " ", "File", "image", "Category", "MEDIA", "x", "a"]), max_size=8).map("".join))
def test_non_content_link_test(text: str) -> None:
    """Testing for ':' before the pattern never misses a file, image, media or category link."""
    assert holds_non_content_link(text) == (NON_CONTENT.search(text) is not None)


@pytest.mark.parametrize("depth", [1, 39, 40, 41, 60, 100])
def test_templates_nested_as_deep_as_mediawiki_expands_them(depth: int) -> None:
    """MediaWiki expands templates 100 deep; mwparserfromhell stops at 40 and left ``John Smith}}}}``
    in a name (issue 11). Up to 100 levels the text is the innermost text."""
    assert plain_text("{{nowrap|" * depth + "John Smith" + "}}" * depth) == "John Smith"


_COMMENT_PARTS = st.lists(st.sampled_from(["<!--", "-->", "<!-->", "--", "-", ">", "<", "!", "a", "\n", " "]), max_size=14).map("".join)
_REF_PARTS = st.lists(
    st.sampled_from(["<ref>", "<REF name=a>", "<ref/>", "<ref name=b / >", "<ref / x>", "</ref>", "</ref >", "</REF>", "<ref", "<", ">", "/", "a", "\n"]),
    max_size=12,
).map("".join)


@settings(max_examples=500)
@given(_COMMENT_PARTS | wikitext_fragments)
def test_comments_stripped_in_one_pass_as_by_the_pattern(text: str) -> None:
    """The one-pass comment remover leaves what removing every COMMENT match leaves."""
    assert strip_comments(text) == COMMENT.sub("", text)


@settings(max_examples=500)
@given(_REF_PARTS | wikitext_fragments)
def test_refs_found_in_one_pass_as_by_the_pattern(text: str) -> None:
    """The one-pass ref finder finds the spans the REF pattern finds."""
    assert ref_spans(text) == [match.span() for match in REF.finditer(text)]


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("a <!--" * 3000, "a"),  # never closed: MediaWiki hides the rest of the page from the first (WF105)
        ("Ann Lee" + "<!--" * 10_000 + "-->", "Ann Lee"),
        ("Ann Lee" + "<ref>a " * 5000, None),  # refs never closed: the fast path declines
        ("Ann Lee<ref>a</ref>" + "<ref name=x/>" * 5000, "Ann Lee"),
    ],
)
def test_many_unclosed_comments_and_refs(text: str, plain: str | None) -> None:
    """Thousands of unclosed comment or ref openers: the value each reads to (read in one pass, bench/scaling.py)."""
    if plain is None:
        assert fast_plain(text) is None
    else:
        assert wikifilm.markup.plain.plain_text(text) == plain


@pytest.mark.parametrize("text", ["[[" * 20_000, "Tom Hanks as Forrest " + "[" * 40_000, "[[Ann Lee" + "[[" * 5000])
def test_no_links_where_none_closes(text: str) -> None:
    """Link openers with no ']' after them hold no link and show as written (no full parse to learn it)."""
    assert wiki_links(text) == []
    assert parsed_links(text[:200]) == []
    assert fast_plain(text) == text  # shown as written, read by the fast path


@settings(max_examples=400)
@given(wikitext_fragments.map(lambda text: text.replace("]", "")) | st.lists(st.sampled_from(["[", "[[", "[[File:a", "x", " ", "{{nowrap|a}}", "''", "<br>", "&amp;", "[http://a"]), max_size=10).map("".join))
def test_fast_path_reads_openers_no_bracket_closes_as_the_full_parse(text: str) -> None:
    """With no ']' in a fragment, its '[' are shown as written: the fast path answers as the full path does, or declines."""
    fast = fast_plain(text)
    if fast is not None and "\x00" not in text:
        assert clean_spaces(fast) == slow_plain(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Ann Lee <!-- a note", "Ann Lee"),
    ("Ann <!-- a --> Lee <!-- and the rest\nBo Kim", "Ann Lee"),
    ("<!-- x\n* [[Cy Dee]] as Ed", ""),
    ("Ann <!-- closed --> Lee", "Ann Lee"),
])
def test_an_unclosed_comment_hides_the_rest(text: str, expected: str) -> None:
    """MediaWiki hides everything after a ``<!--`` that no ``-->`` closes (the reader's WF105 says so):
    no text and no link is read from there."""
    assert plain_text(text) == expected
    assert wiki_links(text) == []
