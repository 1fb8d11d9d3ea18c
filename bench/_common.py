"""Shared helpers for the benchmark scripts: the corpus, best-of timing, table printing."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.wikitext"))


def corpus_texts() -> list[str]:
    """Every corpus article's text."""
    return [path.read_text(encoding="utf-8") for path in CORPUS]


def best_of(run: Callable[[], object], repeat: int = 5) -> float:
    """Fastest wall time of ``repeat`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def print_table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table, printed and returned."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---:" if i else "---" for i in range(len(headers))) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    text = "\n".join(lines)
    print(text)
    return text
