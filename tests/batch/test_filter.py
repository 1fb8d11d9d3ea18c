"""The cheap film filter: film infoboxes under any spelling, nothing else."""

from __future__ import annotations

import pytest

from tests.conftest import ARTICLES, SEED
from wikifilm.batch.filter import is_film_article
from wikifilm.readers.detect import read


@pytest.mark.parametrize("text", [
    "{{Infobox film\n| name = X\n}}", "{{infobox film|name=X}}", "{{Infobox_Film}}", "{{ Infobox movie\n}}",
    "{{<!-- a long comment before the name, as some articles have -->Infobox film\n}}", "{{Template:Infobox film}}",
    "{{INFOBOX FILM}}",
])
def test_film_infobox_spellings_pass(text: str) -> None:
    """Every spelling of the film infobox."""
    assert is_film_article("Intro.\n" + text)


@pytest.mark.parametrize("text", [
    "{{Infobox film awards\n| name = X\n}}", "{{Infobox film festival|name=X}}", "{{Infobox television\n}}",
    "{{Infobox person}}", "A film about an infobox film.", "",
])
def test_other_pages_are_held_back(text: str) -> None:
    """Award ceremonies, festivals, television, people and prose."""
    assert not is_film_article(text)


def test_filter_agrees_with_the_reader_on_the_corpus() -> None:
    """On every corpus article and the seed, the filter says film exactly when the reader finds a film infobox."""
    for path in [*ARTICLES, SEED]:
        text = path.read_text(encoding="utf-8")
        assert is_film_article(text) == (read(text).infobox is not None), path.name
