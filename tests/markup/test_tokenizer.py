"""The region scanner: tokens found by kind give what one left-to-right alternation scan gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.strategies import wikitext_fragments
from wikifilm.markup.tokenizer import (
    _NESTING,
    Regions,
    _closer,
    comment_spans,
    multiline_regions,
    scan,
    top_level_tokens,
)

_ONE_PATTERN = re.compile(
    r"\{\{|\}\}|<!--|<(ref|nowiki|pre|math|gallery|syntaxhighlight|source|poem|timeline|score|chem"
    r"|graph|imagemap|references|templatedata|mapframe|hiero|inputbox|categorytree)\b[^<>]*?(/?)>",
    re.IGNORECASE,
)


def _reference_scan(text: str) -> Regions:
    """The scanner's token walk as first written: one alternation searched from each token's end."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    template_end: dict[int, int] = {}
    comment_end: dict[int, int] = {}
    unclosed_comment = None
    pos = 0
    while (match := _ONE_PATTERN.search(text, pos)) is not None:
        token = match.group(0)
        if token == "{{":
            stack.append(match.start())
            pos = match.end()
        elif token == "}}":
            if stack:
                start = stack.pop()
                template_end[start] = match.end()
                pairs.append((start, match.end()))
            pos = match.end()
        elif token == "<!--":
            end = text.find("-->", match.end())
            if end == -1:
                unclosed_comment, end = match.start(), len(text)
            else:
                end += 3
            comment_end[match.start()] = end
            pairs.append((match.start(), end))
            pos = end
        elif match.group(2) or (close := _closer(match.group(1).lower()).search(text, match.end())) is None:
            pos = match.end()
        else:
            pairs.append((match.start(), close.end()))
            pos = close.end()
    starts, ends = multiline_regions(text, pairs)
    return Regions(template_end, comment_end, starts, ends, stack, unclosed_comment)


_TAGGY = st.lists(
    st.sampled_from([
        "{", "}", "{{", "}}", "<", ">", "/", "<!--", "-->", "<ref>", "</ref>", "</ref >", "<ref name=a/>", "<REF>",
        "<ref name={{x}}>", "<nowiki>", "</nowiki>", "<pre>", "</pre>", "<math>", "<br>", "<refx>", "\n", "a", " ",
    ]),
    max_size=40,
).map("".join)


@pytest.mark.slow
@settings(max_examples=3000)
@given(st.one_of(wikitext_fragments, _TAGGY))
def test_scan_equals_one_left_to_right_scan(text: str) -> None:
    """Same templates, comments, unclosed braces and multi-line regions as the single-pattern scanner."""
    assert scan(text) == _reference_scan(text)


@pytest.mark.slow
@pytest.mark.parametrize("path", sorted(Path(__file__).parents[1].joinpath("fixtures", "articles").glob("*.wikitext")), ids=lambda p: p.stem)
def test_scan_equals_one_left_to_right_scan_on_real_articles(path: Path) -> None:
    """The same on every corpus article, protected regions included."""
    text = path.read_text(encoding="utf-8")
    assert scan(text) == _reference_scan(text)


def _reference_top_level(text: str, separators: str) -> list[tuple[int, str]]:
    """Top-level separators as first found: every nesting token counted one by one."""
    pattern = re.compile(f"{_NESTING}|{separators}", re.IGNORECASE)
    templates = links = 0
    pos, found = 0, []
    while (match := pattern.search(text, pos)) is not None:
        pos, token = match.end(), match.group(0)
        if token == "{{":
            templates += 1
        elif token == "[[":
            links += 1
        elif token == "}}":
            templates = max(templates - 1, 0)
        elif token == "]]":
            links = max(links - 1, 0)
        elif token == "<!--":
            close = text.find("-->", pos)
            pos = len(text) if close == -1 else close + 3
        elif token[0] == "<" and match.group("tag") is not None:
            if not match.group("self_closing"):
                closing = _closer(match.group("tag").lower()).search(text, pos)
                pos = len(text) if closing is None else closing.end()
        elif not templates and not links:
            found.append((match.start(), token))
    return found


_BRACKETY = st.lists(
    st.sampled_from(["{{", "}}", "[[", "]]", "{", "}", "[", "]", "|", "||", "=", "!!", "<!--", "-->", "<ref>", "</ref>", "<", "a", " ", "\n"]),
    max_size=40,
).map("".join)


@pytest.mark.slow
@settings(max_examples=3000)
@given(st.one_of(wikitext_fragments, _BRACKETY), st.sampled_from([r"\||=", r"\|\|", r"\|\||!!"]))
def test_top_level_tokens_equal_counting_every_token(text: str, separators: str) -> None:
    """Passing over closed ``{{...}}`` and ``[[...]]`` as single tokens finds the same separators."""
    found = [(match.start(), match.group(0)) for match in top_level_tokens(text, 0, len(text), separators)]
    assert found == _reference_top_level(text, separators)


@given(st.lists(st.sampled_from(["<!--", "-->", "<!-->", "--", "-", ">", "<", "!", "a", "\n"]), max_size=14).map("".join))
def test_comment_spans_are_the_pattern_matches(text: str) -> None:
    """The one-pass comment finder finds what '<!--.*?-->' finds."""
    assert comment_spans(text) == [match.span() for match in re.finditer(r"<!--.*?-->", text, re.DOTALL)]
