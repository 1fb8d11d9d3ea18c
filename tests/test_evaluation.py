"""Comparing records with golden values: the cast projection and cast recall."""

from __future__ import annotations

from typing import Any

from wikifilm.evaluation import cast_recall, project


def _record(*cast: tuple[str, str | None, str | None]) -> dict[str, Any]:
    base: dict[str, Any] = {field: [] for field in ("based_on", "release_dates", "accolades", "soundtrack", "directors", "writers", "producers", "starring",
                                    "narrators", "music", "cinematography", "editing", "studios", "distributors")}
    base.update(title=None, native_title=None, runtime_minutes=None, countries=[], languages=[], budget=None, gross=None, plot=None)
    base["cast"] = [{"actor": {"name": name}, "role": role, "version": version} for name, role, version in cast]
    return base


def test_cast_row_has_version_only_when_set() -> None:
    """A cast row is [actor, role] for an article with one cast, [actor, role, version] otherwise."""
    record = _record(("Hitoshi Takagi", "Totoro", "Japanese"), ("Paul Muni", "Émile Zola", None))
    assert project(record)["cast"] == [["Hitoshi Takagi", "Totoro", "Japanese"], ["Paul Muni", "Émile Zola"]]


def test_cast_recall_counts_found_missed_and_junk() -> None:
    """Recall counts expected names found (case-insensitively); junk is what the golden list lacks."""
    golden = {"cast": [["Paul Muni", "Wang Lung"], ["Luise Rainer", "O-Lan"]]}
    record = _record(("paul muni", "Wang Lung", None), ("and Luise Rainer", None, None))
    assert cast_recall(golden, record) == (1, 2, ["luise rainer"], ["and luise rainer"])


def test_cast_recall_skips_sampled_lists() -> None:
    """A sampled golden cast (count and rows) has no full list to recall against."""
    assert cast_recall({"cast": {"count": 3, "rows": {}}}, _record()) is None
