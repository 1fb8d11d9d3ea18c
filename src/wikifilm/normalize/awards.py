"""Accolades tables to Award rows, columns found by what their headers mean; lists of results when a section has no table.

Wikitext tables are read through their span-expanded grid. Plain-text renderings lost their
row spans: a row whose trailing cells are empty while its year column holds no year has had
its leading cells swallowed, and is repaired from the row above (``WF701`` per row).
"""

from __future__ import annotations

import re

from wikifilm.diagnostics import Diagnostic
from wikifilm.document.items import split_items
from wikifilm.document.nodes import Document, Section, Table, TableCell, plain_value
from wikifilm.normalize.dates import parse_date
from wikifilm.normalize.people import links_in, refs_from_items, spans_in_order, split_names
from wikifilm.normalize.sections import list_lines, sections_titled, tables
from wikifilm.record import Award, PersonRef
from wikifilm.span import Span

AWARD_TITLES = frozenset({"accolades", "awards", "awards and nominations", "accolades and honours", "accolades and honors",
                          "awards and honours", "awards and honors", "honours", "honors", "awards and accolades",
                          "nominations", "recognition", "awards and recognition"})
AWARD_PREFIXES = ("list of accolades", "accolades")
"""Headings that start so hold accolades too (``Accolades (partial list)``)."""
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_WON = re.compile(r"\b(won|win|winner|awarded|recipient|honou?red|1st place|first place|gold)\b", re.IGNORECASE)
_NOMINATED = re.compile(r"\b(nominated|nomination|nominee|shortlisted|runner-up|finalist|longlisted)\b", re.IGNORECASE)
_PENDING = re.compile(r"\b(pending|tba|tbd|upcoming)\b", re.IGNORECASE)
_CATEGORY_LIKE = re.compile(r"^(best|outstanding|most|favou?rite|excellence|special|top|grand|golden|achievement)\b", re.IGNORECASE)
_WON_COLOURS = ("#9eff9e", "#99ff99", "#9f9", "won")
_NOM_COLOURS = ("#ffdddd", "#fdd", "#ffe3e3", "nom")


def column_role(header: str) -> str | None:
    """What an accolades column holds, from its header text."""
    text = header.casefold().strip()
    if text.startswith("ref") or text in ("source", "sources", "notes", "note", "citation", "ref(s)"):
        return "ignore"
    if any(word in text for word in ("result", "outcome", "status")):
        return "result"
    if "categor" in text or text == "subject":
        return "category"
    if any(word in text for word in ("recipient", "nominee", "nominated", "honoree", "winner", "name", "person", "work")):
        return "nominees"
    if "date" in text or "year" in text:
        return "year"
    if any(word in text for word in ("award", "ceremony", "organi", "festival", "association", "event", "society", "circle", "presenter", "group", "academy")):
        return "ceremony"
    return None


def _result(cell: TableCell | None, text: str, source_text: str) -> str | None:
    text = re.sub(r"\w+\s*=\s*\"[^\"]*\"", "", text).strip()
    for pattern, result in ((_WON, "won"), (_NOMINATED, "nominated"), (_PENDING, "pending")):
        if pattern.match(text) or (len(text) < 40 and pattern.search(text)):
            return result
    if cell is not None and cell.attrs_span is not None:
        attributes = source_text[cell.attrs_span.start : cell.attrs_span.end].casefold()
        if any(colour in attributes for colour in _WON_COLOURS):
            return "won"
        if any(colour in attributes for colour in _NOM_COLOURS):
            return "nominated"
    return None


def _year(text: str) -> int | None:
    date = parse_date(text)
    if date is not None:
        return date[0].year
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def normalize_accolades(document: Document) -> tuple[tuple[Award, ...], list[Diagnostic]]:
    """Award rows from tables in accolades sections; from their lists when no table gave any."""
    awards: list[Award] = []
    diagnostics: list[Diagnostic] = []
    for section in sections_titled(document, AWARD_TITLES, prefixes=AWARD_PREFIXES):
        before = len(awards)
        for table in tables(section):
            found, notes = _read_table(document, table)
            awards.extend(found)
            diagnostics.extend(notes)
        if len(awards) == before:
            awards.extend(_read_lists(document, section))
    return tuple(awards), diagnostics


_LISTED_RESULT = re.compile(r"(?P<result>won|winner|win|nominated|nominee|nomination)\s*[:–—-]\s*(?P<rest>\S.*)", re.IGNORECASE)
"""A list line that opens with its result: ``Won: Popularity Award - Most Popular Film``, ``Nominated – Best Score``."""
_CEREMONY_AND_YEAR = re.compile(r"(?P<ceremony>.*?)\s*\((?P<year>(?:1[89]|20)\d\d)\)")
"""The line above the results: ``The Japanese Academy (1987)``."""
_TRAILING_BRACKET = re.compile(r"\s*\((?P<inside>[^()]*)\)$")


