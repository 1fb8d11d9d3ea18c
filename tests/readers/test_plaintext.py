"""The plain-text reader on the seed article, as written (before any repair)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import wikifilm
from wikifilm.document.nodes import Document, ListBlock, PageTitle, Table
from wikifilm.document.plaintext_writer import write_plaintext
from wikifilm.document.render import check_tiling
from wikifilm.document.walk import dump
from wikifilm.readers.plaintext import FIELD, match_field


def test_seed_page_title_and_infobox_fields_in_order(seed_text: str) -> None:
    """The title line, then the infobox: its title line and 14 fields in order."""
    document = wikifilm.read(seed_text)
    assert document.format == "plaintext"
    assert isinstance(document.nodes[0], PageTitle)
    assert document.page_title == "Escape (2024 South Korean film)"
    infobox = document.infobox
    assert infobox is not None and infobox.name == "Escape"
    fields = [(field.name, field.raw(document.source)) for field in infobox.fields]
    assert fields == [
        ("Director", "Lee Jong-pil"),
        ("Writer", "Kwon Seong-hwi, Kim Woo-geun"),
        ("Producer", "Park Eun-kyung, Hong Jeong-in, Kang Dae-wook, Kim Woo-sung"),
        ("Starring", "Lee Je-hoon, Koo Kyo-hwan, Hong Xa-bin"),
        ("Cinematography", "Kim Sung-an"),
        ("Editing", "Lee Kang-hee"),
        ("Music", "Dalpalan"),
        ("Studio", "Fox International Productions, The Lamp Ltd., Eunhasu Film"),
        ("Distributor", "Plus M Entertainment"),
        ("Released", "2024-07-03"),
        ("Runtime", "94 minutes"),
        ("Country", "South Korea"),
        ("Language", "Korean"),
        ("Gross", "million"),
    ]
    studios = [item.text for item in infobox.get("Studio").items(document.source)]  # type: ignore[union-attr]
    assert studios == ["Fox International Productions", "The Lamp Ltd.", "Eunhasu Film"]


def test_seed_sections_lead_and_soundtrack_items(seed_text: str) -> None:
    """Sections Plot, Soundtrack, Accolades; the lead paragraph; four soundtrack items."""
    document = wikifilm.read(seed_text)
    assert [section.title(document.source) for section in document.sections] == ["Plot", "Soundtrack", "Accolades"]
    lead = [node for node in document.lead if type(node).__name__ == "Paragraph"]
    assert document.source[lead[0].content_span].startswith("Escape () is a 2024 South Korean action thriller film")  # type: ignore[attr-defined]
    plot = document.sections[0]
    assert sum(type(node).__name__ == "Paragraph" for node in plot.blocks) == 4
    soundtrack = next(node for node in document.sections[1].blocks if isinstance(node, ListBlock))
    assert [document.source[item.content_span] for item in soundtrack.items] == [
        "Johann Strauss II's Wener Blut Op. 354",
        "Dmitri Shostakovich's Dances of the Dolls - 1. Lyric Waltz",
        "Sergei Rachmaninoff's Prelude in G minor Op. 23 No. 5 & Piano Concerto No. 2 Op 18",
        "Frédéric Chopin's Waltz in B minor, Op. 69, No. 2",
    ]


def accolades_table(document: Document) -> Table:
    return next(node for node in document.sections[2].blocks if isinstance(node, Table))


def test_seed_accolades_table_as_written(seed_text: str) -> None:
    """A header and 9 rows (10 lines) of 4 cells, empty cells kept, row spans not expanded."""
    document = wikifilm.read(seed_text)
    table = accolades_table(document)
    rows = [[cell.content(document.source) for cell in row.cells] for row in table.rows]
    assert len(rows) == 10 and all(len(row) == 4 for row in rows)
    assert [cell.header for cell in table.rows[0].cells] == [True] * 4
    assert rows[0] == ["Award ceremony", "Year", "Category", "Nominee"]
    assert rows[1] == ["Baeksang Arts Awards", "2025", "Best Director", "Lee Jong-pil"]
    assert rows[2] == ["Best Supporting Actor", "Koo Kyo-hwan", "", ""]
    assert rows[3] == ["Blue Dragon Film Awards", "2024", "Best Director", "Lee Jong-pil"]
    assert rows[7] == ["Best Cinematography and Lighting", "Kim Sung-an and Lee Seung-bin", "", ""]
    assert rows[9] == ["Best Music", "Dalpalan", "", ""]


def test_nested_plaintext_lists_by_indentation() -> None:
    """Two spaces of indentation nest a '- ' item under the one above."""
    document = wikifilm.read("== Music ==\n- a\n  - b\n- c\n", format="plaintext")
    block = next(node for node in document.sections[0].blocks if isinstance(node, ListBlock))
    assert [document.source[item.content_span] for item in block.items] == ["a", "c"]
    assert [document.source[item.content_span] for item in block.items[0].sublists[0].items] == ["b"]


def test_row_not_closed_by_a_pipe_is_a_paragraph_with_a_diagnostic() -> None:
    """A line starting with '|' but not ending with one is kept as text, with WF106."""
    document = wikifilm.read("== A ==\n| a | b\n", format="plaintext")
    assert [diagnostic.code for diagnostic in document.diagnostics] == ["WF106"]


def test_unbalanced_heading_is_a_paragraph_and_reading_ends() -> None:
    """'== x ===' is not a heading; it is read as a paragraph (this once looped forever)."""
    text = "a\n== x ===\nb\n"
    document = wikifilm.read(text, format="plaintext")
    assert document.render() == text
    assert document.sections == ()


def test_list_indented_less_than_its_first_line_keeps_every_line() -> None:
    """A list whose first line is indented deeper than a later one is still one list: the first
    line opens a list inside it (this once dropped everything after the first line)."""
    text = "= T =\n\n  - Runtime: 90\n- Budget: x\n  - Runtime: 90\n"
    document = wikifilm.read(text)
    assert document.format == "plaintext"
    assert document.render() == text
    check_tiling(document)
    assert dump(document) == (
        "Document [0:51]\n"
        "  PageTitle [0:6] title='T'\n"
        "  Trivia [6:7] '\\\\n'\n"
        "  ListBlock [7:51]\n"
        "    ListBlock [7:23]\n"
        "      ListItem [7:23] - 'Runtime: 90'\n"
        "        Markup [7:11] '  - '\n"
        "        Text [11:23] 'Runtime: 90\\\\n'\n"
        "    ListItem [23:51] - 'Budget: x'\n"
        "      Markup [23:25] '- '\n"
        "      Text [25:35] 'Budget: x\\\\n'\n"
        "      ListBlock [35:51]\n"
        "        ListItem [35:51] - 'Runtime: 90'\n"
        "          Markup [35:39] '  - '\n"
        "          Text [39:51] 'Runtime: 90\\\\n'\n"
    )


def test_a_list_indented_thousands_deep_reads_without_recursion() -> None:
    """3,000 lines each indented one space deeper: lists nest 100 deep (deeper lines are items of
    the deepest list), built with no recursion, and the tree can be compared and written out."""
    text = "".join(" " * depth + "- x\n" for depth in range(3000))
    document = wikifilm.read(text, format="plaintext")
    assert document.render() == text
    check_tiling(document)
    depth, node = 0, document.nodes[0]
    while True:
        assert isinstance(node, ListBlock)
        depth += 1
        if not node.items[0].sublists:
            break
        node = node.items[0].sublists[0]
    assert depth == 100 and len(node.items) == 3000 - 99
    assert document.nodes == wikifilm.read(text, format="plaintext").nodes
    write_plaintext(document)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["-", " ", "\t", "Key", "a", ":", "\n", "\r", "\x85", "x y", ": ", "-\t"]), max_size=10).map("".join))
def test_field_matcher_agrees_with_the_field_regex(rest: str) -> None:
    """match_field finds the key and value FIELD's groups find, on any mix of blanks, colons and breaks."""
    for line in (rest, "- K" + rest):
        match = FIELD.match(line)
        assert match_field(line) == ((match.start(1), match.end(1), match.start(2), match.end(2)) if match else None)


def test_a_field_value_with_a_long_run_of_blanks_reads_in_one_pass() -> None:
    """'- Key: x', 20,000 spaces, 'y' once took minutes: FIELD's lazy value rescanned the blanks."""
    text = "- Key: x" + " " * 20000 + "y\n"
    document = wikifilm.read(text)
    assert document.format == "plaintext" and document.render() == text
    assert document.infobox is not None
    assert document.infobox.fields[0].raw(document.source) == text[7:-1]
