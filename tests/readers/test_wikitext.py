"""The wikitext reader on real articles: infobox fields, section trees and table grids, checked by reading the articles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikifilm
from tests.conftest import article_text
from tests.strategies import markup_lines
from wikifilm.document.nodes import (
    Document,
    Infobox,
    ListBlock,
    ListItem,
    Section,
    Table,
    TableCell,
    Template,
    iter_nodes,
)
from wikifilm.document.plaintext_writer import write_plaintext
from wikifilm.document.render import check_tiling
from wikifilm.document.walk import dump
from wikifilm.readers.film_article import is_film_infobox
from wikifilm.readers.wikitext import _ATTR_SPLIT, MAX_LIST_DEPTH, _BlockReader, _stripped
from wikifilm.span import Source


def read(stem: str) -> Document:
    return wikifilm.read(article_text(stem), format="wikitext", name=stem)


def titles(sections: tuple[Section, ...], document: Document) -> list[str]:
    return [section.title(document.source).strip() for section in sections]


def first_table(document: Document, heading: str) -> Table:
    section = document.find_sections(heading)[0]
    return next(node for node in section.nodes if isinstance(node, Table))


def grid_text(document: Document, table: Table) -> list[list[str | None]]:
    return [[cell.plain(document.source) if cell else None for cell in row] for row in table.grid()]


def test_actrius_infobox_fields_in_order_with_raw_values() -> None:
    """Actrius: 24 fields in source order; raw values as written; empty values stay empty."""
    document = read("Actrius")
    infobox = document.infobox
    assert infobox is not None and infobox.name == "Infobox film"
    names = [field.name for field in infobox.fields]
    assert names == [
        "name", "image", "alt", "caption", "film name", "director", "producer", "writer", "screenplay", "story",
        "based on", "starring", "narrator", "music", "cinematography", "editing", "production companies",
        "distributor", "released", "runtime", "country", "language", "budget", "gross",
    ]
    source = document.source
    assert infobox.get("director") is not None
    assert infobox.get("director").raw(source) == "[[Ventura Pons]]"  # type: ignore[union-attr]
    assert infobox.get("runtime").raw(source) == "100 minutes"  # type: ignore[union-attr]
    assert infobox.get("budget") is None  # empty value
    starring = infobox.get("starring").items(source)  # type: ignore[union-attr]
    assert [(item.text, item.link) for item in starring] == [
        ("Núria Espert", "Núria Espert"), ("Rosa Maria Sardà", "Rosa Maria Sardà"),
        ("Anna Lizaran", "Anna Lizaran"), ("Mercè Pons", "Mercè Pons"),
    ]
    assert titles(document.sections, document) == ["Synopsis", "Cast", "Recognition", "References", "External links"]


def test_barry_lyndon_section_tree_and_plainlist_and_br_items() -> None:
    """Barry Lyndon: nested sections; Plainlist starring; <br>-separated studios."""
    document = read("Barry_Lyndon")
    assert titles(document.sections, document) == [
        "Plot", "Cast", "Production", "Certifications", "Box office and reception", "Source novel", "See also",
        "Notes", "References", "Further reading", "External links",
    ]
    plot = document.sections[0]
    assert titles(plot.subsections, document) == ["Part I", "Part II", "Epilogue"]
    reception = document.sections[4]
    assert titles(reception.subsections, document) == ["Contemporaneous", "Re-evaluation", "Awards", "Cinematic analysis"]
    infobox = document.infobox
    assert infobox is not None
    starring = [item.text for item in infobox.get("starring").items(document.source)]  # type: ignore[union-attr]
    assert starring == ["Ryan O'Neal", "Marisa Berenson", "Patrick Magee", "Hardy Krüger", "Diana Koerner", "Gay Hamilton"]
    studios = [item.text for item in infobox.get("studio").items(document.source)]  # type: ignore[union-attr]
    assert studios == ["Hawk Films", "Peregrine Productions"]


def test_barry_lyndon_awards_grid_expands_row_and_nominee_rowspans() -> None:
    """Academy Awards spans 7 rows and Stanley Kubrick 3, so both repeat in the grid."""
    document = read("Barry_Lyndon")
    table = first_table(document, "Awards")
    grid = grid_text(document, table)
    assert grid[0] == ["Award", "Category", "Recipient", "Result"]
    assert grid[1] == ["Academy Awards", "Best Picture", "Stanley Kubrick", "Nominated"]
    assert grid[2] == ["Academy Awards", "Best Director", "Stanley Kubrick", "Nominated"]
    assert grid[4] == ["Academy Awards", "Best Art Direction", "Ken Adam, Roy Walker and Vernon Dixon", "Won"]
    first = table.rows[1].cells[0]
    assert first.header and first.rowspan == 7


def test_kgf_grid_with_year_and_ceremony_rowspans() -> None:
    """K.G.F: rowspan=2 year and ceremony cells fill the next row."""
    document = read("K.G.F%3A_Chapter_1")
    grid = grid_text(document, first_table(document, "Accolades"))
    assert grid[0][:5] == ["Year", "Ceremony", "Category", "Recipient(s) and nominee(s)", "Result"]
    assert grid[1][:5] == ["2018", "Karnataka State Film Awards", "Best Music Director", "Ravi Basrur", "Won"]
    assert grid[2][:5] == ["2018", "Karnataka State Film Awards", "Best Art Director", "Shiva Kumar K", "Won"]
    assert grid[3][:5] == ["2019", "Zee Kannada Hemmeya Kanndiga Awards", "Best Film", "K.G.F", "Won"]


def test_rush_table_with_a_title_row_above_the_header() -> None:
    """Rush: a colspan=5 'Awards' title row, then the real header; BAFTA spans four rows."""
    document = read("Rush_(2013_film)")
    table = first_table(document, "Accolades")
    grid = grid_text(document, table)
    assert grid[0] == ["Awards"] * 5
    assert grid[1][:4] == ["Award", "Category", "Recipients and nominees", "Result"]
    assert grid[3][:4] == ["British Academy Film Awards", "Outstanding British Film", "", "Nominated"]
    assert grid[4][:4] == ["British Academy Film Awards", "Best Supporting Actor", "Daniel Brühl", "Nominated"]


def test_rush_film_date_with_four_places() -> None:
    """Rush's Film date lists London, UK, US and Germany: the plain value has one line each."""
    document = read("Rush_(2013_film)")
    released = document.infobox.get("released")  # type: ignore[union-attr]
    assert released is not None
    assert released.plain(document.source).splitlines() == [
        "2013-09-02 (London)", "2013-09-13 (United Kingdom)", "2013-09-27 (United States)", "2013-10-03 (Germany)",
    ]


