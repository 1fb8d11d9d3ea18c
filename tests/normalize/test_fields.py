"""Cast, soundtrack, places, title and plot normalizers on real articles and small cases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wikifilm
from tests.conftest import article_text
from tests.normalize.helpers import field_of
from wikifilm.normalize.cast import parse_cast_line, parse_cast_pairs
from wikifilm.normalize.places import normalize_places
from wikifilm.normalize.soundtrack import parse_soundtrack_item


@pytest.mark.parametrize(("line", "expected"), [
    ("Yash as Raja \"Rocky Bhai\" Krishnappa Bairya, a ruthless mercenary", (["Yash"], 'Raja "Rocky Bhai" Krishnappa Bairya')),
    ("Michael Hordern as Narrator (voice)", (["Michael Hordern"], "Narrator")),
    ("A B – Dr. C", (["A B"], "Dr. C")),
    ("A B: Captain C", (["A B"], "Captain C")),
    ("A B and C D as the twins", (["A B", "C D"], "the twins")),
    ("A B", (["A B"], None)),
])
def test_cast_lines(line: str, expected: tuple[list[str], str | None]) -> None:
    """'A as B', 'A – B', 'A: B', several actors, a bare actor."""
    assert parse_cast_line(line) == expected


def test_barry_lyndon_cast() -> None:
    """Barry Lyndon's cast list: actor links and roles as written."""
    film = wikifilm.extract(article_text("Barry_Lyndon"), title="Barry Lyndon")
    assert [(m.actor.name, m.actor.link, m.role) for m in film.cast[:4]] == [
        ("Michael Hordern", "Michael Hordern", "Narrator"),
        ("Ryan O'Neal", "Ryan O'Neal", "Redmond Barry"),
        ("Marisa Berenson", "Marisa Berenson", "Lady Lyndon"),
        ("Patrick Magee", "Patrick Magee (actor)", "the Chevalier du Balibari"),
    ]
    assert film.cast[1].actor.person == film.starring[0].person


@pytest.mark.parametrize(("item", "expected"), [
    ("Johann Strauss II's Wener Blut Op. 354", ("Johann Strauss II", "Wener Blut Op. 354")),
    ("Frédéric Chopin's Waltz in B minor, Op. 69, No. 2", ("Frédéric Chopin", "Waltz in B minor, Op. 69, No. 2")),
    ("Sarabande by George Frideric Handel", ("George Frideric Handel", "Sarabande")),
    ('"Mere Rashke Qamar" – Rahat Fateh Ali Khan', ("Rahat Fateh Ali Khan", "Mere Rashke Qamar")),
    ("an untitled piece", (None, "an untitled piece")),
])
def test_soundtrack_items(item: str, expected: tuple[str | None, str]) -> None:
    """Composer and work from the common item shapes."""
    assert parse_soundtrack_item(item) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("{{Plainlist|\n* United Kingdom\n* United States\n}}", ["United Kingdom", "United States"]),
    ("United Kingdom<br />United States", ["United Kingdom", "United States"]),
    ("{{flag|Japan}}", ["Japan"]),
    ("U.S.", ["United States"]),
    ("India<ref>x</ref>", ["India"]),
])
def test_countries(value: str, expected: list[str]) -> None:
    """Country lists, flags, refs and common short forms."""
    source, field = field_of("country", value)
    assert [item.value for item in normalize_places(source, field, countries=True)] == expected


def test_languages_drop_the_word_language() -> None:
    """'[[Korean language|Korean]]' and 'Hindi language' both read as the language name."""
    source, field = field_of("language", "[[Korean language|Korean]]<br>Hindi language")
    assert [item.value for item in normalize_places(source, field, countries=False)] == ["Korean", "Hindi"]


def test_native_title_from_nihongo_in_the_lead() -> None:
    """A {{Nihongo}} opening the lead gives the native title and its romanization."""
    text = "{{Infobox film\n| name = My Neighbor Totoro\n}}\n{{Nihongo|'''''My Neighbor Totoro'''''|となりのトトロ|Tonari no Totoro}} is a 1988 film.\n"
    film = wikifilm.extract(text)
    assert film.native_title is not None
    assert (film.native_title.text, film.native_title.lang, film.native_title.romanized) == ("となりのトトロ", "ja", "Tonari no Totoro")


def test_native_title_from_korean_template() -> None:
    """{{Korean|hangul=탈주|rr=Talju}} in the lead."""
    film = wikifilm.extract("'''''Escape''''' ({{Korean|hangul=탈주|rr=Talju}}) is a 2024 film.\n")
    assert film.native_title is not None and (film.native_title.text, film.native_title.romanized) == ("탈주", "Talju")