def _read_lists(document: Document, section: Section) -> list[Award]:
    """Award rows from list lines that open with their result, under a line naming the ceremony and year.

    ``* The Japanese Academy (1987)``, then ``** Won: Popularity Award - Most Popular Film`` and
    ``** Nominated: Best Music Score ([[Ryuichi Sakamoto]])`` (the bracket at the end names the
    nominees, when it holds names). A line that does not open with a result is no row: it may name
    the ceremony of the lines below it.
    """
    source = document.source
    awards: list[Award] = []
    parents: list[tuple[int, str]] = []  # (depth, plain text) of the lines above, innermost last
    for line in list_lines(document, section):
        text = " ".join(plain_value(source, line.span, document.format).split())
        while parents and parents[-1][0] >= line.depth:
            parents.pop()
        match = _LISTED_RESULT.fullmatch(text)
        if match is None:
            parents.append((line.depth, text))
            continue
        ceremony, year = None, None
        if parents:
            above = parents[-1][1]
            named = _CEREMONY_AND_YEAR.fullmatch(above)
            ceremony, year = (named.group("ceremony") or None, int(named.group("year"))) if named else (above or None, _year(above))
        category = match.group("rest")
        nominees: tuple[PersonRef, ...] = ()
        bracket = _TRAILING_BRACKET.search(category)
        if bracket is not None:
            names = split_names(bracket.group("inside"))
            if names and all(word[:1].isupper() for name in names for word in name.split()):
                links = links_in(source, line.span)
                spans = spans_in_order(source, line.span, names)
                nominees = tuple(PersonRef(name, links.get(name), span=span) for name, span in zip(names, spans, strict=True))
                category = category[: bracket.start()]
        result = "won" if match.group("result").casefold().startswith("w") else "nominated"
        awards.append(Award(ceremony, year, category.strip() or None, nominees, result, line.span))
    return awards


def _read_table(document: Document, table: Table) -> tuple[list[Award], list[Diagnostic]]:
    source = document.source
    rows = list(table.rows)
    header_rows = 0
    while header_rows < len(rows) and all(cell.header for cell in rows[header_rows].cells):
        header_rows += 1
    if header_rows == 0:
        return [], [Diagnostic("WF702", "table has no header row; skipped", table.span, field="accolades")]
    header = max(rows[:header_rows], key=lambda row: len(row.cells)).cells
    roles: list[str | None] = []
    for cell in header:
        roles.extend([column_role(cell.plain(source))] * cell.colspan)
    if "category" not in roles and "nominees" not in roles:
        return [], [Diagnostic("WF702", "table has no category or nominee column; skipped", table.span, field="accolades")]
    column: dict[str, int] = {role: roles.index(role) for role in ("ceremony", "year", "category", "nominees", "result") if role in roles}
    grid = table.grid()[header_rows:]
    rows = rows[header_rows:]
    awards: list[Award] = []
    diagnostics: list[Diagnostic] = []
    previous: list[str] | None = None
    texts: dict[int, str] = {}  # a cell spanning rows is rendered once

    def text_of(cell: TableCell | None) -> str:
        if cell is None:
            return ""
        text = texts.get(id(cell))
        if text is None:
            text = texts[id(cell)] = cell.plain(source).replace("\n", " ")
        return text

    for row_cells, grid_row in zip(rows, grid, strict=False):
        values = [text_of(cell) for cell in grid_row]
        values += [""] * (len(roles) - len(values))
        cells: list[TableCell | None] = [*grid_row, *(None for _ in range(len(roles) - len(grid_row)))]
        if all(cell.format == "plaintext" for cell in row_cells.cells):
            repaired = _repair(values, previous, column)
            if repaired is not None:
                shift, values = repaired
                cells = [*(None for _ in range(shift)), *cells[: len(cells) - shift]]
                restored = ", ".join(repr(value) for value in values[:shift])
                diagnostics.append(Diagnostic("WF701", f"row's leading cells were lost to a row span; {restored} restored from the row above", row_cells.span, field=f"accolades[{len(awards)}]"))
        previous = values
        category = values[column["category"]].strip() if "category" in column else None
        nominee_cell = cells[column["nominees"]] if "nominees" in column else None
        nominees: tuple[PersonRef, ...] = ()
        if "nominees" in column:
            if nominee_cell is not None:
                nominees = refs_from_items(source, split_items(source, nominee_cell.content_span, nominee_cell.format))
            elif values[column["nominees"]].strip():
                text = values[column["nominees"]]
                nominees = (PersonRef(text.strip(), None, span=row_cells.span),)
        if not category and not nominees:
            diagnostics.append(Diagnostic("WF703", "accolades row has no category and no nominee; skipped", row_cells.span, field="accolades"))
            continue
        ceremony = values[column["ceremony"]].strip() or None if "ceremony" in column else None
        year = _year(values[column["year"]]) if "year" in column else None
        if year is None and ceremony:
            year = _year(ceremony)
        result_cell = cells[column["result"]] if "result" in column else None
        result = _result(result_cell, values[column["result"]], source.text) if "result" in column else None
        awards.append(Award(ceremony, year, category or None, nominees, result, Span(row_cells.span.start, row_cells.span.end)))
    return awards, diagnostics


def _repair(values: list[str], previous: list[str] | None, column: dict[str, int]) -> tuple[int, list[str]] | None:
    """Shift a row right when its leading cells were swallowed by a lost row span."""
    if previous is None:
        return None
    trailing = 0
    while trailing < len(values) and not values[len(values) - 1 - trailing].strip():
        trailing += 1
    if trailing == 0 or trailing >= len(values):
        return None
    shifted = previous[:trailing] + values[: len(values) - trailing]
    year_col = column.get("year")
    if year_col is not None:
        unshifted_ok = _YEAR.search(values[year_col]) is not None
        shifted_ok = _YEAR.search(shifted[year_col]) is not None
        if unshifted_ok or not shifted_ok:
            return None
    else:
        first_role_col = min(column.values())
        if first_role_col >= trailing or not _CATEGORY_LIKE.match(values[0]):
            return None
    return trailing, shifted
