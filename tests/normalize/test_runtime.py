"""Runtimes in minutes, every cut kept, the first listed one first."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.normalize.helpers import field_of
from wikifilm.normalize.runtime import normalize_runtime, parse_runtimes


@pytest.mark.parametrize(("value", "expected"), [
    ("94 minutes", [94]),
    ("94 min.", [94]),
    ("{{Runtime|94}}", [94]),
    ("{{Runtime|1|34}}", [94]),
    ("1 hour 34 minutes", [94]),
    ("1h 34m", [94]),
    ("104:23", [104]),
    ("187 minutes<!--Theatrical runtime: 187:26--><ref>x</ref>", [187]),  # Barry Lyndon
    ("155 minutes<ref>{{cite web|title=K.G.F}}</ref>", [155]),
    ("119 minutes (theatrical)<br>132 minutes (director's cut)", [119, 132]),
    ("2 hours", [120]),
])
def test_runtimes(value: str, expected: list[int]) -> None:
    """Every duration, in minutes, in the order listed."""
    source, field = field_of("runtime", value)
    values, _ = normalize_runtime(source, field)
    assert [item.value for item in values] == expected


def test_several_cuts_have_an_info_diagnostic() -> None:
    """Two different cuts: WF502 says the first is runtime_minutes."""
    source, field = field_of("runtime", "119 minutes (theatrical)<br>132 minutes (director's cut)")
    _, diagnostics = normalize_runtime(source, field)
    assert [diagnostic.code for diagnostic in diagnostics] == ["WF502"]


def test_unreadable_runtime_is_unknown_with_wf501() -> None:
    """No duration in the text: null with WF501."""
    source, field = field_of("runtime", "unknown")
    values, diagnostics = normalize_runtime(source, field)
    assert values == () and [diagnostic.code for diagnostic in diagnostics] == ["WF501"]


@given(st.integers(min_value=1, max_value=600))
def test_format_then_parse_round_trips(minutes: int) -> None:
    """Minutes written three ways come back the same."""
    hours, rest = divmod(minutes, 60)
    assert parse_runtimes(f"{minutes} minutes") == [minutes]
    assert parse_runtimes(f"{minutes} min") == [minutes]
    if hours and rest:
        assert parse_runtimes(f"{hours} hours {rest} minutes") == [minutes]


@given(st.text(max_size=60))
def test_any_text_never_raises(text: str) -> None:
    """Arbitrary text yields a list, possibly empty."""
    assert isinstance(parse_runtimes(text), list)
