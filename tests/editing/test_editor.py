"""The editor: changes by meaning, written in the article's style, touching only their spans.

Expected lines were written by reading the articles (tests/fixtures/articles, the seed).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import article_text
from wikifilm import extract
from wikifilm.editing import EditError, edit
from wikifilm.record import Money, PartialDate

SMALL = """{{Infobox film
| name     = Foo
| director = [[Ann Lee]]<br />[[Bo Kim]]
| starring = {{Plainlist|
* [[Cy Park]]
* Di Moon
}}
| studio   = {{ubl|[[Alpha Films]]|Beta Pictures}}
| budget   =
| runtime  = 90 minutes<!-- theatrical -->
}}
'''Foo''' is a film by [[Ann Lee]].
"""


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    """The pairs of lines that differ (both texts must have as many lines)."""
    old, new = before.splitlines(), after.splitlines()
    assert len(old) == len(new)
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def test_seed_rename_changes_exactly_the_lines_with_that_spelling(seed_text: str) -> None:
    editor = edit(seed_text).rename_person("Lee Gang-hee", "Lee Kang-hee")
    assert changed_lines(seed_text, editor.text) == [
        ("| Best Editing | Lee Gang-hee | | |", "| Best Editing | Lee Kang-hee | | |"),
    ]
    film = extract(editor.text)
    spellings = {ref.name for award in film.accolades for ref in award.nominees} | {ref.name for ref in film.editing}
    assert "Lee Gang-hee" not in spellings
    person = next(person for person in film.people if "Lee Kang-hee" in person.variants)
    assert person.variants == ("Lee Kang-hee",)
    assert editor.diff().count("\n-") == 1 and "+| Best Editing | Lee Kang-hee | | |" in editor.diff()


def test_editor_is_immutable_and_diff_is_empty_until_a_change(seed_text: str) -> None:
    editor = edit(seed_text)
    changed = editor.set_field("runtime", 95)
    assert editor.text == seed_text and not editor.changed and editor.diff() == ""
    assert changed.changed and changed.original == seed_text
    assert changed_lines(seed_text, changed.text) == [("- Runtime: 94 minutes", "- Runtime: 95 minutes")]
    assert extract(changed.text).runtimes[0] == 95


def test_set_field_keeps_alignment_and_comments() -> None:
    editor = edit(SMALL).set_field("runtime", 88).set_field("budget", Money(Decimal(2_500_000), "USD"))
    assert changed_lines(SMALL, editor.text) == [
        ("| budget   =", "| budget   = $2.5 million"),
        ("| runtime  = 90 minutes<!-- theatrical -->", "| runtime  = 88 minutes<!-- theatrical -->"),
    ]


def test_new_field_goes_in_template_order_in_the_article_style() -> None:
    text = article_text("Barry_Lyndon")
    editor = edit(text).set_field("narrator", "[[Michael Hordern]]")
    lines = editor.text.splitlines()
    index = lines.index("| narrator       = [[Michael Hordern]]")  # padded like the article's other keys
    assert lines[index - 1] == "}}" and lines[index + 1] == "| cinematography = [[John Alcott]]"
    assert len(lines) == len(text.splitlines()) + 1
    film = extract(editor.text)
    assert [ref.name for ref in film.narrators] == ["Michael Hordern"]


def test_dates_and_money_follow_the_article() -> None:
    text = article_text("Barry_Lyndon")  # writes {{Film date|df=y|...}} and $ amounts
    editor = edit(text).set_field("released", PartialDate(1975, 12, 18)).set_field("budget", Money(Decimal(11_000_000), "USD"))
    assert "| released       = {{Film date|df=y|1975|12|18}}" in editor.text.splitlines()
    assert "| budget         = $11 million" in editor.text.splitlines()
    film = extract(editor.text)
    assert film.budget is not None and (film.budget.amount, film.budget.currency) == (11_000_000, "USD")


def test_items_in_each_list_form() -> None:
    editor = edit(SMALL)
    plain = editor.add_item("starring", "[[Ed Oh]]")
    assert changed_lines(SMALL, plain.text.replace("* [[Ed Oh]]\n", "", 1)) == []
    assert "* Di Moon\n* [[Ed Oh]]\n}}" in plain.text
    br = editor.add_item("director", "Fay Wu")
    assert "| director = [[Ann Lee]]<br />[[Bo Kim]]<br />Fay Wu" in br.text
    ubl = editor.add_item("studio", "Gamma")
    assert "| studio   = {{ubl|[[Alpha Films]]|Beta Pictures|Gamma}}" in ubl.text
    assert [ref.name for ref in extract(ubl.text).studios] == ["Alpha Films", "Beta Pictures", "Gamma"]
    removed = editor.remove_item("director", "Ann Lee").remove_item("starring", "Di Moon").remove_item("studio", "Alpha Films")
    assert changed_lines(SMALL, removed.text.replace("* [[Cy Park]]\n", "* [[Cy Park]]\n* Di Moon\n")) == [
        ("| director = [[Ann Lee]]<br />[[Bo Kim]]", "| director = [[Bo Kim]]"),
        ("| studio   = {{ubl|[[Alpha Films]]|Beta Pictures}}", "| studio   = {{ubl|Beta Pictures}}"),
    ]


def test_remove_field_takes_its_line() -> None:
    editor = edit(SMALL).remove_field("budget")
    assert "budget" not in editor.text and len(editor.text.splitlines()) == len(SMALL.splitlines()) - 1


def test_rename_keeps_link_targets_unless_asked() -> None:
    editor = edit(SMALL).rename_person("Ann Lee", "Anne Lee")
    assert "| director = [[Ann Lee|Anne Lee]]<br />[[Bo Kim]]" in editor.text
    assert "a film by [[Ann Lee]]." in editor.text  # prose untouched unless asked
    prose = edit(SMALL).rename_person("Ann Lee", "Anne Lee", prose=True, links=True)
    assert "| director = [[Anne Lee]]<br />[[Bo Kim]]" in prose.text and "a film by [[Anne Lee]]." in prose.text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda e: e.set_field("budget", "1 | 2"), "holds a '|'"),
        (lambda e: e.set_field("budget", "{{US$|1"), "unbalanced"),
        (lambda e: e.remove_field("gross"), "no field 'gross'"),
        (lambda e: e.remove_item("starring", "Nobody"), "no item 'Nobody'"),
        (lambda e: e.add_item("starring", "Di Moon"), "already an item"),
        (lambda e: e.rename_person("Zed Zee", "Zed"), "no person"),
        (lambda e: e.rename_person("Ann Lee", "[[Anne]]"), "not a plain name"),
    ],
)
def test_unsafe_changes_are_refused(change, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(EditError, match=message.replace("|", r"\|").replace("[", r"\[")):
        change(edit(SMALL))


def test_duplicate_fields_and_missing_infobox_are_refused() -> None:
    doubled = SMALL.replace("| runtime", "| runtime  = 91\n| runtime")
    with pytest.raises(EditError, match="stands 2 times"):
        edit(doubled).set_field("runtime", 92)
    with pytest.raises(EditError, match="no film infobox"):
        edit("'''Foo''' is a film.\n").set_field("runtime", 92)


def test_a_name_linked_to_two_articles_is_refused() -> None:
    text = SMALL.replace("Di Moon", "[[Ann Lee (actress)|Ann Lee]]")
    with pytest.raises(EditError, match="links to 2 different articles"):
        edit(text).rename_person("Ann Lee", "Anne Lee")
