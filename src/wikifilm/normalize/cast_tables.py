"""Cast tables: the role column and one or more actor columns, found by header meaning or by content.

A table may hold one actor column (``Actor | Role``), none named (``| [[Eddie Albert]] | as Irving
Radovich``), or several: one per language (``Character | Japanese voice actor | English voice actor``)
or per film of a series (a character row, one column per film). Each actor column past the first
gives its entries a ``version`` named after the column.
"""

from __future__ import annotations

import re

import attrs

from wikifilm._slots_init import slots_init
from wikifilm.document.nodes import Document, Table, TableCell
from wikifilm.markup.plain import item_text_and_links
from wikifilm.normalize.people import by_shown_text, drop_notes, links_in, spans_in_order, split_names
from wikifilm.span import Span

_ROLE_WORDS = ("role", "character", "part")
_ACTOR_WORDS = ("actor", "actress", "cast", "performer", "voice", "played by", "portrayed by", "dub", "seiyu", "seiyū")
_NAME_HEADERS = frozenset({"name", "names", "artist"})
LANGUAGES = frozenset(
    ["english", "japanese", "chinese", "mandarin", "cantonese", "korean", "hindi", "tamil", "telugu", "malayalam", "kannada", "bengali", "marathi", "french", "german", "spanish", "italian", "russian", "portuguese", "brazilian", "dutch", "swedish", "danish", "norwegian", "finnish", "polish", "czech", "hungarian", "turkish", "arabic", "persian", "hebrew", "greek", "thai", "vietnamese", "indonesian", "filipino", "tagalog", "latin", "castilian", "catalan", "ukrainian", "original"]
)
"""Words that make a column or subsection one cast among several (``Japanese``, ``English dub``)."""
_NOT_VERSION_WORDS = frozenset(
    ["voice", "voices", "actor", "actors", "actress", "actresses", "cast", "performer", "performers", "played", "portrayed", "seiyu", "seiyū", "characters", "character", "list"]
)
_EDGE_WORDS = frozenset(["and", "the", "of", "by", "in"])
"""Left dangling at either end once the role words are gone (``Cast of the English dub``)."""
_NOTE = re.compile(r"\s*\([^()]{1,20}\)\s*$")
"""A short note after a name: ``Brendan Fehr (f)``, ``[[Carl Macek]] (uncredited)``."""
_NOT_APPLICABLE = re.compile(r"^\{\{\s*(?:n/?a|na|n\.a\.|unknown|tba|dash)\s*(?:\||\}\})", re.IGNORECASE)
_AS_PREFIX = re.compile(r"^\s*(?:as|plays|voices)\s+", re.IGNORECASE)
_NOT_AN_ACTOR = re.compile(r"^(?:n/?a|tba|tbd|—|–|-|\?|none|unknown|referenced|photograph|archive footage|deleted scene)$", re.IGNORECASE)


@slots_init
@attrs.frozen
class TableEntry:
    """One actor of a cast table row, before people identity is assigned."""

    actor: str
    """The name as written."""
    link: str | None
    """The link target, when linked."""
    actor_span: Span
    """Where the actor's name is written in the cell (the cell's content when it is not written as read)."""
    role: str | None
    """The role cell's plain text (not yet cleaned)."""
    row_span: Span
    """The actor cell, marker included."""
    version: str | None
    """The column's cast, when the table has several actor columns."""


def version_name(text: str) -> str | None:
    """A header's words without the ones saying "actor" (``Japanese voice actor`` → ``Japanese``); ``None`` when nothing is left."""
    words = [word for word in text.split() if word.casefold() not in _NOT_VERSION_WORDS]
    if len(words) < len(text.split()):
        while words and words[0].casefold() in _EDGE_WORDS:
            words.pop(0)
        while words and words[-1].casefold() in _EDGE_WORDS:
            words.pop()
    name = " ".join(words).strip(" :-–—")
    return name or None


def _header_rows(grid: tuple[tuple[TableCell | None, ...], ...]) -> int:
    """How many rows at the top hold only header cells."""
    count = 0
    for row in grid:
        if row and all(cell is None or cell.header for cell in row) and any(cell is not None for cell in row):
            count += 1
        else:
            break
    return count


def _column_headers(document: Document, grid: tuple[tuple[TableCell | None, ...], ...], rows: int) -> list[list[str]]:
    """For each column, the plain text of its header cells, top to bottom, each cell once."""
    source = document.source
    width = len(grid[0]) if grid else 0
    headers: list[list[str]] = [[] for _ in range(width)]
    for row in grid[:rows]:
        for index, cell in enumerate(row):
            if cell is not None:
                text = " ".join(cell.plain(source).split())
                if text and text not in headers[index]:
                    headers[index].append(text)
    return headers


def _specific_header(document: Document, grid: tuple[tuple[TableCell | None, ...], ...], rows: int, column: int) -> str | None:
    """The header text naming one column alone (a cell spanning only it), top first: ``Final Destination 2`` under ``Films``."""
    source = document.source
    for row in grid[:rows]:
        cell = row[column] if column < len(row) else None
        if cell is not None and cell.colspan == 1:
            text = " ".join(cell.plain(source).split())
            if text and not text.isdigit():
                return text
    return None


def _is_name_cell(document: Document, cell: TableCell | None) -> bool:
    """Whether a cell holds a person's name by its content: a wiki link to a page, or two to four capitalised words."""
    if cell is None or cell.header:
        return False
    raw = _NOTE.sub("", document.source[cell.content_span]).strip()
    if raw.startswith("[[") and "]]" in raw and ":" not in raw[2:raw.index("]]")]:
        return True
    words = raw.split()
    return 2 <= len(words) <= 4 and all(word[:1].isupper() for word in words) and all(char.isalpha() or char in " .'-" for char in raw)


