"""Runtimes in minutes: ``94 minutes``, ``94 min.``, ``1 hour 34 minutes``, ``1h 34m``, ``104:23``.

Every cut listed is kept; the first one is ``runtime_minutes``.
"""

from __future__ import annotations

import re

from wikifilm.diagnostics import Diagnostic
from wikifilm.document.nodes import InfoboxField
from wikifilm.record import Value
from wikifilm.span import Source

_RUNTIME = re.compile(
    r"(?P<hours>\d+(?:\.\d+)?)\s*(?:hours?|hrs?\.?|h)\s*(?:(?:and\s*)?(?P<hmin>\d+)\s*(?:minutes?|mins?\.?|m)\b)?"
    r"|(?P<clock>\d{1,3}):(?P<sec>\d{2})(?::(?P<sec2>\d{2}))?"
    r"|(?P<min>\d+(?:\.\d+)?)\s*(?:minutes?|mins?\b\.?|m\b|')",
    re.IGNORECASE,
)


def parse_runtimes(text: str) -> list[int]:
    """Every runtime in ``text``, in minutes, in order."""
    out = []
    for match in _RUNTIME.finditer(text):
        if match.group("hours"):
            minutes = float(match.group("hours")) * 60 + int(match.group("hmin") or 0)
        elif match.group("clock"):
            if match.group("sec2"):  # h:mm:ss
                minutes = int(match.group("clock")) * 60 + int(match.group("sec"))
            else:  # mm:ss
                minutes = int(match.group("clock")) + (1 if int(match.group("sec")) >= 30 else 0)
        else:
            minutes = float(match.group("min"))
        if 0 < minutes < 100_000:
            out.append(round(minutes))
    return out


def normalize_runtime(source: Source, field: InfoboxField | None) -> tuple[tuple[Value[int], ...], list[Diagnostic]]:
    """All cuts' runtimes from the ``runtime`` field."""
    if field is None:
        return (), []
    text = field.plain(source)
    minutes = parse_runtimes(text)
    if not minutes and re.fullmatch(r"\s*\d{1,3}\s*", text):
        minutes = [int(text)]
    if not minutes:
        if text:
            return (), [Diagnostic("WF501", f"runtime reads {text[:60]!r}, which holds no duration; set to unknown", field.value_span, field="runtime_minutes")]
        return (), []
    values = tuple(Value(value, raw=text, span=field.value_span, method="infobox") for value in minutes)
    diagnostics = []
    if len(set(minutes)) > 1:
        diagnostics.append(Diagnostic("WF502", f"runtime lists {len(minutes)} cuts; the first ({minutes[0]} minutes) is runtime_minutes", field.value_span, field="runtime_minutes"))
    return values, diagnostics
