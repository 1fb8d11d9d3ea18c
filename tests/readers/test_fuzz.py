"""The reader's two promises under fuzzing, on a fixed budget: ``read()`` never raises, renders
the input exactly with leaves that tile it, and ``extract()`` never raises.

Each test runs a fixed number of examples with a per-example deadline, so the suite stays fast;
``scripts/fuzz_read.py`` runs the same checks over tens of thousands of cases. Every failure
either found is kept below as a regression case."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wikifilm
from tests.strategies import deep_nesting, indented_plaintext, markup_lines, mixed_articles, staircase
from wikifilm.document.render import check_tiling


def assert_promises_kept(text: str) -> None:
    """Detected, forced wikitext and forced plain text all read it losslessly; extraction returns."""
    for format in (None, "wikitext", "plaintext"):
        document = wikifilm.read(text, format=format)  # type: ignore[arg-type]
        assert document.render() == text, format
        check_tiling(document)
    wikifilm.extract(text)


def fuzz_budget(examples: int) -> settings:
    """A fixed number of examples, each within a deadline that a super-linear read would miss."""
    return settings(max_examples=examples, deadline=timedelta(seconds=10), suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


REGRESSIONS = [
    # a plain-text list indented less after its first line lost every line after the first
    "= T =\n\n  - Runtime: 90\n- Budget: x\n  - Runtime: 90\n",
    # a cell '|' before a '||' separator read its marker past its end: 'invalid span'
    "{|\n|+a\n|||\n|}",
    "{|class=wikitable\n||||| 2 ! 2\n|}",
    # list markers thousands deep recursed once per marker
    "*" * 3000,
    ":" * 3000 + "x",
    # the shortest input of each failure group of the long campaign before the fixes (scripts/fuzz_read.py)
    "|-\u3000\r\n    - \U0010ffff\n* \n* {{a|🎬\t\r\n{{a|\U0010ffff\n* \n* {{a|🎬\t\r\n",
    "|-\u3000\r\n    - \U0010ffff\n* \n* {{a|🎬\t\r\n    - \U0010ffff\n* \n* {{a|🎬\t\r\n",
    ":{|:\r\n==\n= T =\r{{{\n|||</nowiki>- Key: ;\r\n<div>| a | b |\n</ref>\r}}- \n|||ﬀ\r\n#*!!ß\t\n",
    "</div>Σ\u2028{{a|\U00015e4f\U000e59be,¦\x92F::{|\r\n'''''<br>한국\u2028</ref>\u2028}}\x0b\r\n| a || b\u2028\t-  |}| name = X</ref>|}\n* \x85\r\n}}}\n\x95\U00072e37\u2028",
    "\t- :_f\n- Runtime: 90| rowspan=2 | a\xa0!\n| a || b| rowspan=2 | a\xa0!\n- Runtime: 90| rowspan=2 | a\xa0!\n==<!-- c -->==\ufeff{{Infobox film\n= T =\x85\x1d\n",
]


@pytest.mark.parametrize("text", REGRESSIONS, ids=lambda text: repr(text[:30]))
def test_regressions_found_by_fuzzing(text: str) -> None:
    """Each input a fuzz run once broke a promise with."""
    assert_promises_kept(text)


@fuzz_budget(100)
@given(markup_lines)
def test_lines_opening_with_markup(text: str) -> None:
    """Lines opening with tables, lists, headings, templates, comments, tags, refs and plain-text
    infobox lines, mostly unclosed, with mixed line breaks and odd characters."""
    assert_promises_kept(text)


@fuzz_budget(25)
@given(deep_nesting)
def test_constructs_nested_thousands_deep(text: str) -> None:
    """One construct opened up to 3,000 times, then closed none, half or all of the times."""
    assert_promises_kept(text)


@fuzz_budget(50)
@given(st.one_of(indented_plaintext, staircase))
def test_lines_nested_by_indent_or_markers(text: str) -> None:
    """Plain-text list lines at any indent, and lines one marker or one indent deeper each time."""
    assert_promises_kept(text)


@fuzz_budget(60)
@given(mixed_articles)
def test_plaintext_layout_mixed_with_wikitext(text: str) -> None:
    """Plain-text articles, wikitext lines and odd characters in one article."""
    assert_promises_kept(text)
