"""The cache registry: one call empties every long-lived cache, and none keeps an article alive."""

from __future__ import annotations

import gc
import weakref

import wikifilm
from wikifilm.markup.names import template_name
from wikifilm.markup.plain import plain_text


def test_clear_caches_empties_every_registered_cache() -> None:
    """After ``clear_caches()`` a cached function meets its argument for the first time again."""
    template_name("film_date")
    plain_text("[[A|B]]")
    assert template_name.cache_info().currsize > 0  # type: ignore[attr-defined]
    wikifilm.clear_caches()
    assert template_name.cache_info().currsize == 0  # type: ignore[attr-defined]


def test_clear_caches_empties_the_romanization_caches() -> None:
    """The Chinese syllable caches are registered too: a benchmark's repeated run must not find them warm."""
    from wikifilm._romanization import chinese_given, chinese_syllable

    chinese_syllable("zhang")
    chinese_given("yimou")
    assert chinese_syllable.cache_info().currsize > 0
    assert chinese_given.cache_info().currsize > 0
    wikifilm.clear_caches()
    assert chinese_syllable.cache_info().currsize == chinese_given.cache_info().currsize == 0


def test_no_module_keeps_the_last_article_alive() -> None:
    """Once extracted and dropped, an article's Document is garbage (no module-level reference)."""
    text = "{{Infobox film\n| director = [[Ann Lee]]\n}}\n== Plot ==\nA plot.\n== Cast ==\n* [[Bo Kim]] as X\n"
    document = wikifilm.read(text)
    wikifilm.extract(document)
    assert document.memo  # the outline was kept with the article
    ref = weakref.ref(document)
    del document
    gc.collect()
    assert ref() is None
