"""Release dates: the ``{{Film date}}``/``{{Start date}}`` templates first, then dates in text.

Text dates understood: ``July 3, 2024``, ``3 July 2024``, ``2024-07-03``, ``July 2024``, ``2024``.
A place or note may follow in brackets. Partial dates stay partial.
"""

from __future__ import annotations

import re

from wikifilm.diagnostics import Diagnostic
from wikifilm.document.inline import TemplateCall, template_calls
from wikifilm.document.nodes import InfoboxField
from wikifilm.markup.plain import clean_spaces, plain_text
from wikifilm.normalize._data.lexicon import MONTHS
from wikifilm.record import PartialDate, Release
from wikifilm.span import Source, Span

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH},?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(r"(?<![\d-])(?P<year>(?:18|19|20)\d{2})(?![\d-])"),
)
_NOTE_WORDS = re.compile(
    r"\b(?:premiere|limited|wide|re-?release|original|director'?s cut|television|tv|dvd|blu-?ray|streaming|"
    r"netflix|digital|video|restored|general|theatrical|special|preview|screening)\b",
    re.IGNORECASE,
)
_DATE_TEMPLATES = frozenset({"film date", "filmdate", "start date", "start date and age", "release date", "release date and age", "film release date", "date"})


def _int(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else None


def parse_date(text: str) -> tuple[PartialDate, tuple[int, int]] | None:
    """The first date in ``text`` and where it stands, or ``None``."""
    best: tuple[int, PartialDate, tuple[int, int]] | None = None
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        groups = match.groupdict()
        month = MONTHS.get(groups["month"].lower().rstrip(".")) if groups.get("month") else _int(groups.get("mnum") or "")
        day = _int(groups.get("day") or "")
        try:
            date = PartialDate(int(groups["year"]), month, day if month else None)
        except ValueError:
            continue
        if best is None or match.start() < best[0]:
            best = (match.start(), date, match.span())
    return (best[1], best[2]) if best else None


def _place_and_note(text: str) -> tuple[str | None, str | None]:
    text = clean_spaces(text).replace("\n", " ").strip(" ,;:()–-")
    if not text:
        return None, None
    if _NOTE_WORDS.search(text):
        parts = [part.strip() for part in re.split(r"[,;]", text) if part.strip()]
        places = [part for part in parts if not _NOTE_WORDS.search(part)]
        notes = [part for part in parts if _NOTE_WORDS.search(part)]
        return (", ".join(places) or None), (", ".join(notes) or None)
    return text, None


def _month(text: str) -> int | None:
    """A month given as a number (``8``) or a name (``August``, ``Aug.``), as ``{{Film date}}`` accepts both."""
    number = _int(text)
    return number if number is not None else MONTHS.get(text.strip().lower().rstrip("."))


def _from_template(source: Source, template: TemplateCall) -> tuple[list[Release], list[Diagnostic]]:
    """The releases of a date template: groups of year, month, day and place (month, day and place optional)."""
    span = template.span
    values = [plain_text(source[value]) for value in template.positional_spans]
    releases = []
    diagnostics = []
    index = 0
    while index < len(values):
        year = _int(values[index])
        if year is None:
            index += 1
            continue
        if len(values[index].strip()) != 4:  # a day or month read where the year should stand: no year 0023
            diagnostics.append(Diagnostic("WF301", f"{template.name} value {values[index].strip()!r} stands where a year should "
                                          "and is no year; skipped", span, field="release_dates"))
            index += 1
            continue
        month = _month(values[index + 1]) if index + 1 < len(values) else None
        day = _int(values[index + 2]) if index + 2 < len(values) and month else None
        consumed = 1 + (month is not None) + (day is not None)
        try:
            date = PartialDate(year, month if month and 1 <= month <= 12 else None, day if day and month and 1 <= day <= 31 else None)
        except ValueError:
            index += consumed
            continue
        place_text = ""
        if index + consumed < len(values) and _int(values[index + consumed]) is None:
            place_text = values[index + consumed]
            consumed += 1
        place, note = _place_and_note(place_text)
        releases.append(Release(date, place, note, raw=source[span], span=span))
        index += consumed
    return releases, diagnostics


def normalize_release_dates(source: Source, field: InfoboxField | None) -> tuple[tuple[Release, ...], list[Diagnostic]]:
    """Release dates of the ``released`` field, in source order."""
    if field is None:
        return (), []
    releases: list[Release] = []
    diagnostics: list[Diagnostic] = []
    if field.format == "wikitext":
        for template in template_calls(source, field.value_span):
            if template.key in _DATE_TEMPLATES:
                found, notes = _from_template(source, template)
                releases += found
                diagnostics += notes
        if releases:
            return tuple(releases), diagnostics
    for item in field.items(source):
        releases.extend(_from_text(item.text.replace("\n", " "), item.span, source))
    if not releases:
        text = field.plain(source)
        if text:
            return (), [*diagnostics, Diagnostic("WF301", f"released reads {text[:60]!r}, which holds no date; left out", field.value_span, field="release_dates")]
    return tuple(releases), diagnostics


def _from_text(text: str, span: Span, source: Source) -> list[Release]:
    releases = []
    rest = text
    while rest:
        found = parse_date(rest)
        if found is None:
            break
        date, (start, end) = found
        following = rest[end:]
        next_date = parse_date(following)
        tail = following[: next_date[1][0]] if next_date else following
        bracket = re.match(r"\s*[\(\[]([^)\]]*)[\)\]]", tail)
        place, note = _place_and_note(bracket.group(1) if bracket else "")
        if bracket is None:
            head = rest[:start].strip(" ,;:()–-")
            place, note = _place_and_note(head) if head and not re.search(r"\d", head) else (None, None)
        releases.append(Release(date, place, note, raw=text, span=span))
        rest = following[bracket.end():] if bracket else following
    return releases