def test_hum_saath_cells_with_attributes_before_a_result_template() -> None:
    """Hum Saath-Saath Hain: '| rowspan="1" {{nom}}' has no separating pipe, so it is all content."""
    document = read("Hum_Saath-Saath_Hain")
    table = first_table(document, "Awards and nominations")
    assert len(table.rows) == 4
    assert grid_text(document, table)[3][:3] == [
        "International Indian Film Academy Awards", "Best Makeup",
        "Raju Chauhan, Mickey Contractor, Gafoor, Ashok Gavas, Ramkrishna Godse, Jayant, Nassir Khan, Umesh Kumar, Raju Naag, Lakhan Singh",
    ]


def test_totoro_money_template_inside_a_link() -> None:
    """My Neighbor Totoro: gross is [[#Release|{{US$|6.1 million}}]]; its plain text is US$6.1 million."""
    document = read("My_Neighbor_Totoro")
    assert document.infobox.get("gross").plain(document.source) == "US$6.1 million"  # type: ignore[union-attr]
    assert "Awards and nominations" in titles(document.sections, document)


def test_dr_strangelove_plain_list_items_drop_refs() -> None:
    """Dr. Strangelove: the Plain list of countries has two items once refs are removed."""
    document = read("Dr._Strangelove")
    countries = document.infobox.get("country").items(document.source)  # type: ignore[union-attr]
    assert [item.text for item in countries] == ["United Kingdom", "United States"]


def test_cagliostro_br_separated_gross() -> None:
    """The Castle of Cagliostro: two gross figures separated by <br>."""
    document = read("The_Castle_of_Cagliostro")
    items = document.infobox.get("gross").items(document.source)  # type: ignore[union-attr]
    assert [item.text for item in items] == ["JP¥600 million (Japan)", "US$7.82 million (worldwide)"]


def test_cars_2_second_infobox_is_an_album_kept_as_such() -> None:
    """Cars 2 has Infobox film then an Infobox album in its Soundtrack section."""
    document = read("Cars_2")
    names = [(box.name, box.is_film) for box in document.infoboxes]
    assert names == [("Infobox film", True), ("Infobox album", False)]
    assert document.infobox is document.infoboxes[0]


@pytest.mark.parametrize(("stem", "name"), [
    ("Matlock_(TV_series)", "Infobox television"),
    ("Werner_Herzog", "Infobox person"),
])
def test_non_film_infoboxes_are_kept_as_what_they_are(stem: str, name: str) -> None:
    """Television, person and franchise infoboxes are infoboxes, but not film infoboxes."""
    document = read(stem)
    assert document.infobox is None
    assert document.infoboxes[0].name == name and not document.infoboxes[0].is_film


def test_franchise_article_with_a_film_infobox_in_a_section() -> None:
    """Final Destination opens with Infobox media franchise; its first film's Infobox film stands under Films."""
    document = read("Final_Destination")
    assert [(box.name, box.is_film) for box in document.infoboxes][:2] == [("Infobox media franchise", False), ("Infobox film", True)]
    assert document.infobox is document.infoboxes[1]
    assert document.infobox.get("name").raw(document.source) == "Final Destination"  # type: ignore[union-attr]


