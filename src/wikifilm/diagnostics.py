"""Diagnostics: every doubt as a value with a stable code, a message stating the decision, and a span.

Codes are ``WF`` plus three digits, grouped by stage: 1xx reading, 2xx infobox and structure,
3xx dates, 4xx money, 5xx runtime, 6xx people and cast, 7xx accolades and tables,
8xx other fields, 9xx batch.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from wikifilm.span import Source, Span


class Severity(enum.Enum):
    """How much a diagnostic matters to a user of the record."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class Code:
    """One registered diagnostic code."""

    code: str
    """``WF`` plus three digits."""
    name: str
    """Kebab-case name, stable across versions."""
    severity: Severity
    """Default severity."""
    summary: str
    """What it means and what wikifilm does about it."""


def _codes(*codes: Code) -> dict[str, Code]:
    return {code.code: code for code in codes}


_W, _I, _E = Severity.WARNING, Severity.INFO, Severity.ERROR

CODES: dict[str, Code] = _codes(
    Code("WF103", "unclosed-template", _W,
         "A `{{` has no matching `}}`; it is read as plain text."),
    Code("WF104", "unclosed-table", _W,
         "A `{|` table has no closing `|}`; the table ends where the input or section ends."),
    Code("WF105", "unclosed-comment", _W,
         "An `<!--` comment has no `-->`; the comment runs to the end of the input."),
    Code("WF106", "malformed-table-row", _W,
         "A plain-text table line is not a well-formed `| a | b |` row; it is kept as a paragraph."),
    Code("WF201", "no-film-infobox", _W,
         "The article has no film infobox; infobox fields of the record are empty."),
    Code("WF202", "duplicate-infobox-field", _W,
         "An infobox field is given twice; the last one is used, as MediaWiki does."),
    Code("WF203", "several-film-infoboxes", _I,
         "The article has more than one film infobox; the first one is used."),
    Code("WF204", "empty-brackets", _I,
         "Empty brackets left where a template was dropped (`Escape () is`) were removed."),
    Code("WF205", "title-from-page-title", _I,
         "The infobox has no name; the display title was derived from the page title."),
    Code("WF206", "other-infobox", _I,
         "The article's infobox is not a film infobox (television, person...); it was not read as a film."),
    Code("WF301", "date-unparsed", _W,
         "A release date could not be read; it is left out of release_dates."),
    Code("WF401", "money-amount-missing", _W,
         "A money value names a scale or currency but no amount; it is set to unknown."),
    Code("WF402", "money-unparsed", _W,
         "A money value could not be read; it is set to unknown."),
    Code("WF403", "money-several-values", _I,
         "A money field holds several amounts; the first one is used."),
    Code("WF404", "money-currency-unknown", _I,
         "A money value names no currency; currency is null."),
    Code("WF501", "runtime-unparsed", _W,
         "The runtime could not be read; runtime_minutes is null."),
    Code("WF502", "runtime-several-cuts", _I,
         "The runtime lists several cuts; the first one listed is runtime_minutes."),
    Code("WF601", "person-variant-merged", _I,
         "Two spellings were recognised as one person's name and share one person id."),
    Code("WF602", "cast-line-unparsed", _I,
         "A cast list line has no recognisable actor; it was skipped."),
    Code("WF701", "award-row-repaired", _W,
         "A rendered table row lost its leading cells to a row span; they were restored from the row above."),
    Code("WF702", "award-table-unreadable", _W,
         "An accolades table has no category or nominee column; it was skipped."),
    Code("WF703", "award-row-skipped", _I,
         "An accolades row has no category and no nominee; it was skipped."),
    Code("WF208", "value-nested-too-deep", _W,
         "An infobox value nests templates deeper than the 100 levels MediaWiki expands; what they hold is not read "
         "(a name or place inside is left out, other fields are read from the text around them)."),
    Code("WF209", "names-in-unread-template", _W,
         "A people or company field holds links inside a template the reader does not render (an unknown wrapper); "
         "the names in it are not read."),
    Code("WF207", "film-infobox-missing", _W,
         "The page has no film infobox but carries a category only film articles carry (`[[Category:2012 films]]`); "
         "it was extracted as a film, from its text alone."),
    Code("WF801", "soundtrack-item-unparsed", _I,
         "A soundtrack list item has no recognisable composer; it is kept with composer null."),
    Code("WF901", "page-failed", _E,
         "Extracting a page raised an exception; the page became an error record."),
    Code("WF902", "page-timeout", _E,
         "Reading, filtering and extracting a page ran past the per-page time limit; the page became an error record."),
    Code("WF903", "worker-died", _E,
         "The worker process died while extracting a page (a crash, or the memory limit); the page became an error "
         "record and the rest of its work went to a fresh worker."),
    Code("WF904", "input-unreadable", _E,
         "An input file, a dump block or a page's XML could not be read (bad bytes, wrong encoding, a file that "
         "vanished, corrupt or truncated compression); it became an error record naming the file and the place, and "
         "the run went on with the rest."),
)


@attrs.frozen
class Diagnostic:
    """A doubt about the input, and the decision wikifilm took about it."""

    code: str
    """A registered code, ``WF401``."""
    message: str
    """One sentence: what was found and what was done."""
    span: Span | None
    """Where in the source; ``None`` only for whole-document issues."""
    field: str | None = None
    """The record field concerned, ``gross`` or ``accolades[3].nominees``."""
    severity: Severity = attrs.field()

    @severity.default
    def _default_severity(self) -> Severity:
        known = CODES.get(self.code)
        return known.severity if known else Severity.ERROR

    def __attrs_post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unregistered diagnostic code {self.code!r}")

    @property
    def name(self) -> str:
        """The code's kebab-case name."""
        return CODES[self.code].name

    def to_dict(self) -> dict[str, Any]:
        """Plain data in the record contract's shape."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "field": self.field,
            "message": self.message,
            "start": self.span.start if self.span else None,
            "end": self.span.end if self.span else None,
        }

    def format(self, source: Source | None = None) -> str:
        """Compiler-style text: ``name:line:col: severity CODE name: message``, then a caret excerpt."""
        where = (source.name if source and source.name else "<input>")
        if source is not None and self.span is not None:
            line, col = source.line_col(self.span.start)
            where += f":{line}:{col}"
        head = f"{where}: {self.severity.value} {self.code} {self.name}: {self.message}"
        if source is not None and self.span is not None:
            return f"{head}\n{source.excerpt(self.span)}"
        return head

    def __str__(self) -> str:
        return self.format()
