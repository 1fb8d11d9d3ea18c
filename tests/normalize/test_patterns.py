"""Patterns run over long lines open with the class of their first characters; each finds what its
readable form, kept beside it in its module, finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wikifilm.normalize import cast, cast_prose, people, places, title

PLAIN_FORMS = {
    f"{module.__name__.rpartition('.')[2]}.{name}": (
        getattr(module, name), re.compile(getattr(module, f"{name}_READABLE"), getattr(module, name).flags)
    )
    for module, name in [
        (cast, "_DASH"), (cast, "_MAY_DASH"), (cast, "_PAIRS"), (cast, "_BRACKETED"),
        (people, "_PEOPLE_SEPARATOR"), (people, "_MAY_SEPARATE"), (people, "_QUOTED_FOR"), (people, "_COMPANY_SEPARATOR"),
        (people, "_AND"), (title, "_EMPTY_BRACKETS"), (places, "_SPLIT"), (places, "_LANGUAGE_WORD"),
    ]
}
"""Each pattern written for speed, with its readable form kept beside it in the module (``NAME_READABLE``)."""

_PIECES = st.sampled_from([
    " ", "  ", "\t", "\n", ",", ";", ":", ".", "...", "…", "–", "—", "-", "&", "/", "(", ")", "[", "]", "\"", "“", "'", "‘",
    "and", "And", "AND", "with", "for", "as", "a", "an", "the", "who", "in", "special", "cameo", "appearance",
    "Jr", "II", "Inc", "Ltd", "s.a", "language", "Languages", "Tom", "Hanks", "Bob's", "O'Neil", "x", "band", "sand", "Bo", "Duke", "voice", "&nbsp;",
])


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PLAIN_FORMS))
@settings(max_examples=1500, deadline=None)
@given(text=st.lists(_PIECES, max_size=18).map("".join))
def test_same_matches_as_the_plain_form(name: str, text: str) -> None:
    """Every match at the same place with the same groups, so split, sub and search give the same."""
    quick, plain = PLAIN_FORMS[name]
    assert [(m.span(), m.groups()) for m in quick.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]
    assert quick.split(text, maxsplit=1) == plain.split(text, maxsplit=1)


@pytest.mark.parametrize("name", sorted(PLAIN_FORMS))
@pytest.mark.parametrize("text", [
    "Tom Hanks as Bob, and Sam Jones as Ed; Al as Cy",
    "Ryan band Tom Hanks as Bob and Sam as Ed",
    "x  and Tom as y", "A sand Bo as C", "and Bo as X",
    "Bo Duke – a cousin: the hero... who (voice) [1] in a special appearance. Later Tom is",
    "Smith, Jr. and Jones & Co, Inc.; Warner /  Bros with  Fox",
    "Song – \"Title\" for 'x'", "a.. b… c:d : e - f —g",
    "Escape () is a  ( , ) film (&nbsp;) ((x) (\t– )",
    "India ,\n Nepal / Tibet;  and\n\n& Hindi language", "a \n b  ,  , c", " , x", "Tamil  Languages",
])
def test_same_matches_on_examples(name: str, text: str) -> None:
    quick, plain = PLAIN_FORMS[name]
    assert [(m.span(), m.groups()) for m in quick.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]


_PLAIN_NOTE = re.compile(r"\s*[\(\[][^()\[\]]*[\)\]]\s*")


@pytest.mark.slow
@settings(max_examples=3000)
@given(st.lists(_PIECES, max_size=18).map("".join))
def test_notes_dropped_as_the_plain_pattern_drops_them(text: str) -> None:
    """drop_notes() finds notes from their brackets; the plain pattern tries every offset."""
    assert people.drop_notes(text) == _PLAIN_NOTE.sub(" ", text)


@pytest.mark.parametrize("text", ["A (x) B", "A  (x)  [1] B", "((x)", "(x", "x)", "[a(b)c]", "a ( ) [ ]", " (x)", "(x) ", "A\t(\nx\n)\tB", ""])
def test_notes_dropped_on_examples(text: str) -> None:
    assert people.drop_notes(text) == _PLAIN_NOTE.sub(" ", text)


def _notes_dropped_until_nothing_changes(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, _PLAIN_NOTE.sub(" ", text)
    return text


@given(st.lists(_PIECES, max_size=24).map("".join))
def test_nested_notes_dropped_as_repeated_substitution_drops_them(text: str) -> None:
    """drop_nested_notes() in one pass gives what the plain pattern repeated gives, up to runs of spaces."""
    assert " ".join(people.drop_nested_notes(text).split()) == " ".join(_notes_dropped_until_nothing_changes(text).split())


@pytest.mark.parametrize("text", ["A (x) B", "A  (x)  [1] B", "((x)", "(x", "x)", "a ( ) [ ]", "a (b) (c) d", "(a ] b)", "x(y)z"])
def test_nested_notes_dropped_as_one_pass_when_none_nests(text: str) -> None:
    """Where no note holds another, drop_nested_notes() is drop_notes() exactly, spaces included."""
    assert people.drop_nested_notes(text) == people.drop_notes(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("John Smith ((((uncredited))))", "John Smith "),
    ("a (b (c) d) e", "a e"),
    ("( (x)", "( "),
    ("Ann Lee [[[[", "Ann Lee [[[["),
    ("Ann Lee (" * 3 + "x" + ")" * 3 + " Bo", "Ann Lee Bo"),
])
def test_nested_notes_examples(text: str, expected: str) -> None:
    """Notes inside notes go with their outermost note; unpaired brackets stay."""
    assert people.drop_nested_notes(text) == expected


@pytest.mark.parametrize("text", [
    "(" * 3000 + "x" + ")" * 3000, "[" * 6000, "(" * 6000, "([" * 3000, "(a" * 3000, "[[" * 1500 + "x" + "]]" * 1500,
])
def test_bracket_runs_in_names(text: str) -> None:
    """Long runs of brackets (which took seconds, one pass per level) read to a name or nothing."""
    name = people.clean_name("John Smith " + text)
    assert name.startswith("John Smith")


_PLAIN_ROLE_END = re.compile(cast._ROLE_END_READABLE)


@given(text=st.lists(st.one_of(_PIECES, st.sampled_from([", the ", "the ", "/", " / ", "Cook"])), max_size=18).map("".join))
def test_role_end_where_the_plain_form_ends_it(text: str) -> None:
    """A role ends where the plain pattern (with its '/' lookahead) first matches."""
    assert text[: cast._role_end(text)] == _PLAIN_ROLE_END.split(text, maxsplit=1)[0]


@pytest.mark.parametrize("text", ["Bob, the cook / the driver", "Bob, the cook, the driver", "Bob, the x/y, the z", "a, the /", "a, the b /"])
def test_role_end_examples(text: str) -> None:
    """', the' ends a role unless a '/' follows it."""
    assert text[: cast._role_end(text)] == _PLAIN_ROLE_END.split(text, maxsplit=1)[0]


_PLAIN_HEADING_LINE = re.compile(r"^\s*'{2,}[^']*'{2,}\s*:?\s*$")


@given(st.lists(st.sampled_from(["'", "''", "'''", "x", "Bob", " ", "\n", ":", "::", "\t", "[[a]]"]), max_size=12).map("".join))
def test_heading_lines_as_the_plain_pattern_finds_them(text: str) -> None:
    """A line that is only bold or italic text is found from its apostrophe runs as the plain pattern finds it."""
    assert cast._is_heading_line(text) == bool(_PLAIN_HEADING_LINE.match(text))


_PLAIN_PERIOD = re.compile(r"(\w+)\.\s+(?=[A-Z\"“])")


@given(st.lists(st.sampled_from(["Dr", "a", "Bob", ".", ". ", "  ", "Tom", "x.", "R.", "“", "é"]), max_size=14).map("".join))
def test_sentence_periods_as_the_plain_pattern_finds_them(text: str) -> None:
    """Periods that may end a sentence are the plain pattern's, with the same word before each."""
    assert [m.group(1) for m in cast._PERIOD.finditer(text)] == [m.group(1) for m in _PLAIN_PERIOD.finditer(text)]


