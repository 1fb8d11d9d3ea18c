"""The garbage collector is paused while an article is read and normalized: safe only because nothing made there
is in a reference cycle, which this checks over the corpus and the plain-text seed."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

import wikifilm
from tests.conftest import ARTICLES, FIXTURES
from wikifilm._collector import collector_paused
from wikifilm.errors import ReadError


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_reading_and_extracting_leave_no_reference_cycles(collector_on: None) -> None:
    """Every corpus article and the plain-text seed, read and extracted with the collector off: a collection after
    finds nothing to free (an object in a cycle would be found here, and would leak while the collector is paused)."""
    texts = [path.read_text(encoding="utf-8") for path in ARTICLES]
    texts.append((FIXTURES / "plaintext" / "escape_2024.txt").read_text(encoding="utf-8"))
    gc.collect()
    gc.disable()
    try:
        for text in texts:
            wikifilm.extract(text)
            wikifilm.read(text)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_the_collector_is_on_again_after_each_call(collector_on: None) -> None:
    wikifilm.extract("{{Infobox film\n| name = X\n}}\n")
    assert gc.isenabled()
    with pytest.raises(ReadError):
        wikifilm.read(b"\xff\xfe bad")
    assert gc.isenabled()
    with pytest.raises(ValueError):
        wikifilm.read("x", format="html")  # type: ignore[arg-type]
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off(collector_on: None) -> None:
    gc.disable()
    wikifilm.extract("{{Infobox film\n| name = X\n}}\n")
    assert not gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_an_exception_inside_turns_it_back_on(collector_on: None) -> None:
    with pytest.raises(KeyError), collector_paused():
        assert not gc.isenabled()
        raise KeyError("x")
    assert gc.isenabled()