@pytest.mark.parametrize("name", ["Infobox film", "Infobox Film", "infobox_film", "Infobox movie", "Template:Infobox film", "Infobox  film"])
def test_film_infobox_spellings(name: str) -> None:
    """The film infobox is recognised however it is written."""
    assert is_film_infobox(name)


@pytest.mark.parametrize("name", ["Infobox film awards", "Infobox film festival", "Infobox television", "Infobox filmmaker"])
def test_not_film_infoboxes(name: str) -> None:
    """Award-ceremony and festival infoboxes are not film infoboxes."""
    assert not is_film_infobox(name)


def test_infobox_after_a_comment_and_with_text_on_its_closing_line() -> None:
    """A comment before the infobox, and the lead starting on the infobox's closing line."""
    text = "<!-- note -->{{Infobox_Film\n| name = X\n| director = [[A B]]\n}}'''X''' is a film.\n"
    document = wikifilm.read(text)
    assert document.render() == text
    assert document.infobox is not None and document.infobox.name == "Infobox Film"
    assert [field.name for field in document.infobox.fields] == ["name", "director"]
    assert document.source[document.lead[-1].span] == "'''X''' is a film.\n"


def test_duplicate_infobox_field_reports_and_uses_the_last() -> None:
    """MediaWiki uses the last of two same-named parameters; so do we, with WF202."""
    document = wikifilm.read("{{Infobox film\n| runtime = 90 minutes\n| runtime = 95 minutes\n}}\n")
    assert document.infobox.get("runtime").raw(document.source) == "95 minutes"  # type: ignore[union-attr]
    assert [diagnostic.code for diagnostic in document.diagnostics] == ["WF202"]


def test_block_templates_and_lists_nest() -> None:
    """Hatnote templates stand as blocks; nested list items hang under their parent item."""
    text = "{{Short description|x}}{{Use dmy dates}}\n* a\n** b\n* c\n"
    document = wikifilm.read(text)
    blocks = [node for node in document.nodes if isinstance(node, Template)]
    assert [block.name for block in blocks] == ["Short description", "Use dmy dates"]
    lists = [node for node in document.nodes if type(node).__name__ == "ListBlock"]
    items = lists[0].items  # type: ignore[attr-defined]
    assert [document.source[item.content_span] for item in items] == ["a", "c"]
    assert [document.source[sub.content_span] for sub in items[0].sublists[0].items] == ["b"]


def test_other_infobox_is_infobox_node() -> None:
    """An Infobox node is built for any infobox template at block level."""
    document = read("Werner_Herzog")
    assert isinstance(document.infoboxes[0], Infobox)


