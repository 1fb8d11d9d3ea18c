"""Soundtrack: ``Composer's Work`` and ``Work by Composer`` list items, and ``{{Track listing}}`` rows."""

from __future__ import annotations

import re

from wikifilm.diagnostics import Diagnostic
from wikifilm.document.inline import read_template
from wikifilm.document.nodes import Document, Infobox, Section, Table, Template, plain_value
from wikifilm.markup.plain import plain_text
from wikifilm.normalize.people import normalize_people
from wikifilm.normalize.sections import list_lines, sections_titled
from wikifilm.record import SoundtrackItem

SOUNDTRACK_TITLES = frozenset({"soundtrack", "music", "soundtrack album", "music and soundtrack", "songs", "track listing",
                               "soundtracks", "original soundtrack", "score", "musical numbers", "musical score"})
_POSSESSIVE = re.compile(r"^(?P<composer>(?:[A-Z][\w.\-éèáíóúöüäçñ]*+\s?){1,5}?)['’]s?\s+(?P<work>\S.*)$")
"""``Composer's Work``. Each word is read possessively (``*+``): with ``*`` the engine cut a run of
capitals (``ABCDEF...``) every way into five words before failing, time growing with the fifth power."""
_BY = re.compile(r"^(?P<work>.+?),?\s+by\s+(?P<composer>[A-Z][^,()]+?)\s*(?:\(.*)?$")
"""``Work by Composer``: the readable form of :func:`_work_by_composer`, which reads the same in linear time."""
_BY_WORD = re.compile(r"(?<=\s)by\s+(?=[A-Z])")
_COMPOSER_RUN = re.compile(r"[A-Z][^,()]+")
_DASHED = re.compile(r"^[\"“](?P<work>[^\"”]+)[\"”]\s*(?:[–—-]|by)\s*(?P<composer>[^()]+?)\s*(?:\(.*)?$")


_PERFORMANCE = re.compile(r"(?:sung|performed|danced|played|sang|featuring|with|dancing|vocals)\b", re.IGNORECASE)
_MARKS = "✗✘✓†‡§¤*^#"


def _unmark(text: str | None) -> str | None:
    """Text without footnote marks (``Sophie✗``) and with line breaks as commas."""
    if text is None:
        return None
    text = ", ".join(part.strip() for part in text.split("\n") if part.strip())
    return text.strip(_MARKS + " ") or None


def _work_by_composer(text: str) -> tuple[str, str] | None:
    """``(work, composer)`` as :data:`_BY` reads them, in linear time.

    The pattern tried every ``by`` with a lazy work and then read the composer to the next
    ``,``, ``(`` or ``)``: a line of many ``by``s read its rest once per ``by``. Here each
    ``by`` is tried once, and a run that failed fails every ``by`` inside it without reading it again.
    """
    first_line_end = text.find("\n")
    failed_before = -1  # every composer starting before this runs into a ',' or ')' and fails
    for by in _BY_WORD.finditer(text):
        spaces_start = by.start()
        while spaces_start > 0 and text[spaces_start - 1].isspace():
            spaces_start -= 1
        if spaces_start >= 2 and text[spaces_start - 1] == ",":
            work_end = spaces_start - 1  # 'Work, by Composer'
        else:
            work_end = max(spaces_start, 1)  # the work takes at least one character
            if work_end >= by.start():
                continue
        if 0 <= first_line_end < work_end:
            return None  # the work is read from the first line only
        start = by.end()
        if start < failed_before:
            continue
        run = _COMPOSER_RUN.match(text, start)
        if run is None:
            continue
        end = run.end()
        if end == len(text) or (text[end] == "(" and text.find("\n", end) in (-1, len(text) - 1)):
            return text[:work_end], text[start:end]
        failed_before = end
    return None


def _unquoted(title: str) -> str:
    """A title without the quotation marks around it, kept when they quote only a part (``A "B"``)."""
    title = title.strip()
    if len(title) >= 2 and title[0] in '"“' and title[-1] in '"”' and not any(mark in title[1:-1] for mark in '"“”'):
        return title[1:-1].strip()
    return title


