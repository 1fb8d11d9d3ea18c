"""People and companies from infobox fields: list templates, separators, notes, links."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wikifilm
from tests.normalize.helpers import field_of
from wikifilm.normalize.people import _LABEL, _unlabelled, clean_name, normalize_companies, normalize_people


def people(value: str) -> list[tuple[str, str | None]]:
    source, field = field_of("starring", value)
    return [(ref.name, ref.link) for ref in normalize_people(source, field)]


def companies(value: str) -> list[tuple[str, str | None]]:
    source, field = field_of("studio", value)
    return [(ref.name, ref.link) for ref in normalize_companies(source, field)]


@pytest.mark.parametrize(("value", "expected"), [
    ("[[Ventura Pons]]", [("Ventura Pons", "Ventura Pons")]),
    ("{{ubl|[[Núria Espert]]|[[Rosa Maria Sardà]]}}", [("Núria Espert", "Núria Espert"), ("Rosa Maria Sardà", "Rosa Maria Sardà")]),
    ("{{Plainlist|\n* [[Ryan O'Neal]]\n* [[Patrick Magee (actor)|Patrick Magee]]\n}}", [("Ryan O'Neal", "Ryan O'Neal"), ("Patrick Magee", "Patrick Magee (actor)")]),
    ("{{Plain list|\n* A B\n* C D\n}}", [("A B", None), ("C D", None)]),
    ("{{hlist|A B|C D}}", [("A B", None), ("C D", None)]),
    ("{{flatlist|\n* A B\n* C D\n}}", [("A B", None), ("C D", None)]),
    ("[[A B]]<br />[[C D]]<br/>E F", [("A B", "A B"), ("C D", "C D"), ("E F", None)]),
    ("\n* A B\n* C D", [("A B", None), ("C D", None)]),
    ("A B, C D and E F", [("A B", None), ("C D", None), ("E F", None)]),
    ("A B & C D", [("A B", None), ("C D", None)]),
    ("A B<ref>cite</ref><!-- c -->{{efn|note}}{{sfn|x|2000}}", [("A B", None)]),
    ("''A B'' (uncredited)", [("A B", None)]),
    ("{{nowrap|A B}}", [("A B", None)]),
    ("'''Dialogues:'''<br />{{plainlist|\n* [[Prashanth Neel]]\n* Chandramouli M\n}}", [("Prashanth Neel", "Prashanth Neel"), ("Chandramouli M", None)]),  # K.G.F writer
    ("[[Sam Raimi]]<br>[[Scott Spiegel]]", [("Sam Raimi", "Sam Raimi"), ("Scott Spiegel", "Scott Spiegel")]),
    ("David Wilson / National Film Board", [("David Wilson", None), ("National Film Board", None)]),  # The Company of Strangers
    ("[[Beirne Lay, Jr.]]", [("Beirne Lay, Jr.", "Beirne Lay, Jr.")]),  # Strategic Air Command
    ("[[Coen brothers|Joel Coen<br />Ethan Coen]]", [("Joel Coen", None), ("Ethan Coen", None)]),  # The Ballad of Buster Scruggs
])
def test_people_lists(value: str, expected: list[tuple[str, str | None]]) -> None:
    """Names as shown, link targets when linked, notes and footnotes removed."""
    assert people(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("[[Hawk Films]]<br />Peregrine Productions", [("Hawk Films", "Hawk Films"), ("Peregrine Productions", None)]),
    ("[[Warner Bros.]]", [("Warner Bros.", "Warner Bros.")]),
    ("Excel Entertainment & AA Films", [("Excel Entertainment & AA Films", None)]),
    ("Warner Bros. Pictures, Inc.", [("Warner Bros. Pictures, Inc.", None)]),
    ("{{ubl|KRG Studios {{Small|(Kannada)}}|[[Excel Entertainment]]}}", [("KRG Studios", None), ("Excel Entertainment", "Excel Entertainment")]),
])
def test_company_lists_do_not_split_on_and(value: str, expected: list[tuple[str, str | None]]) -> None:
    """Companies split at list items and commas, never inside a name at '&' or 'and'."""
    assert companies(value) == expected


@given(st.text(max_size=60))
def test_any_text_never_raises(text: str) -> None:
    """Arbitrary field text gives a (possibly empty) list."""
    clean_name(text)
    source, field = field_of("starring", text.replace("{", "").replace("}", "").replace("|", ""))
    assert isinstance(normalize_people(source, field), tuple)


@given(st.lists(st.sampled_from([*"aA dnwith,;&/:-–—….\t()", "and", "with", "AND", "..."]), max_size=30).map("".join))
def test_separator_shortcuts_skip_only_texts_without_a_separator(text: str) -> None:
    """The cheap checks that skip a split never skip a text the split would cut."""
    from wikifilm.normalize.cast import _DASH, _MAY_DASH
    from wikifilm.normalize.people import _COMPANY_SEPARATOR, _MAY_SEPARATE, _PEOPLE_SEPARATOR

    if not _MAY_SEPARATE.search(text):
        assert _PEOPLE_SEPARATOR.split(text) == [text]
        assert _COMPANY_SEPARATOR.split(text) == [text]
    if not _MAY_DASH.search(text):
        assert _DASH.split(text, maxsplit=1) == [text]


@given(st.lists(st.sampled_from([*"ab ,;&/:-–—….\t", "  ", "and", "with", "AND", "Jr", "II", "..."]), max_size=14).map("".join))
def test_separators_split_as_their_plain_forms(text: str) -> None:
    """The separator regexes, written for speed, split exactly as their plain leading-space forms."""
    import re

    from wikifilm.normalize.cast import _DASH
    from wikifilm.normalize.people import _PEOPLE_SEPARATOR

    people = re.compile(
        r"\s*(?:,(?!\s*(?:Jr|Sr|Jnr|Snr|II|III|IV)\b)\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*|;\s*|\s+/\s+|\s+with\s+)", re.IGNORECASE
    )
    dash = re.compile(r"\s+[–—-]+\s+|\s*:\s+|\s*(?:\.{3,}|…)\s*")
    assert _PEOPLE_SEPARATOR.split(text) == people.split(text)
    assert _DASH.split(text, maxsplit=1) == dash.split(text, maxsplit=1)


@given(st.text(alphabet=st.sampled_from(list("ab yBY:' \tSscreenplay")), max_size=40) | st.text(max_size=30))
def test_label_removal_skips_only_texts_no_label_can_match(text: str) -> None:
    """The quick ``:``/``by`` test before the label pattern never changes what it removes."""
    assert _unlabelled(text) == _LABEL.sub("", text)


@given(st.lists(st.sampled_from([
    "and", "&", "with", "by", "see below", "various", "uncredited", "UNCREDITED", "n/a", "na", "none", "tba", "tbd",
    "unknown", "other", "others", "et al", "et al.", " ", ".", "x",
]), max_size=4).map("".join))
def test_no_text_longer_than_the_longest_non_name_is_a_non_name(text: str) -> None:
    """``iter_names`` skips the non-name pattern for longer names: nothing longer matches it."""
    from wikifilm.normalize.people import _LONGEST_NOT_A_NAME, _NOT_A_NAME

    if _NOT_A_NAME.match(text):
        assert len(text) <= _LONGEST_NOT_A_NAME


@pytest.mark.parametrize("depth", [1, 41, 60, 100])
def test_nested_templates_in_a_person_field(depth: int) -> None:
    """A name inside many nested templates (41 left 'John Smith}}}}...' or braces alone) reads as the name."""
    for template in ("nowrap", "small"):
        value = f"{{{{{template}|" * depth + "[[John Smith]]" + "}}" * depth
        source, field = field_of("director", value)
        assert [(ref.name, ref.link) for ref in normalize_people(source, field)] == [("John Smith", "John Smith")]


@pytest.mark.parametrize("depth", [101, 200])
def test_templates_nested_past_the_reader_leave_no_debris_as_a_name(depth: int) -> None:
    """Past the depth the plain-text reader renders, the remains of the templates are never given as a name."""
    source, field = field_of("director", "{{nowrap|" * depth + "John Smith" + "}}" * depth)
    assert all("{" not in ref.name and "}" not in ref.name for ref in normalize_people(source, field))


@pytest.mark.parametrize(("depth", "codes"), [(100, []), (101, ["WF208"]), (3000, ["WF208"])])
def test_a_value_nested_past_the_limit_is_reported(depth: int, codes: list[str]) -> None:
    """A director nested 101 templates deep is not read, and WF208 says so at the value; 100 deep is read."""
    value = "{{nowrap|" * depth + "[[John Smith]]" + "}}" * depth
    film = wikifilm.extract(f"{{{{Infobox film\n| director = {value}\n| country = {value.replace('John Smith', 'India')}\n}}}}\n")
    assert [person.name for person in film.directors] == ([] if codes else ["John Smith"])
    assert list(film.countries) == ([] if codes else ["India"])
    found = [(d.code, d.field, d.span) for d in film.diagnostics if d.code == "WF208"]
    start = len("{{Infobox film\n| director = ")
    assert [(code, field) for code, field, _ in found] == [(code, field) for code in codes for field in ("directors", "countries")]
    if codes:
        assert found[0][2] is not None and (found[0][2].start, found[0][2].end) == (start, start + len(value))


def test_second_name_found_after_the_first() -> None:
    """'Jo Ann Lee and Ann Lee': the second director's span is the second name, not the end of the first."""
    source, field = field_of("director", "Jo Ann Lee and Ann Lee")
    refs = normalize_people(source, field)
    assert [(ref.name, source[ref.span]) for ref in refs if ref.span] == [("Jo Ann Lee", "Jo Ann Lee"), ("Ann Lee", "Ann Lee")]
    assert refs[1].span is not None and refs[0].span is not None and refs[1].span.start == refs[0].span.start + len("Jo Ann Lee and ")