@pytest.mark.parametrize(("text", "heading"), [("'" * 6000 + "x", False), ("'" * 6001, True), ("''" + "x" * 6000 + "'" * 6000 + " :", True)])
def test_long_apostrophe_runs_in_cast_lines(text: str, heading: bool) -> None:
    """Runs of apostrophes (split every way by the plain pattern, quadratic time) are read in linear time."""
    assert cast._is_heading_line(text) == heading


@given(st.lists(st.sampled_from(["Bob", " ", "  ", "\t", "(", ")", "[[", "]]", "Ian Wolfe", "|", "Ian", "*", "<", "x"]), max_size=14).map("".join))
def test_linked_actor_in_brackets_as_the_plain_pattern_reads_it(raw: str) -> None:
    """'Role ([[Actor]])' gives the plain pattern's role, target and shown text."""
    plain = cast._LINKED_ACTOR_IN_BRACKETS.match(raw)
    assert cast._linked_actor_in_brackets(raw) == (plain.group("role", "target", "shown") if plain else None)


def test_linked_actor_after_a_long_run_of_spaces() -> None:
    """A role followed by a long run of spaces (quadratic for the lazy plain pattern) is read at once."""
    assert cast._linked_actor_in_brackets("Reverend" + " " * 20000 + "([[Ian Wolfe]])") == ("Reverend", "Ian Wolfe", None)


_NAME_PIECES = st.sampled_from(["Tom", "McDonald", "A", "AB", "b", " ", "  ", "'", "’", ".", "-", "!", "é", "Harry", "(", ")"])
_PLAIN_UNLINKED = re.compile(r"^\s*(?P<role>[^()]{1,60}?)\s*\((?P<actor>(?:[A-Z][\w.'’-]*\s?){2,4})\)\s*$")