@pytest.mark.parametrize(("film_name", "expected"), [
    ("{{native name|es|Yo quiero una mujer así}}", ("Yo quiero una mujer así", "es", None)),  # That's the Woman I Want
    ("{{Film name\n | kanji = ルパン三世 カリオストロの城\n | romaji = Rupan Sansei: Kariosutoro no Shiro}}",  # The Castle of Cagliostro
     ("ルパン三世 カリオストロの城", "ja", "Rupan Sansei: Kariosutoro no Shiro")),
    ("{{Infobox name module\n| hangul = 탈주\n| rr = Talju\n}}", ("탈주", "ko", "Talju")),
    ("{{film name|സി .ഐ . മഹാദേവൻ 5 അടി 4 ഇഞ്ച്}}", ("സി .ഐ . മഹാദേവൻ 5 അടി 4 ഇഞ്ച്", None, None)),  # C. I. Mahadevan 5 Adi 4 Inchu
    ("([[Catalan language|Catalan]]: '''''Actrius''''')", None),  # free text glossing the language is not read (Actrius)
])
def test_native_title_from_the_film_name_field(film_name: str, expected: tuple[str, str | None, str | None] | None) -> None:
    """Infobox film's 'film name' (or 'film_name') is the original-language title when it holds a template."""
    film = wikifilm.extract(f"{{{{Infobox film\n| name = X\n| film_name = {film_name}\n}}}}\n'''X''' is a film.\n")
    got = film.native_title
    assert (None if got is None else (got.text, got.lang, got.romanized)) == expected


def test_title_falls_back_to_the_page_title_without_qualifier() -> None:
    """No infobox name: the page title without '(2024 film)', with WF205."""
    film = wikifilm.extract("{{Infobox film\n| director = A\n}}\nText.\n", title="Heat (1995 film)")
    assert film.title == "Heat"
    assert "WF205" in [d.code for d in film.diagnostics]


@pytest.mark.parametrize(
    ("page_title", "expected"),
    [
        ("Escape" + " " * 20_000 + "2024", "Escape" + " " * 20_000 + "2024"),  # no qualifier: kept (read in one pass)
        ("Escape" + " " * 20_000 + "(2024 film)", "Escape"),
        ("Heat (1995 film) (film)", "Heat (1995 film)"),
        ("Heat (1995 film))", "Heat (1995 film))"),
    ],
)
def test_page_title_qualifier_after_a_long_run_of_blanks(page_title: str, expected: str) -> None:
    """Only a closing '(… film)' qualifier goes, however many blanks stand before it."""
    film = wikifilm.extract("{{Infobox film\n| director = A\n}}\nText.\n", title=page_title)
    assert film.title == expected


def test_places_with_long_runs_of_blanks(seed_text: str) -> None:
    """A plain-text country and language value holding 20,000 blanks: the places it names, blanks collapsed."""
    text = seed_text.replace("- Country: South Korea", "- Country: South" + " " * 20_000 + "Korea, India", 1)
    text = text.replace("- Language: Korean", "- Language: Hindi" + " " * 20_000 + "language / Tamil", 1)
    film = wikifilm.extract(text)
    assert film.countries == ("South Korea", "India")
    assert film.languages == ("Hindi", "Tamil")


def test_no_infobox_is_a_diagnostic_and_empty_fields() -> None:
    """An article with no infobox: empty fields, WF201."""
    film = wikifilm.extract("Just text.\n", title="X")
    assert film.directors == () and film.runtime_minutes is None
    assert "WF201" in [d.code for d in film.diagnostics]


def test_television_infobox_is_not_read_as_a_film() -> None:
    """Matlock (TV series): WF206 and no film fields."""
    film = wikifilm.extract(article_text("Matlock_(TV_series)"), title="Matlock (TV series)")
    assert film.directors == () and "WF206" in [d.code for d in film.diagnostics]


@given(st.text(max_size=200))
def test_extract_never_raises_on_any_text(text: str) -> None:
    """Any text at all gives a Film whose dict is JSON-ready."""
    import json

    film = wikifilm.extract(text)
    json.dumps(film.to_dict())


@given(st.text(max_size=80))
def test_cast_and_soundtrack_parsers_never_raise(text: str) -> None:
    """Arbitrary lines parse or are declined, never raise."""
    parse_cast_line(text)
    parse_soundtrack_item(text)