@settings(max_examples=2000)
@given(st.text(alphabet=st.sampled_from(list(" \t\n\r\u00a0\u2028ab|")), max_size=12), st.data())
def test_stripped_span_drops_exactly_the_surrounding_whitespace(text: str, data: st.DataObject) -> None:
    """The span of a slice without its surrounding whitespace, an empty slice at its end when all blank."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = _stripped(text, start, end)
    content = text[start:end].strip()
    assert text[span.start : span.end] == content
    assert (span.start, span.end) == ((end, end) if not content else (start + text[start:end].index(content), span.start + len(content)))


def test_list_shape_by_marker_length() -> None:
    """A deeper line goes into the item above it; a list opening deeper nests a list with no item;
    only the marker's length nests (``#:d`` continues the list of ``*#c``); a list is ordered by the
    marker of its own level on its first line."""
    text = "**a\n*b\n*#c\n#:d\n#e\n"
    document = wikifilm.read(text, format="wikitext")
    assert dump(document) == (
        "Document [0:18]\n"
        "  ListBlock [0:18]\n"
        "    ListBlock [0:4]\n"
        "      ListItem [0:4] ** 'a'\n"
        "        Markup [0:2] '**'\n"
        "        Text [2:4] 'a\\\\n'\n"
        "    ListItem [4:15] * 'b'\n"
        "      Markup [4:5] '*'\n"
        "      Text [5:7] 'b\\\\n'\n"
        "      ListBlock [7:15]\n"
        "        ListItem [7:11] *# 'c'\n"
        "          Markup [7:9] '*#'\n"
        "          Text [9:11] 'c\\\\n'\n"
        "        ListItem [11:15] #: 'd'\n"
        "          Markup [11:13] '#:'\n"
        "          Text [13:15] 'd\\\\n'\n"
        "    ListItem [15:18] # 'e'\n"
        "      Markup [15:16] '#'\n"
        "      Text [16:18] 'e\\\\n'\n"
    )
    lists = [node for node in iter_nodes(document) if isinstance(node, ListBlock)]
    assert [block.ordered for block in lists] == [False, False, True]


@pytest.mark.parametrize("text", ["*" * 3000, ":" * 3000 + "x", "#" * 1500 + "\n" + "*" * 3000 + "\n*"])
def test_a_list_thousands_deep_reads_without_recursion(text: str) -> None:
    """'*' * 3000 once raised RecursionError: lists nest 100 deep, and the innermost item keeps the
    whole marker; the tree can be compared, dumped and written out."""
    document = wikifilm.read(text)
    assert document.render() == text
    check_tiling(document)
    depth, node = 0, document.nodes[0]
    while isinstance(node, ListBlock):
        depth += 1
        node = node.nodes[0]
    assert depth == MAX_LIST_DEPTH == 100
    assert isinstance(node, ListItem) and node.marker == text.split("\n")[0].rstrip("x")
    assert document.nodes == wikifilm.read(text).nodes
    assert dump(document).count("ListBlock ") == 100  # a line as deep, or a shallower one, opens no list
    write_plaintext(document)
    wikifilm.extract(text)


@pytest.mark.parametrize(("text", "cells"), [
    ("{|\n|+a\n|||\n|}", ["", ""]),
    ("{|class=wikitable\n||||| 2 ! 2\n|}", ["", "", "2 ! 2"]),
    ("{|\n!!!!!\n|}", ["", "", ""]),
    ("{|\n|||\n||\n|}", ["", "", ""]),
])
def test_cells_opening_with_doubled_pipes(text: str, cells: list[str]) -> None:
    """'|||' is two empty cells, as MediaWiki splits it (this once raised 'invalid span': the first
    cell's marker was read past the cell's end)."""
    document = wikifilm.read(text)
    assert document.render() == text
    check_tiling(document)
    table = next(node for node in iter_nodes(document) if isinstance(node, Table))
    assert [document.source[cell.content_span] for cell in iter_nodes(table) if isinstance(cell, TableCell)] == cells


_ATTR_SPLIT_SPEC = _ATTR_SPLIT
"""The attribute split's tokens as one regex: the first token must be a lone '|'."""


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["<ref", "<REF", "<refs", ">", "/>", "/", "|", "||", "[[", "]]", "{{", "}}", "<!--", "a", " ", "=", "\n", "<"]), max_size=12).map("".join))
def test_cell_attribute_split_agrees_with_its_one_regex_form(cell: str) -> None:
    """The '|' between a cell's attributes and its content is where the one-regex form finds it."""
    text = "{|\n|" + cell + "\n|}"
    document = wikifilm.read(text, format="wikitext")
    for node in iter_nodes(document):
        if isinstance(node, TableCell):
            line_end = text.find("\n", node.span.start + 1, node.span.end)
            limit = node.span.end if line_end == -1 else line_end
            start = node.span.start
            while text[start] in " \t":
                start += 1
            start += 2 if text.startswith("||", start, node.span.end) else 1
            token = _ATTR_SPLIT_SPEC.search(text, start, limit)
            split = token.start() if token and token.group(0) == "|" and not text.startswith("||", token.start()) else None
            assert (node.attrs_span is None) == (split is None)  # no result template here: only the split gives attributes
            if split is not None:
                assert node.attrs_span is not None and node.attrs_span.end <= split < node.content_span.start


@pytest.mark.parametrize(("text", "content"), [
    ("{|\n| a" + "<ref" * 20000 + "|x\n|}", "x"),
    ("{|\n| " + "a=" * 20000 + "\n|}", "a=" * 20000),
    ("{|\n| " + "a=" * 20000 + "\"{{won}}\n|}", "a=" * 20000 + "\"{{won}}"),
])
def test_cells_that_made_the_attribute_patterns_backtrack(text: str, content: str) -> None:
    """Thousands of '<ref' with no '>' in a cell, or of 'a=' before no result template, once took
    minutes (each '<ref' scanned to the line end; 'a=a=...' split every way): now one pass."""
    document = wikifilm.read(text)
    assert document.render() == text
    cell = next(node for node in iter_nodes(document) if isinstance(node, TableCell))
    assert document.source[cell.content_span] == content


@given(st.lists(st.sampled_from(["{|", " {|", "|}", "\t|}", "{{a\n|}}", "<!--\n{|-->", "x", "\n", "\r", " "]), max_size=30).map("".join) | markup_lines)
@settings(max_examples=300)
def test_nested_table_end_agrees_with_the_line_by_line_walk(text: str) -> None:
    """The regex walk to a nested table's end stops where the walk over every line does, from any line start."""
    reader = _BlockReader(Source(text))
    starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n" and reader.regions.protecting(index) is None]
    for pos in starts:
        assert reader._nested_table_end(pos) == reader._nested_table_end_by_lines(pos)
