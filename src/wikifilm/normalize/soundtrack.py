"""Soundtrack: ``Composer's Work`` and ``Work by Composer`` list items, and ``{{Track listing}}`` rows."""

from __future__ import annotations

import re

from wikifilm.diagnostics import Diagnostic
from wikifilm.document.inline import read_template
from wikifilm.document.nodes import Document, Template, plain_value
from wikifilm.markup.plain import plain_text
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
    """Pieces of music listed in soundtrack sections."""
    items: list[SoundtrackItem] = []
    diagnostics: list[Diagnostic] = []
    source = document.source
    for section in sections_titled(document, SOUNDTRACK_TITLES):
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
                    items.extend(_track_listing(document, node))
    return tuple(items), diagnostics


_EXCEPT = re.compile(r",?\s*\(?(?:except|unless)\s+(?:where|as|otherwise)\s+(?:noted|stated|indicated)\)?", re.IGNORECASE)


_READ_PARAMETERS = ("all_", "title", "music", "writer", "lyrics", "extra")
"""The parameters a track row is read from; lengths and notes are not rendered."""


def _track_listing(document: Document, block: Template) -> list[SoundtrackItem]:
    """Rows of a ``{{Track listing}}``: ``titleN`` with ``musicN``/``writerN``/``extraN`` (``all_music`` by default)."""
    source = document.source
    values: dict[str, str] = {}
    for param in read_template(source, block.span).params:
        if param.named:
            key = param.name.lower()
            if key.startswith(_READ_PARAMETERS):
                values[key] = plain_text(source[param.value_span])
    default = next((values[key] for key in ("all_music", "all_writing", "all_lyrics") if values.get(key)), None)
    if default:
        default = _EXCEPT.sub("", default).strip(" ,") or None
    out = []
    for index in range(1, 100):
        work = _unquoted(values.get(f"title{index}", ""))
        if not work:
            if f"title{index}" not in values and index > 1:
                break
            continue
        composer = next((values[key] for key in (f"music{index}", f"writer{index}", f"lyrics{index}", f"extra{index}") if values.get(key)), default)
        out.append(SoundtrackItem(_unmark(composer), work, block.span))
    return out