@pytest.mark.parametrize(("line", "expected"), [
    ("Angie Dickinson ... Dr. Layle Johnson", (["Angie Dickinson"], "Dr. Layle Johnson")),  # The Resurrection of Zachary Wheeler
    ("David Hobbs as David Hobbscap. Jacques Villeneuve voiced the character in the French dubbing", (["David Hobbs"], "David Hobbscap")),
    ("Eric Close as Ltc. Jacobsen", (["Eric Close"], "Ltc. Jacobsen")),  # Indivisible: a rank not in the word list
    ("Ann Lee as Pvt. Bo Kim. She dies in the first reel", (["Ann Lee"], "Pvt. Bo Kim")),
    ("Ann Lee as Jacobsen. He dies in the first reel", (["Ann Lee"], "Jacobsen")),
])
def test_cast_line_forms_from_unseen_articles(line: str, expected: tuple[list[str], str | None]) -> None:
    """IMDb-style '...' lines, and roles followed by another sentence (Cars 2)."""
    assert parse_cast_pairs(line) == [expected]


@given(st.lists(st.sampled_from([
    "{{Infobox film\n", "| name = ", "| director = ", "| budget = ", "| gross = ", "| released = ", "| runtime = ",
    "{{Film date|", "{{ubl|", "{{Plainlist|\n* ", "[[A|B]]", "<br />", "<ref>x</ref>", "million", "$", "12", "–",
    "}}", "\n== Cast ==\n* ", " as ", "\n== Accolades ==\n{|\n! Award !! Category !! Result\n|-\n| ", " || ", "\n|}\n",
    "\n== Soundtrack ==\n* ", "'s ", "'''", "\n", "Kim Sung-an", "Lee Gang-hee",
    # constructs read since the third hand-checked set: song tables, results listed under a ceremony, #expr,
    # region lists, a lead's language bracket, Film date month names, linked names side by side
    "\n== Soundtrack ==\n{|\n! Track !! Song !! Singer(s)\n|-\n| ", "| extra_column = Singer(s)\n", "{{Track listing\n| title1 = ",
    "\n==Awards==\n* Ceremony (1987)\n** ", "Won: ", "Nominated – ", "{{#expr:", "+13.3 round 0", "1/0", "{{English anime licensor|NA=",
    "(Italian: ", "''", "August", "|film_name = {{native name|es|", "[[Ann Lee]] [[Bo Kim]]", "—", ", and others.", "||",
]), max_size=40).map("".join))
def test_extract_never_raises_on_infobox_shaped_markup(text: str) -> None:
    """Markup-dense input shaped like film articles: a record always comes out, JSON-ready."""
    import json

    json.dumps(wikifilm.extract(text, format="wikitext").to_dict())


def test_no_infobox_key_fills_two_record_fields() -> None:
    """The key-to-field index relies on each infobox key belonging to one record field."""
    from wikifilm.normalize.assemble import FIELD_NAMES

    keys = [key for keys in FIELD_NAMES.values() for key in keys]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("name", ["Track listing", "Template:Track listing", "template:track_listing"])
def test_track_listing_is_read_however_its_name_is_written(name: str) -> None:
    """``{{Template:Track listing|...}}`` is the same template as ``{{Track listing|...}}`` (issue 11)."""
    text = f"== Soundtrack ==\n{{{{{name}\n| title1 = Song A\n| music1 = Bo Kim\n| title2 = Song B\n}}}}\n"
    film = wikifilm.extract(text)
    assert [(item.composer, item.work) for item in film.soundtrack] == [("Bo Kim", "Song A"), (None, "Song B")]


def test_a_name_nested_in_41_templates_has_no_stray_braces() -> None:
    """``{{nowrap|`` 41 deep around a director: the name, not ``John Smith}}}}...`` (issue 11)."""
    text = "{{Infobox film\n| director = " + "{{nowrap|" * 41 + "[[John Smith]]" + "}}" * 41 + "\n}}\n"
    assert [person.name for person in wikifilm.extract(text).directors] == ["John Smith"]


@pytest.mark.parametrize(("lead", "expected"), [
    ("'''''The Knights of the Quest''''' (Italian: \"''I Cavalieri che fecero l'impresa''\") is a 2001 film.",
     ("I Cavalieri che fecero l'impresa", "it")),
    ("'''''Actresses''''' ([[Catalan language|Catalan]]: '''''Actrius''''') is a 1997 film.", ("Actrius", "ca")),
    ("'''''X''''' (Hindi: हम साथ-साथ हैं, lit. 'We stand together') is a film.", ("हम साथ-साथ हैं", "hi")),
    ("'''''X''''' (English: ''Y'') is a film.", None),  # an English gloss
    ("'''''X''''' (also known as ''Y'') is a film.", None),
])
def test_native_title_in_a_lead_bracket(lead: str, expected: tuple[str, str] | None) -> None:
    """A lead giving the original title in brackets after its language, with no template marking it."""
    film = wikifilm.extract("{{Infobox film\n| name = X\n}}\n" + lead + "\n")
    got = film.native_title
    assert (None if got is None else (got.text, got.lang)) == expected
