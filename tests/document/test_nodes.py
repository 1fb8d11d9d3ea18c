"""Document nodes: table grids with spans, infobox lookup, section helpers, dumps."""

from __future__ import annotations

import wikifilm
from wikifilm.document.nodes import Table
from wikifilm.document.walk import dump


def table_of(text: str) -> tuple[wikifilm.Document, Table]:
    document = wikifilm.read(text, format="wikitext")
    return document, next(node for node in document.nodes if isinstance(node, Table))


def test_grid_expands_rowspan_and_colspan() -> None:
    """A rowspan fills the rows below; a colspan fills the columns to its right."""
    document, table = table_of("{|\n! A !! B !! C\n|-\n| rowspan=2 | x || colspan=2 | y\n|-\n| z || w\n|}\n")
    grid = [[cell.content(document.source) if cell else None for cell in row] for row in table.grid()]
    assert grid == [["A", "B", "C"], ["x", "y", "y"], ["x", "z", "w"]]
    assert table.rows[1].cells[0].rowspan == 2 and table.rows[1].cells[1].colspan == 2


def test_grid_pads_short_rows_with_none() -> None:
    """Rows with fewer cells than the widest are padded with None."""
    document, table = table_of("{|\n! A !! B\n|-\n| x\n|}\n")
    assert [[cell.content(document.source) if cell else None for cell in row] for row in table.grid()] == [["A", "B"], ["x", None]]


def test_multiline_cell_and_caption() -> None:
    """A cell runs over continuation lines; a caption is kept apart."""
    document, table = table_of("{|\n|+ Awards\n! A\n|-\n| first\nsecond\n|}\n")
    assert table.caption is not None and document.source[table.caption.content_span] == "Awards"
    assert table.rows[1].cells[0].content(document.source) == "first\nsecond"


def test_pipes_inside_links_and_templates_do_not_split_cells() -> None:
    """'||' inside [[...]] or {{...}} is content."""
    document, table = table_of("{|\n| [[a||b]] || {{x||y}}\n|}\n")
    assert [cell.content(document.source) for cell in table.rows[0].cells] == ["[[a||b]]", "{{x||y}}"]


def test_infobox_get_ignores_case_underscores_and_empty_values() -> None:
    """get() matches keys loosely and skips empty values."""
    document = wikifilm.read("{{Infobox film\n| Release_date = \n| release date = 2001\n}}\n")
    field = document.infobox.get("release date")  # type: ignore[union-attr]
    assert field is not None and field.raw(document.source) == "2001"


def test_dump_is_a_stable_text_tree(seed_text: str) -> None:
    """dump() names each node with its span, one line each."""
    text = dump(wikifilm.read(seed_text))
    assert text.splitlines()[0] == "Document [0:4591]"
    assert "  Section [4094:4591] level=2 title='Accolades'" in text


def test_write_plaintext_of_wikitext_follows_the_seed_layout() -> None:
    """A wikitext article rendered in the plain-text layout: title, infobox lines, headings, lists, tables."""
    text = (
        "{{Infobox film\n| name = Heat\n| director = [[Michael Mann]]\n| starring = {{ubl|[[Al Pacino]]|[[Robert De Niro]]}}\n"
        "| runtime = 170 minutes\n}}\n'''''Heat''''' is a 1995 [[crime film]].<ref>x</ref>\n\n== Cast ==\n* [[Al Pacino]] as Vincent Hanna\n\n"
        "== Accolades ==\n{|\n! Award !! Category\n|-\n| rowspan=2 | X || Best Film\n|-\n| Best Score\n|}\n"
    )
    assert wikifilm.write_plaintext(wikifilm.read(text), title="Heat (1995 film)") == (
        "= Heat (1995 film) =\n\nHeat\n- Director: Michael Mann\n- Starring: Al Pacino, Robert De Niro\n- Runtime: 170 minutes\n\n"
        "Heat is a 1995 crime film.\n\n==Cast==\n- Al Pacino as Vincent Hanna\n\n==Accolades==\n| Award | Category |\n| X | Best Film |\n| Best Score | |\n"
    )


def test_plaintext_written_from_a_plaintext_document_is_the_input(seed_text: str) -> None:
    """A plain-text article is already in the layout."""
    assert wikifilm.write_plaintext(wikifilm.read(seed_text)) == seed_text


def test_wiki_links_targets_shown_text_and_non_content_links() -> None:
    """One link reader for items and people: targets normalised, File/Media/Category left out, nested links parsed."""
    from wikifilm.document.items import split_items
    from wikifilm.markup.plain import wiki_links
    from wikifilm.span import Source, Span

    assert wiki_links("[[Patrick Magee (actor)|Patrick ''Magee'']] and [[:Ryan_O'Neal]]") == [
        ("Patrick Magee (actor)", "Patrick Magee"), ("Ryan O'Neal", "Ryan O'Neal"),
    ]
    assert wiki_links("[[Media:a.ogg]] [[Category:Films]] [[File:x.jpg|thumb|[[Ken Adam]]]]") == [("Ken Adam", "Ken Adam")]
    assert wiki_links("{{nowrap|[[Bob Kane]]}}") == [("Bob Kane", "Bob Kane")]
    source = Source("[[File:x.jpg]] [[Hawk Films|Hawk]]<br>no links")
    first, second = split_items(source, Span(0, len(source.text)))
    assert (first.text, first.link, first.links) == ("Hawk", "Hawk Films", (("Hawk Films", "Hawk"),))
    assert (second.link, second.links) == (None, ())
