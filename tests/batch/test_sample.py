"""The sample dump shipped in the package: where it is, and what it holds."""

from __future__ import annotations

import wikifilm
from wikifilm.batch.dumps import DumpStats, iter_pages


def test_sample_dump_is_top_level_and_holds_the_listed_pages() -> None:
    """Twelve articles and a redirect (data/SOURCES.md): the iterator yields the twelve, Actrius first."""
    path = wikifilm.sample_dump()
    assert path.is_file() and path.name == "sample-films.xml.bz2"
    stats = DumpStats()
    titles = [page.title for page in iter_pages(path, stats=stats)]
    assert len(titles) == 12 and titles[0] == "Actrius" and titles[-1] == "Werner Herzog"
    assert stats.redirects == 1


def test_the_command_line_keeps_its_name_for_it() -> None:
    """wikifilm.cli.sample_dump still answers, for code written against it."""
    from wikifilm.cli import sample_dump

    assert sample_dump() == wikifilm.sample_dump()
