"""Cast from every form an article uses: subsections, tables found by meaning or by content, one
actor column per version, casting sentences, and prose that must never become a name."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikifilm
from tests.conftest import article_text
from wikifilm.normalize.cast import cast_version, is_cast_title
from wikifilm.normalize.cast_prose import iter_prose_cast


def cast_of(body: str) -> list[tuple[str, str | None, str | None]]:
    """``(actor, role, version)`` of an article made of an infobox and ``body``."""
    record = wikifilm.extract("{{Infobox film\n| name = Test\n}}\n" + body, title="Test")
    return [(member.actor.name, member.role, member.version) for member in record.cast]


def test_supporting_cast_table_without_headers_read_by_content() -> None:
    """A ``Supporting cast`` subsection table with no header: names in one column, ``as ...`` beside them."""
    body = (
        "==Cast==\n* [[Gregory Peck]] as Joe Bradley\n* [[Audrey Hepburn]] as Princess Ann\n\n"
        "===Supporting cast===\n{|\n|-\n| [[Eddie Albert]] || as Irving Radovich\n|-\n| [[Hartley Power]] || as Mr. Hennessy\n|}\n"
    )
    assert cast_of(body) == [
        ("Gregory Peck", "Joe Bradley", None), ("Audrey Hepburn", "Princess Ann", None),
        ("Eddie Albert", "Irving Radovich", None), ("Hartley Power", "Mr. Hennessy", None),
    ]


def test_voice_table_keeps_every_language_column_with_its_version() -> None:
    """Character | Japanese voice actor | English voice actor: both columns, Interlanguage links read as names."""
    body = (
        "==Voice cast==\n{| class=\"wikitable\"\n! Character !! Japanese voice actor !! English voice actor\n"
        "|-\n| Kiki || {{Interlanguage link multi|Minami Takayama|ja|高山みなみ}} || [[Kirsten Dunst]]\n"
        "|-\n| Jiji || [[Rei Sakuma]] || {{ill|Phil Hartman|fr}}\n|}\n"
    )
    assert cast_of(body) == [
        ("Minami Takayama", "Kiki", "Japanese"), ("Rei Sakuma", "Jiji", "Japanese"),
        ("Kirsten Dunst", "Kiki", "English"), ("Phil Hartman", "Jiji", "English"),
    ]


def test_film_series_matrix_gives_one_version_per_film() -> None:
    """A character row with one column per film (rows 149-166 of Final Destination's table, shortened):
    a cell spanning two films casts the actor in both; (f) and {{N/A}} are not names."""
    text = article_text("Final_Destination")
    record = wikifilm.extract(text, title="Final Destination")
    cast = [(m.actor.name, m.role, m.version) for m in record.cast]
    assert ("Tony Todd", "William Bludworth", "Final Destination") in cast
    assert ("Tony Todd", "William Bludworth", "Final Destination 2") in cast
    assert ("Ali Larter", "Clear Rivers", "Final Destination 5") in cast
    assert ("Roman Podhora", "John", "Final Destination 5") in cast
    assert not [name for name, _role, _version in cast if name in {"N/A", "Referenced", "Photograph"}]


def test_cast_list_inside_a_table_under_film_subsections() -> None:
    """1920 (film series): '* [[A]] as B' lines written inside wikitables, one italic subsection per film."""
    record = wikifilm.extract(article_text("1920_(film_series)"), title="1920 (film series)")
    cast = [(m.actor.name, m.role, m.version) for m in record.cast]
    assert cast[0] == ("Rajneesh Duggal", "Arjun Singh Rathod", "1920")
    assert ("Rakhi Sawant", None, "1920") in cast
    assert cast[-1] == ("Vikram Bhatt", "Mr. Wadia", "1921")


def test_language_subsections_name_versions_and_one_cast_has_none() -> None:
    """``===Japanese===`` and ``===English dub===`` name versions; an article with one cast has none."""
    body = "==Cast==\n===Japanese===\n* [[Yasuo Yamada]] as Lupin\n===English dub===\n* [[David Hayter]] as Lupin\n"
    assert cast_of(body) == [("Yasuo Yamada", "Lupin", "Japanese"), ("David Hayter", "Lupin", "English dub")]
    assert cast_of("==Main cast==\n===English dub===\n* [[David Hayter]] as Lupin\n") == [("David Hayter", "Lupin", None)]


@pytest.mark.parametrize(("raw", "expected"), [
    ("Japanese cast", "Japanese"),
    ("English dub", "English dub"),
    ("English version cast", "English version"),
    ("''1920 London''", "1920 London"),
    ("Supporting cast", None),
    ("Main English cast", None),
    ("Cast", None),
])
def test_cast_version_of_headings(raw: str, expected: str | None) -> None:
    """A heading names a version by language, dub or italic title; billing splits name none."""
    from wikifilm.normalize.sections import heading_key

    assert cast_version(raw, heading_key(raw, "wikitext")) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("cast", True), ("primary cast", True), ("voice cast", True), ("cast and characters", True), ("japanese cast", True),
    ("main characters", True), ("supporting cast", True), ("broadcast", False), ("production", False), ("cast members", True),
])
def test_cast_titles(title: str, expected: bool) -> None:
    """Headings with the word 'cast' or 'X characters' are cast sections."""
    assert is_cast_title(title) is expected


def test_conjunction_gives_two_actors_never_a_fragment() -> None:
    """``[[Paul Muni]] and [[Luise Rainer]]`` is two actors, never ``and Luise Rainer``."""
    assert cast_of("==Cast==\n* [[Paul Muni]] and [[Luise Rainer]]\n* [[Walter Connolly]] as Old Father\n") == [
        ("Paul Muni", None, None), ("Luise Rainer", None, None), ("Walter Connolly", "Old Father", None),
    ]


CANNONBALL = article_text("The_Cannonball_Run")


def test_prose_notes_never_become_names() -> None:
    """The Cannonball Run's cast lines with notes: no 'car', 'Director Hal Needham appears uncredited',
    'Car and Driver Magazine columnist' or work titles; the people the notes cast are read."""
    record = wikifilm.extract(CANNONBALL, title="The Cannonball Run")
    names = [member.actor.name for member in record.cast]
    for junk in ("Car", "car", "Director Hal Needham appears uncredited", "Driver Magazine columnist", "James Bond", "The Wild Angels"):
        assert junk not in names
    pairs = {(member.actor.name, member.role) for member in record.cast}
    assert {("Hal Needham", "the ambulance EMT"), ("Ken Squier", "a California Highway Patrolman"), ("Molly Picon", "his mother"),
            ("Warren Berlinger", "Shakey Finch"), ("Robert Tessier", "Fonda's big, bald biker buddy"), ("Mel Tillis", "Mel"),
            ("Terry Bradshaw", "Terry"), ("Burt Reynolds", "J.J. McClure"), ("Dom DeLuise", "Victor Prinzi")} <= pairs


def test_billing_label_before_names() -> None:
    """``Uncredited: [[Ann Bee]], [[Cee Dee]]`` bills two actors; ``Nurse (uncredited)`` keeps its role."""
    assert cast_of("==Cast==\n* Uncredited: [[Ann Bee]], [[Cee Dee]]\n* [[Eve Eff]] as Nurse (uncredited)\n") == [
        ("Ann Bee", None, None), ("Cee Dee", None, None), ("Eve Eff", "Nurse", None),
    ]


def test_line_with_no_actor_gets_a_diagnostic() -> None:
    """A cast line naming nobody is skipped with WF602, never turned into a name."""
    record = wikifilm.extract("{{Infobox film\n| name = Test\n}}\n==Cast==\n* the rest of the crew, uncredited, in a crowd scene\n", title="Test")
    assert record.cast == ()
    assert [diagnostic.code for diagnostic in record.diagnostics] == ["WF602"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Molly Picon portrays his mother.", [(["Molly Picon"], "his mother")]),
    ("Aykroyd's niece Karen Humber portrays a schoolchild.", [(["Karen Humber"], "a schoolchild")]),
    ("Eartha Kitt would then play Catwoman in three episodes.", []),
    ("Though Julie Newmar had at this point played Catwoman, she was replaced by Lee Meriwether.", []),
    ("Reed also appears as Miss Foreign Affairs, the centerfold.", []),
    ("Several women ride with Seymour, including model Lois Hamilton, billed as Lois Areno.", [(["Lois Hamilton"], None)]),
    ("Fonda's big, bald biker buddy is played by Robert Tessier.", [(["Robert Tessier"], "Fonda's big, bald biker buddy")]),
])
def test_casting_sentences(text: str, expected: list[tuple[list[str], str | None]]) -> None:
    """Only the subject of a present-tense casting verb is cast ('Reed' alone is nobody linked)."""
    linked = {"Lois Hamilton", "Molly Picon", "Eartha Kitt", "Julie Newmar", "Lee Meriwether", "Catwoman", "Robert Tessier"}
    assert list(iter_prose_cast(text, {name: name for name in linked})) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["[[A B]]", " plays ", " as ", " and ", ", ", "(", ")", ". ", "Cd Ef", "x", "'' ", "{{ill|G H|ja}}", "\n* ", "|", "{|", "|}", "!"]), max_size=40).map("".join))
def test_any_cast_section_reads_without_raising(body: str) -> None:
    """Any text under a cast heading yields members or diagnostics, never an exception."""
    cast_of("==Cast==\n" + body)


def test_each_actor_of_a_table_cell_points_at_its_own_name() -> None:
    """Two actors in one cell (``A<br>B``, the second linked with other shown text): each span slices
    to the name as written, not to the whole cell."""
    text = (
        "{{Infobox film\n| name = Test\n}}\n==Cast==\n{| class=\"wikitable\"\n! Character !! Actor\n"
        "|-\n| Kiki || [[Ann Lee]]<br>[[Bo Kim (actress)|Bo Kim]]\n|}\n"
    )
    record = wikifilm.extract(text, title="Test")
    assert [(member.actor.name, member.role) for member in record.cast] == [("Ann Lee", "Kiki"), ("Bo Kim", "Kiki")]
    assert [text[member.actor.span.start : member.actor.span.end] for member in record.cast if member.actor.span] == ["Ann Lee", "Bo Kim"]
