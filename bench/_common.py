"""Shared helpers for the benchmark scripts: the corpus, best-of timing, table printing."""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.wikitext"))


def corpus_texts() -> list[str]:
    """Every corpus article's text."""
    return [path.read_text(encoding="utf-8") for path in CORPUS]


def clear_wikifilm_caches() -> None:
    """Empty wikifilm's caches (:func:`wikifilm.clear_caches`), so that every run meets the articles
    for the first time.

    A dump run sees each article once; timing repeated runs over warm caches would flatter the
    library. Tables built once per process are kept, as a long run keeps them.
    """
    clear = getattr(sys.modules.get("wikifilm"), "clear_caches", None)
    if clear is not None:
        clear()
        return
    # A baseline revision from before wikifilm.clear_caches() (bench/instructions.py REVISION):
    # its caches are found the way that revision's own benchmark found them.
    for name, module in list(sys.modules.items()):
        if name.startswith("wikifilm"):
            for value in vars(module).values():
                if isinstance(value, functools._lru_cache_wrapper) and value.cache_parameters()["maxsize"] != 1:
                    value.cache_clear()


def best_of(run: Callable[[], object], repeat: int = 5) -> float:
    """Fastest wall time of ``repeat`` runs with cold caches, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        clear_wikifilm_caches()
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
