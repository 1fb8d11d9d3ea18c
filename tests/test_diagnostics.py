"""Diagnostics: registered codes, compiler-style text, contract dict, and the generated docs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wikifilm.diagnostics import CODES, Diagnostic, Severity
from wikifilm.span import Source, Span

DOCS = Path(__file__).parent.parent / "docs" / "diagnostics.md"


def test_unknown_codes_are_refused() -> None:
    """Only registered codes can be raised as diagnostics."""
    with pytest.raises(ValueError):
        Diagnostic("WF999", "nope", None)


def test_codes_follow_the_naming_scheme() -> None:
    """Codes are WF + 3 digits, names kebab-case, unique."""
    names = [code.name for code in CODES.values()]
    assert len(names) == len(set(names))
    for key, code in CODES.items():
        assert key == code.code and re.fullmatch(r"WF\d{3}", key)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", code.name)


def test_format_is_compiler_style_with_a_caret() -> None:
    """str() style output names file, line, column, severity, code and name, then the excerpt."""
    source = Source("- Gross: million\n", "escape_2024.txt")
    diagnostic = Diagnostic("WF401", "gross reads 'million' with no amount; set to unknown", Span(9, 16), field="gross")
    assert diagnostic.severity is Severity.WARNING
    assert diagnostic.format(source) == (
        "escape_2024.txt:1:10: warning WF401 money-amount-missing: gross reads 'million' with no amount; set to unknown\n"
        "- Gross: million\n         ^^^^^^^"
    )


def test_to_dict_matches_the_contract() -> None:
    """The dict form carries code, name, severity, field, message, start and end."""
    diagnostic = Diagnostic("WF401", "m", Span(1, 2), field="gross")
    assert diagnostic.to_dict() == {
        "code": "WF401", "name": "money-amount-missing", "severity": "warning", "field": "gross",
        "message": "m", "start": 1, "end": 2,
    }


def test_docs_are_generated_from_the_registry() -> None:
    """docs/diagnostics.md is exactly what the generator writes (run `python -m wikifilm.docgen`)."""
    from wikifilm.docgen import diagnostics_markdown

    assert DOCS.read_text(encoding="utf-8") == diagnostics_markdown()