def parse_soundtrack_item(text: str) -> tuple[str | None, str]:
    """``(composer, work)`` of one item; composer ``None`` when the text names none."""
    text = text.strip()
    for pattern in (_DASHED, _POSSESSIVE):
        match = pattern.match(text)
        if match:
            return _composer_and_work(match.group("composer"), match.group("work"))
    by = _work_by_composer(text)
    if by is not None:
        return _composer_and_work(by[1], by[0])
    return None, text.replace('"', "").replace("“", "").replace("”", "").strip(" -–—")


def _composer_and_work(composer: str, work: str) -> tuple[str | None, str]:
    composer = composer.strip()
    work = _unquoted(work)  # '"Soldier's Dance" from William Tell' keeps its quotation marks, '"Memory"' loses them
    if _PERFORMANCE.match(composer):
        return None, work  # performers, not a composer
    return composer, work


def normalize_soundtrack(document: Document) -> tuple[tuple[SoundtrackItem, ...], list[Diagnostic]]:
    """Pieces of music listed in soundtrack sections: list items, track listings, and a table of songs."""
    items: list[SoundtrackItem] = []
    diagnostics: list[Diagnostic] = []
    source = document.source
    for section in sections_titled(document, SOUNDTRACK_TITLES):
        listed = len(items)
        for line in list_lines(document, section):
            text = plain_value(source, line.span, document.format).replace("\n", " ")
            if not text or text[0] in _MARKS:
                continue  # a legend line ('✗ Songs featured in the film but omitted...')
            if line.depth > 1:
                continue  # details under a song ('sung by Cliff Edwards; from ...'), not another piece
            composer, work = parse_soundtrack_item(text)
            composer = _unmark(composer)
            if composer is None:
                diagnostics.append(Diagnostic("WF801", f"soundtrack item {text[:50]!r} names no composer; kept with composer null", line.span, field="soundtrack"))
            items.append(SoundtrackItem(composer, work, line.span))
        if document.format == "wikitext":
            for node in section.nodes:
                if isinstance(node, Template) and node.name.casefold() in ("track listing", "tracklist"):
                    found, fell_back = _track_listing(document, node, composer := _film_composer(document, section))
                elif isinstance(node, Table) and len(items) == listed:  # a table of songs, when nothing else lists them
                    found, fell_back = _song_table(document, node, composer := _film_composer(document, section))
                else:
                    continue
                if fell_back:
                    diagnostics.append(Diagnostic(
                        "WF802", f"soundtrack rows with no music credit are given the film's composer, {composer!r} "
                        "(the album's artist or the film's music)", node.span, field="soundtrack"))
                items.extend(found)
    return tuple(items), diagnostics


def _film_composer(document: Document, section: Section) -> str | None:
    """The one artist the section's ``{{Infobox album}}`` names (not 'Various artists'), else the one person the
    film infobox's ``music`` names; ``None`` when neither names exactly one."""
    album = next((node for node in section.nodes if isinstance(node, Infobox) and node.name.casefold() == "infobox album"), None)
    film = next((box for box in document.infoboxes if box.is_film), None)
    for field in (album.get("artist") if album is not None else None, film.get("music") if film is not None else None):
        people = normalize_people(document.source, field) if field is not None else ()
        if len(people) == 1 and not _VARIOUS.match(people[0].name):
            return people[0].name
    return None


_VARIOUS = re.compile(r"various\b", re.IGNORECASE)


_WORK_HEADERS = ("song", "songs", "title", "song title", "track title", "song name", "track")
"""Headings of the column naming the songs, the likeliest first (``Track`` often heads the numbers: ``Track || Song``)."""
_HEADER_MARKS = " '\"*:"