_NAMES = st.sampled_from(["Ann Lee", "Jo Ann Lee", "Lee", "Ann", "Bo Kim", "Bo", "Kim Bo", "Lee Ann"])
_LINKED = st.tuples(_NAMES, st.booleans()).map(lambda pair: f"[[{pair[0]}]]" if pair[1] else pair[0])
_SEPARATORS = st.sampled_from([", ", " and ", " & ", "<br />", "; ", "<br>\n"])


@given(st.lists(st.tuples(_LINKED, _SEPARATORS), min_size=1, max_size=8), st.booleans())
def test_every_name_span_slices_the_source_to_the_name(parts: list[tuple[str, str]], as_companies: bool) -> None:
    """Each person's (or company's) span slices the source to the name as read, in the order the names are written."""
    if as_companies:  # companies split at list items, commas and semicolons only: their names hold 'and' and '&'
        parts = [(name, separator) for name, separator in parts if separator not in (" and ", " & ")] or [("Bo", "")]
    value = "".join(name + separator for name, separator in parts)[: len("".join(name + separator for name, separator in parts)) - len(parts[-1][1])]
    source, field = field_of("studio" if as_companies else "director", value)
    refs = (normalize_companies if as_companies else normalize_people)(source, field)
    spans = [ref.span for ref in refs]
    assert all(span is not None and source[span] == ref.name for ref, span in zip(refs, spans, strict=True))
    assert all(a is not None and b is not None and a.end <= b.start for a, b in itertools.pairwise(spans))


