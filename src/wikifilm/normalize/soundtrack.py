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
_POSSESSIVE = re.compile(r"^(?P<composer>(?:[A-Z][\w.\-éèáíóúöüäçñ]*\s?){1,5}?)['’]s?\s+(?P<work>\S.*)$")
_BY = re.compile(r"^(?P<work>.+?),?\s+by\s+(?P<composer>[A-Z][^,()]+?)\s*(?:\(.*)?$")
_DASHED = re.compile(r"^[\"“](?P<work>[^\"”]+)[\"”]\s*(?:[–—-]|by)\s*(?P<composer>[^()]+?)\s*(?:\(.*)?$")


_PERFORMANCE = re.compile(r"(?:sung|performed|danced|played|sang|featuring|with|dancing|vocals)\b", re.IGNORECASE)
_MARKS = "✗✘✓†‡§¤*^#"


def _unmark(text: str | None) -> str | None:
    """Text without footnote marks (``Sophie✗``) and with line breaks as commas."""
    if text is None:
        return None
    text = ", ".join(part.strip() for part in text.split("\n") if part.strip())
    return text.strip(_MARKS + " ") or None


def parse_soundtrack_item(text: str) -> tuple[str | None, str]:
    """``(composer, work)`` of one item; composer ``None`` when the text names none."""
    text = text.strip()
    for pattern in (_DASHED, _POSSESSIVE, _BY):
        match = pattern.match(text)
        if match:
            composer = match.group("composer").strip()
            if _PERFORMANCE.match(composer):
                return None, match.group("work").strip().strip('"“”')  # performers, not a composer
            return composer, match.group("work").strip().strip('"“”')
    return None, text.replace('"', "").replace("“", "").replace("”", "").strip(" -–—")


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
        work = values.get(f"title{index}", "").strip('"“” ')
        if not work:
            if f"title{index}" not in values and index > 1:
                break
            continue
        composer = next((values[key] for key in (f"music{index}", f"writer{index}", f"lyrics{index}", f"extra{index}") if values.get(key)), default)
        out.append(SoundtrackItem(_unmark(composer), work, block.span))
    return out