def _song_table(document: Document, table: Table, film_composer: str | None) -> tuple[list[SoundtrackItem], bool]:
    """Rows of a table of songs (Chuvappu Naada: ``No. || Song || Singers || Lyrics``): the work from the column headed
    song, title or track, the composer from a column headed music or composer, else ``film_composer``. A table
    with no such heading in its first two rows is no song list (charts, ratings). Also whether a row was given
    ``film_composer``."""
    source = document.source
    grid = table.grid()
    found = next(((number, headings) for number, headings in enumerate(
        [cell.plain(source).strip(_HEADER_MARKS).casefold() if cell is not None else "" for cell in row] for row in grid[:2]
    ) if any(heading in headings for heading in _WORK_HEADERS)), None)
    if found is None:
        return [], False
    header_row, headings = found
    work_column = next(headings.index(heading) for heading in _WORK_HEADERS if heading in headings)
    composer_column = next((index for index, heading in enumerate(headings) if "music" in heading or "compos" in heading), None)
    items: list[SoundtrackItem] = []
    fell_back = False
    for row in grid[header_row + 1 :]:
        cell = row[work_column] if work_column < len(row) else None
        work = _unquoted(cell.plain(source).replace("\n", " ")) if cell is not None else ""
        if len(work) > 2 and work[0] == work[-1] == "'" and "'" not in work[1:-1]:
            work = work[1:-1].strip()  # 'Eranju Maadham', quoted with apostrophes
        if not work or work.isdigit():
            continue
        credit = row[composer_column] if composer_column is not None and composer_column < len(row) else None
        composer = _unmark(credit.plain(source)) if credit is not None else None
        if composer is None and film_composer is not None:
            composer, fell_back = film_composer, True
        items.append(SoundtrackItem(composer, work, table.span))
    return items, fell_back


_EXCEPT = re.compile(r",?\s*\(?(?:except|unless)\s+(?:where|as|otherwise)\s+(?:noted|stated|indicated)\)?", re.IGNORECASE)


_READ_PARAMETERS = ("all_", "title", "music", "writer", "lyrics", "extra")
"""The parameters a track row is read from; lengths and notes are not rendered."""


def _track_listing(document: Document, block: Template, film_composer: str | None = None) -> tuple[list[SoundtrackItem], bool]:
    """Rows of a ``{{Track listing}}``: ``titleN`` with its composer from ``musicN`` or ``writerN`` (or ``extraN``, unless
    the extra column is headed as singers), else ``all_music`` or ``all_writing``, else ``film_composer``. Lyricists
    and singers are not composers. Also whether a row was given ``film_composer``."""
    source = document.source
    values: dict[str, str] = {}
    for param in read_template(source, block.span).params:
        if param.named:
            key = param.name.lower()
            if key.startswith(_READ_PARAMETERS):
                values[key] = plain_text(source[param.value_span])
    default = next((values[key] for key in ("all_music", "all_writing") if values.get(key)), None)
    if default:
        default = _EXCEPT.sub("", default).strip(" ,") or None
    fell_back = False
    # the extra column credits the music unless its heading names singers: 'Artist' on an album is whoever
    # wrote and recorded the track (48 Hrs.), 'Singer(s)' and 'Performer(s)' of a film's songs are its playback singers
    credits = ("music", "writer") if _SINGERS_COLUMN.search(values.get("extra_column", "")) else ("music", "writer", "extra")
    out = []
    for index in range(1, 100):
        work = _unquoted(values.get(f"title{index}", ""))
        if not work:
            if f"title{index}" not in values and index > 1:
                break
            continue
        composer = next((values[key] for key in (f"{credit}{index}" for credit in credits) if values.get(key)), default)
        if composer is None and film_composer is not None:
            composer, fell_back = film_composer, True
        out.append(SoundtrackItem(_unmark(composer), work, block.span))
    return out, fell_back


_SINGERS_COLUMN = re.compile(r"sing|perform|vocal|playback", re.IGNORECASE)
"""An ``extra_column`` heading that names singers, not composers (``Singer(s)``, ``Performer(s)``)."""
