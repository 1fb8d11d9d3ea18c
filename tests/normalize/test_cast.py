"""Cast-line grammar: shortcuts that must not change what the patterns find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from wikifilm.normalize.cast import (
    _AS,
    _ROLE_END,
    _ROLE_THEN_ACTOR,
    _linked_page,
    _may_end_role,
    _may_end_with_actor_in_brackets,
)

_PIECES = st.sampled_from(["Dorcas", "' ", "'s ", "father", " ", "(", ")", "Dick Rich", "Rich", "a", "A", "(Dick Rich)", "’s", "-", "."])


@settings(max_examples=3000)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_bracketed_actor_pattern_runs_only_where_it_can_match(text: str) -> None:
    """The linear pre-test never skips a line the role-then-actor pattern would read."""
    if _ROLE_THEN_ACTOR.match(text):
        assert _may_end_with_actor_in_brackets(text)


def test_bracketed_actor_after_a_role_is_read() -> None:
    """``Dorcas' Father (Dick Rich)`` passes the pre-test and the pattern."""
    assert _may_end_with_actor_in_brackets("Dorcas' Father (Dick Rich)")
    match = _ROLE_THEN_ACTOR.match("Dorcas' Father (Dick Rich)")
    assert match is not None and match.group("actor") == "Dick Rich"


_ROLE_PIECES = st.sampled_from([
    "Forrest", " ", "  ", "\t", ",", ";", "(", ")", ":", "–", "—", "-", ".", "...", "…", " in a cameo appearance", " in special appearance",
    "the", "a", "who", "Bob's", "Sam", "as", "As", "plays", " as ", "voices", "provides the voice of", "\u00a0", "\n",
])


@settings(max_examples=3000)
@given(st.lists(_ROLE_PIECES, max_size=14).map("".join))
def test_role_end_pattern_runs_only_where_it_can_match(text: str) -> None:
    """The substring pre-test never skips a role the description pattern would cut."""
    if _ROLE_END.search(text):
        assert _may_end_role(text)


_SPACED_AS = re.compile(r"\s+(?:as|plays|portrays|provides the voice of|voices|are)\s+", re.IGNORECASE)


@settings(max_examples=3000)
@given(st.lists(_ROLE_PIECES, max_size=14).map("".join))
def test_actor_role_separator_on_single_spaced_text(text: str) -> None:
    """On text whose whitespace runs are single spaces (as cast lines are made), the literal-space
    separator splits where the whitespace-run pattern splits."""
    spaced = " ".join(text.split())
    assert _AS.split(spaced) == _SPACED_AS.split(spaced)


def test_cast_actor_spans_in_order() -> None:
    """Two actors of one line, the second's name inside the first's: each span slices to its own name."""
    import wikifilm

    text = "{{Infobox film\n| name = X\n}}\n'''X''' is a film.\n\n== Cast ==\n* [[Jo Ann Lee]] and [[Ann Lee]] as the twins\n"
    film = wikifilm.extract(text)
    spans = [member.actor.span for member in film.cast]
    assert [member.actor.name for member in film.cast] == ["Jo Ann Lee", "Ann Lee"]
    assert [text[span.start : span.end] for span in spans if span is not None] == ["Jo Ann Lee", "Ann Lee"]
    assert spans[0] is not None and spans[1] is not None and spans[0].end < spans[1].start


def _linked_page_by_scan(name: str, links: dict[str, str]) -> str | None:
    """``_linked_page`` as first written: every link scanned for a shown text that is a first part of ``name``."""
    return next((target for shown, target in links.items() if shown != name and name.startswith(shown + " ") and target.startswith(name)), None)


_WORDS = st.sampled_from(["Ann", "Lee", "Ann Lee", "Bo", " ", "Ann ", "Kim"])


@settings(max_examples=300)
@given(
    st.lists(_WORDS, min_size=1, max_size=4).map(" ".join),
    st.dictionaries(st.lists(_WORDS, min_size=1, max_size=3).map(" ".join), st.lists(_WORDS, min_size=1, max_size=4).map(" ".join), max_size=6),
)
def test_linked_page_looks_up_what_the_scan_found(name: str, links: dict[str, str]) -> None:
    """The prefix lookup gives the link the full scan gave, in the links' order when several fit."""
    assert _linked_page(name, links) == _linked_page_by_scan(name, links)