def test_companies_listed_by_region_are_each_read() -> None:
    """The Adventures of Milo and Otis: a region template lists the US distributors, one per line."""
    value = "[[Toho]]<br>{{English manga publisher|US=[[Columbia Pictures]]<br>[[Triumph Films|Triumph Releasing Corporation]]}}"
    source, field = field_of("distributor", value)
    refs = normalize_companies(source, field)
    assert [(ref.name, ref.link) for ref in refs] == [
        ("Toho", "Toho"), ("Columbia Pictures", "Columbia Pictures"), ("Triumph Releasing Corporation", "Triumph Films"),
    ]
    assert all(ref.span is not None and source.text[ref.span.start : ref.span.end] == ref.name for ref in refs[:2])


@pytest.mark.parametrize(("value", "reported"), [
    ("[[Toho]]<br>{{Licensed in|US=[[Columbia Pictures]]}}", ["Licensed in"]),  # an unknown wrapper: its names are not read
    ("[[Toho]]{{efn|Through [[Columbia Pictures]] in the US}}", []),  # a footnote's links are no content
    ("[[Toho]]<ref>{{cite web|publisher=[[Variety]]}}</ref>", []),
    ("{{ubl|[[Toho]]|[[Columbia Pictures]]}}", []),
    ("{{Licensed in|US=Columbia Pictures}}", []),  # no link: nothing is said to be lost
])
def test_links_in_a_template_the_reader_does_not_render_are_reported(value: str, reported: list[str]) -> None:
    """WF209 at the template, naming it, for a people or company field; footnotes and known templates say nothing."""
    film = wikifilm.extract(f"{{{{Infobox film\n| distributor = {value}\n}}}}\n")
    found = [d for d in film.diagnostics if d.code == "WF209"]
    assert [d.message.split("{{", 1)[1].split("}}", 1)[0] for d in found] == reported
    assert all(d.field == "distributors" and d.span is not None for d in found)
