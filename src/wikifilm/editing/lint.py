"""Lint: every diagnostic of many articles as rows, with counts per code and per field, for
people who maintain film articles (which articles have a gross without an amount, empty
brackets in the lead, a person spelled two ways)."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable

import attrs

from wikifilm.extract import extract
from wikifilm.readers.detect import read

COLUMNS = ("file", "title", "code", "name", "severity", "field", "line", "column", "message")
"""The columns of a lint report, in order."""


@attrs.frozen(slots=True)
class Finding:
    """One diagnostic of one article, located by line and column."""

    file: str
    title: str | None
    code: str
    name: str
    severity: str
    field: str | None
    line: int | None
    column: int | None
    message: str

    def to_dict(self) -> dict[str, object]:
        """The finding as a flat row."""
        return attrs.asdict(self)


@attrs.frozen(slots=True)
class LintReport:
    """The findings of a set of articles and how they add up."""

    findings: tuple[Finding, ...]
    articles: int
    """How many articles were read."""

    @property
    def by_code(self) -> Counter[str]:
        """Findings per ``CODE name``."""
        return Counter(f"{finding.code} {finding.name}" for finding in self.findings)

    @property
    def by_field(self) -> Counter[str]:
        """Findings per record field (``(none)`` for whole-article findings); ``accolades[3].x`` counts as ``accolades``."""
        return Counter((finding.field or "(none)").split("[")[0] for finding in self.findings)

    def summary(self) -> str:
        """Counts per code and per field, as aligned text lines."""
        articles = f"{self.articles} article" + ("" if self.articles == 1 else "s")
        lines = [f"{articles}, {len(self.findings)} diagnostics"]
        for title, counts in (("per code", self.by_code), ("per field", self.by_field)):
            lines.append(f"{title}:")
            lines.extend(f"  {count:>6}  {key}" for key, count in counts.most_common())
        return "\n".join(lines)

    def to_jsonl(self) -> str:
        """One JSON object per finding."""
        return "".join(json.dumps(finding.to_dict(), ensure_ascii=False) + "\n" for finding in self.findings)

    def to_csv(self) -> str:
        """A CSV table with a header row."""
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(finding.to_dict() for finding in self.findings)
        return out.getvalue()


def lint_text(text: str, *, file: str, title: str | None = None) -> list[Finding]:
    """The findings of one article: the diagnostics of its record, located in its text."""
    document = read(text, name=file)
    film = extract(document, title=title)
    findings = []
    for diagnostic in film.diagnostics:
        line, column = document.source.line_col(diagnostic.span.start) if diagnostic.span is not None else (None, None)
        findings.append(Finding(file, title or document.page_title, diagnostic.code, diagnostic.name,
                                diagnostic.severity.value, diagnostic.field, line, column, diagnostic.message))
    return findings


def lint(articles: Iterable[tuple[str, str | None, str]]) -> LintReport:
    """Lint ``(file, title, text)`` triples (a dump's pages or article files)."""
    findings: list[Finding] = []
    count = 0
    for file, title, text in articles:
        count += 1
        findings.extend(lint_text(text, file=file, title=title))
    return LintReport(tuple(findings), count)
