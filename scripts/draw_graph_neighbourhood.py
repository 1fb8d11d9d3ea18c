"""Draw docs/img/graph-neighbourhood.png: the shortest chain of films between two actors, with co-stars.

Runs the Oracle-of-Bacon query of docs/graph.md (read from the page, so the picture and the
page cannot disagree) on a graph folder, and draws films as squares and people as circles.

    python scripts/draw_graph_neighbourhood.py [--graph DIR] [--output PNG]

Without ``--graph`` it builds the graph of tests/fixtures/articles in a temporary folder.
Needs matplotlib and DuckDB (``pip install 'wikifilm[docs,graph]'``).
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CO_STARS = 3
"""Co-stars drawn around each film of the chain, besides the chain's own people."""


def chain_query() -> str:
    """The SQL block of docs/graph.md."""
    page = (ROOT / "docs" / "graph.md").read_text(encoding="utf-8")
    match = re.search(r"```sql\n(.*?)```", page, re.DOTALL)
    assert match is not None, "docs/graph.md has no sql block"
    return match.group(1)


def shortest_chain(graph_dir: Path) -> tuple[list[str], list[str]]:
    """``(people, films)`` of the chain, from the page's query run inside ``graph_dir``'s parent."""
    import duckdb

    previous = Path.cwd()
    os.chdir(graph_dir.parent)
    try:
        con = duckdb.connect()
        query = chain_query().replace("'graph/credits.parquet'", f"'{graph_dir.name}/credits.parquet'")
        people, films = con.execute(query).fetchone()
    finally:
        os.chdir(previous)
    return list(people), list(films)


def draw(graph_dir: Path, output: Path) -> None:
    """Lay the chain out left to right, films between their two actors, co-stars fanned below."""
    import duckdb
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    people, films = shortest_chain(graph_dir)
    credits = str(graph_dir / "credits.parquet")
    figure, axes = plt.subplots(figsize=(12, 5.2), dpi=110)
    positions: dict[str, tuple[float, float]] = {}
    for index, person in enumerate(people):
        positions[person] = (index * 2.0, 1.0)
    for index, film in enumerate(films):
        positions[film] = (index * 2.0 + 1.0, 1.0)
        rows = duckdb.sql(
            f"SELECT DISTINCT name FROM '{credits}' WHERE film_title = $film AND role IN ('cast', 'starring') "
            "AND person_key NOT IN (SELECT unnest($people)) ORDER BY name LIMIT $limit",
            params={"film": film, "people": people, "limit": CO_STARS},
        ).fetchall()
        for offset, (name,) in enumerate(rows):
            spot = (index * 2.0 + 1.0 + (offset - (len(rows) - 1) / 2) * 0.62, -0.2 - 0.35 * (offset % 2))
            axes.plot([positions[film][0], spot[0]], [positions[film][1], spot[1]], color="#bbbbbb", zorder=1)
            axes.scatter(*spot, s=160, color="#d8e6f3", edgecolors="#5b7fa6", zorder=2)
            axes.annotate(name, spot, textcoords="offset points", xytext=(0, -14), ha="center", fontsize=7.5)
    path = [item for pair in zip(people, [*films, None], strict=True) for item in pair if item is not None]
    for first, second in itertools.pairwise(path):
        axes.plot(*zip(positions[first], positions[second], strict=True), color="#333333", linewidth=2.5, zorder=1)
    for person in people:
        axes.scatter(*positions[person], s=420, color="#f4b183", edgecolors="#9c4a12", linewidths=1.5, zorder=3)
        axes.annotate(person, positions[person], textcoords="offset points", xytext=(0, 14), ha="center", fontsize=10, weight="bold")
    for film in films:
        axes.scatter(*positions[film], s=520, marker="s", color="#9dc3a7", edgecolors="#2f6b3f", linewidths=1.5, zorder=3)
        axes.annotate(film, positions[film], textcoords="offset points", xytext=(0, 15), ha="center", fontsize=9, style="italic")
    axes.set_title(f"{people[0]} to {people[-1]}: {len(films)} films (corpus articles, wikifilm graph)", fontsize=11)
    axes.set_xlim(-0.8, len(people) * 2.0 - 1.2)
    axes.set_ylim(-1.0, 1.6)
    axes.axis("off")
    figure.tight_layout()
    output.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(output, metadata={"Software": None})
    plt.close(figure)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, help="a folder written by wikifilm graph (default: build one from the corpus)")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "img" / "graph-neighbourhood.png")
    args = parser.parse_args()
    if args.graph is not None:
        draw(args.graph.resolve(), args.output)
        return
    import wikifilm

    with tempfile.TemporaryDirectory() as work:
        graph_dir = Path(work) / "graph"
        wikifilm.graph([ROOT / "tests" / "fixtures" / "articles"], graph_dir, workers=1)
        draw(graph_dir, args.output)


if __name__ == "__main__":
    main()