def _columns_by_content(document: Document, body: tuple[tuple[TableCell | None, ...], ...]) -> tuple[int | None, list[int]]:
    """Role and actor columns of a table without meaningful headers: the actor column holds names
    in most rows, the role column the ``as ...`` text beside it (``| [[Eddie Albert]] | as Irving Radovich``)."""
    source = document.source
    width = len(body[0]) if body else 0
    for column in range(width):
        names = sum(_is_name_cell(document, row[column]) for row in body)
        if not body or names * 2 < len(body):
            continue
        for other in (column + 1, column - 1):
            if 0 <= other < width:
                texts = [source[cell.content_span] for row in body if (cell := row[other]) is not None]
                if texts and sum(bool(_AS_PREFIX.match(text)) for text in texts) * 2 >= len(texts):
                    return other, [column]
    return None, []


def find_columns(
    document: Document, table: Table, grid: tuple[tuple[TableCell | None, ...], ...] | None = None
) -> tuple[int, int | None, list[tuple[int, str | None]]]:
    """``(header rows, role column, [(actor column, version)])`` of a cast table; no actor column when it is not one.
    ``grid`` is ``table.grid()`` when the caller has it."""
    grid = table.grid() if grid is None else grid
    rows = _header_rows(grid)
    headers = [" ".join(texts).casefold() for texts in _column_headers(document, grid, rows)]
    body = grid[rows:]
    role_col = next((i for i, text in enumerate(headers) if any(word in text for word in _ROLE_WORDS)), None)
    actors = [i for i, text in enumerate(headers) if i != role_col and any(word in text for word in _ACTOR_WORDS)]
    if not actors:
        actors = [i for i, text in enumerate(headers) if i != role_col and text in _NAME_HEADERS][:1]
    if not actors and role_col is not None:
        # a character column, then one column per film or language named by its own header
        actors = [i for i in range(len(headers)) if i != role_col and _mostly_names(document, body, i)]
    if not actors and rows == 0:
        role_col, actors = _columns_by_content(document, body)
    if not actors:
        return rows, None, []
    if len(actors) == 1:
        return rows, role_col, [(actors[0], None)]
    return rows, role_col, [(column, _column_version(document, grid, rows, column)) for column in actors]


def _column_version(document: Document, grid: tuple[tuple[TableCell | None, ...], ...], rows: int, column: int) -> str | None:
    text = _specific_header(document, grid, rows, column)
    return version_name(text) if text is not None else None


def _mostly_names(document: Document, body: tuple[tuple[TableCell | None, ...], ...], column: int) -> bool:
    """Whether most cells of a column that say something are names (``{{N/A|Referenced}}`` says nothing)."""
    filled = [cell for row in body if column < len(row) and (cell := row[column]) is not None and _says_something(document, cell)]
    return bool(filled) and sum(_is_name_cell(document, cell) for cell in filled) * 2 >= len(filled)


def _says_something(document: Document, cell: TableCell) -> bool:
    raw = document.source[cell.content_span].strip()
    return bool(raw) and not _NOT_APPLICABLE.match(raw)


def table_entries(document: Document, table: Table) -> list[TableEntry]:
    """Every actor of a cast table, row by row, each actor column in turn."""
    source = document.source
    grid = table.grid()
    rows, role_col, actor_cols = find_columns(document, table, grid)
    if not actor_cols:
        return []
    out: list[TableEntry] = []
    body = grid[rows:]
    for column, version in actor_cols:  # one cast after the other: the Japanese, then each English dub
        for row in body:
            role_cell = row[role_col] if role_col is not None and role_col < len(row) else None
            cell = row[column] if column < len(row) else None
            if cell is None or cell is role_cell:
                continue
            if version is None and any(cell is row[other] for other, _ in actor_cols if other < column):
                continue  # a cell spanning unnamed actor columns is one entry
            # a second line is a note: 'William Bludworth<br>{{small|The Devil / Subway Voice Announcer}}'
            role = _AS_PREFIX.sub("", role_cell.plain(source).split("\n", 1)[0]) if role_cell is not None else None
            out.extend(_cell_entries(document, cell, role, version))
    return out


def _cell_entries(document: Document, cell: TableCell, role: str | None, version: str | None) -> list[TableEntry]:
    source = document.source
    if cell.content_span.start == cell.content_span.end:
        return []  # an empty cell (a third of the actor cells a corpus pass reads: an actor absent from one version)
    if document.format == "wikitext":  # the cell's text and links in one pass where it can
        plain, found = item_text_and_links(source[cell.content_span])
        links = by_shown_text(found)
    else:
        plain, links = cell.plain(source), links_in(source, cell.content_span)
    entries: list[tuple[str, str | None]] = []
    # lines are names ('A<br>B'), but for notes: '[[Debi Derryberry]]<br>{{small|(as Liza West)}}'
    for line in plain.split("\n"):
        if line.lstrip().startswith("("):
            continue
        # a dub may rename the character: '[[Bob Bergen|Robert Bergen]] ''as The Wolf'''
        actor_text, _as, own_role = drop_notes(line).partition(" as ")  # not '(credited as Ernie W. Brown)'
        line_role = own_role.strip() or role
        entries.extend((name, line_role or None) for name in split_names(actor_text) if not _NOT_AN_ACTOR.match(name))
    names = [name for name, _role in entries]
    return [
        TableEntry(name, links.get(name), name_span, line_role, cell.span, version)
        for (name, line_role), name_span in zip(entries, spans_in_order(source, cell.content_span, names), strict=True)
    ]