@given(st.lists(_NAME_PIECES, max_size=12).map("".join))
def test_actor_names_in_brackets_as_the_plain_pieces_read_them(text: str) -> None:
    """Whole words plus two capitals accept the names the plain capitalised pieces accept."""
    plain = re.compile(r"\((?:[A-Z][\w.'’-]*\s?){2,4}\)")
    quick = cast._ACTOR_IN_BRACKETS.fullmatch(text)
    assert (quick is not None and cast._two_capitals(quick.group("actor"))) == (plain.fullmatch(text) is not None)
    unlinked = cast._UNLINKED_ACTOR_IN_BRACKETS.match("Harry " + text)
    found = unlinked.group("role", "actor") if unlinked and cast._two_capitals(unlinked.group("actor")) else None
    expected = _PLAIN_UNLINKED.match("Harry " + text)
    assert found == (expected.group("role", "actor") if expected else None)


@pytest.mark.parametrize(("text", "expected"), [("Bob (" + "A" * 3000 + "!)", False), ("Bob (" + "AB " * 1000 + ")", False), ("Bob (" + "A" * 3000 + ")", True)])
def test_long_runs_of_capitals_in_brackets(text: str, expected: bool) -> None:
    """A run of capitals in brackets (cut every way by the plain pieces, cubic time) is read at once."""
    assert cast._may_end_with_actor_in_brackets(text) == expected
    cast.parse_cast_line(text)


@settings(max_examples=500)
@given(st.lists(st.sampled_from([" ", "\t", "\n", "(", ")", "film", "Film", "movie", "film series", "miniseries", "x", "2024", "-", "é"]), max_size=12).map("".join))
def test_page_title_qualifier_removed_as_by_the_pattern(text: str) -> None:
    """Looking for the qualifier at the end of the title removes what the readable pattern removes."""
    assert title.page_title_without_disambiguation(text) == title._DISAMBIGUATION.sub("", text).strip()


_PROSE_PIECES = st.sampled_from([
    " ", ",", ";", ".", "(", ")", "\x01", "\x02", "0", "1", "and", "is", "are", "played", "portrayed", "voiced", "by", "as",
    "plays", "portrays", "voices", "appears", "also", "in", "this", "film", "who", "wife", "Ann", "Lee", "Bo", "Kim", "X.", "de",
    "has", "a", "cameo", "billed", "credited", "display", "the", "role", "of", "provides", "voice",
])


@pytest.mark.slow
@pytest.mark.parametrize(("pattern", "cue", "before", "after", "needed"), [
    (cast_prose._ACTIVE, cast_prose._MAY_BE_ACTIVE, 400, 80, cast_prose._ACTIVE_NEEDS),
    (cast_prose._ACTIVE, cast_prose._MAY_BE_ACTIVE, 12, 6, cast_prose._ACTIVE_NEEDS),
    (cast_prose._PASSIVE, cast_prose._BY, 120, 20, cast_prose._PASSIVE_NEEDS),
    (cast_prose._PASSIVE, cast_prose._BY, 9, 3, cast_prose._PASSIVE_NEEDS),
])
@settings(max_examples=1500, deadline=None)
@given(words=st.lists(_PROSE_PIECES, max_size=40))
def test_windows_without_the_needed_verb_hold_no_match(
    pattern: re.Pattern[str], cue: re.Pattern[str], before: int, after: int, needed: re.Pattern[str], words: list[str]
) -> None:
    """Passing over a window that lacks the verb every match holds finds what scanning it finds."""
    text = " ".join(words)
    skipping = [match.span() for match in cast_prose._near(pattern, cue, text, before, after, needed)]
    assert skipping == [match.span() for match in cast_prose._near(pattern, cue, text, before, after)]


@pytest.mark.slow
@settings(max_examples=1500, deadline=None)
@given(
    words=st.lists(st.one_of(_PROSE_PIECES, st.sampled_from(["Ann Lee", "Bo Kim", "sung", "(sung", "(voiced", "Ann Lee)", "Kim)", "Lee", "R2", "seen", "stars"])), max_size=30),
    linked=st.lists(st.sampled_from(["Ann Lee", "Bo Kim", "R2 D2", "ann lee", "Lee"]), max_size=3),
)
@example(words=["(sung", "by", "Bo Kim)"], linked=[])
@example(words=["a", "song", "(voiced", "by", "Bo Kim)"], linked=[])
@example(words=["Ann Lee", "as", "Bo"], linked=["Ann Lee"])
@example(words=["Bo Kim", "(", "Ann Lee)"], linked=["Ann Lee"])
def test_casting_sentences_read_as_without_the_gate(words: list[str], linked: list[str]) -> None:
    """The gate that passes over text no pattern can match changes nothing that is read."""
    text = " ".join(words)
    links = {name: name for name in linked}
    gated = list(cast_prose.iter_prose_cast(text, links))
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(cast_prose, "_may_cast", lambda _text, _links: True)
        assert list(cast_prose.iter_prose_cast(text, links)) == gated
