"""Pathological input is read whole, keeps every character, and says what it found (its speed: bench/scaling.py)."""

from __future__ import annotations

import wikifilm
from tests.conftest import article_text


def read_all(text: str) -> wikifilm.Document:
    """Read ``text``. No wall-clock limit is asserted: a shared machine makes those flaky, and
    bench/scaling.py measures how the time grows with the input."""
    return wikifilm.read(text)


def test_five_thousand_nested_open_braces() -> None:
    """5,000 unclosed '{{' stay text, with one WF103 diagnostic; linear, not quadratic."""
    text = "{{" * 5000 + "x\n" + "a}}\n"
    document = read_all(text)
    assert document.render() == text
    assert [diagnostic.code for diagnostic in document.diagnostics] == ["WF103"]
    assert "4999" in document.diagnostics[0].message


def test_five_thousand_nested_balanced_templates() -> None:
    """Deep nesting that does close is one block template."""
    text = "{{a|" * 5000 + "}}" * 5000 + "\n"
    document = read_all(text)
    assert document.render() == text
    film = wikifilm.extract(document)
    assert film.title is None


def test_deep_templates_where_the_record_reads_them() -> None:
    """3,000 nested templates in a people field, a based-on field and a cast line: no RecursionError."""
    deep = "{{small|" * 3000 + "Jane Doe" + "}}" * 3000
    text = f"{{{{Infobox film\n| director = {deep}\n| based_on = {{{{based on|{deep}}}}}\n}}}}\n== Cast ==\n* {deep} as X\n"
    film = wikifilm.extract(text, title="Deep")
    assert film.page_title == "Deep"


def test_unclosed_table_ends_at_the_next_heading_with_a_diagnostic() -> None:
    """A '{|' with no '|}' ends where its section does, with WF104."""
    text = "== A ==\n{|\n! h\n|-\n| c\n== B ==\ntext\n"
    document = read_all(text)
    assert document.render() == text
    assert [diagnostic.code for diagnostic in document.diagnostics] == ["WF104"]
    assert [section.title(document.source) for section in document.sections] == ["A", "B"]


def test_two_megabyte_article() -> None:
    """A 2 MB article (real text repeated) reads whole; its time per KB is bench/scaling.py's to measure."""
    text = article_text("Ghostbusters_II") * 14
    assert len(text) > 2_000_000
    document = read_all(text)
    assert document.render() == text
    film = wikifilm.extract(document)
    assert film.directors[0].name == "Ivan Reitman"


def test_unclosed_comment_runs_to_the_end() -> None:
    """An unclosed '<!--' is one comment to the end, with WF105."""
    text = "a\n<!-- never closed\n== H ==\n"
    document = read_all(text)
    assert document.render() == text
    assert "WF105" in [diagnostic.code for diagnostic in document.diagnostics]


def test_nul_bytes_fall_back_to_the_python_tokenizer() -> None:
    """NUL truncates mwparserfromhell's C tokenizer; inline parsing falls back and keeps the text."""
    from wikifilm.markup.parser import parse_wikicode

    code, outcome = parse_wikicode("a\x00b [[c]]")
    assert str(code) == "a\x00b [[c]]"
    assert outcome == "fallback"


def test_many_unclosed_nested_tables_are_one_node() -> None:
    """20,000 '{|' lines after a plot heading: one table (WF104), whose nested tables are one text node."""
    text = "==Plot==\n" + "{|\n" * 20_000 + "== Cast ==\n* [[Ann Lee]] as Bo\n"
    document = read_all(text)
    assert document.render() == text
    table = document.sections[0].blocks[0]
    assert isinstance(table, wikifilm.document.nodes.Table)
    assert [type(node).__name__ for node in table.nodes] == ["Markup", "Text"]
    assert table.nodes[1].span.end == len(text)  # a nested table never closed runs to the end, heading included
    assert [diagnostic.code for diagnostic in document.diagnostics] == ["WF104"]


def test_nested_table_lines_are_one_piece_of_the_outer_table() -> None:
    """A nested table before the first row is one text node from its '{|' to its '|}', then the rows follow."""
    text = "{|\n{|\n| a\n|}\n|-\n| b\n|}\n"
    document = read_all(text)
    table = document.nodes[0]
    assert isinstance(table, wikifilm.document.nodes.Table)
    assert [(type(node).__name__, text[node.span.start : node.span.end]) for node in table.nodes] == [
        ("Markup", "{|\n"), ("Text", "{|\n| a\n|}\n"), ("TableRow", "|-\n| b\n"), ("Markup", "|}\n"),
    ]
    assert [cell.content(document.source) for cell in table.rows[0].cells] == ["b"]


def test_a_cast_line_of_many_comment_openers_is_one_unclosed_comment() -> None:
    """100,000 '<!--' in a cast line: one comment to the end (WF105); the cast line before it is read."""
    text = "== Cast ==\n* [[Ann Lee]] as Bo\n* " + "<!--" * 100_000 + "\n"
    document = read_all(text)
    assert document.render() == text
    assert [diagnostic.code for diagnostic in document.diagnostics] == ["WF105"]
    film = wikifilm.extract(document)
    assert [(member.actor.name, member.role) for member in film.cast] == [("Ann Lee", "Bo")]


def test_cast_lines_inside_an_unclosed_comment_are_not_read() -> None:
    """A cast line after an unclosed '<!--' is hidden to the end of the page, so it names no cast member."""
    film = wikifilm.extract("== Cast ==\n* [[Ann Lee]] as Bo\n* <!-- x\n* [[Cy Dee]] as Ed\n")
    assert [(member.actor.name, member.role) for member in film.cast] == [("Ann Lee", "Bo")]
