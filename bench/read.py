"""MB/s of wikifilm.read() against mwparserfromhell.parse on the corpus, one core, best of 5.

Run: python bench/read.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import mwparserfromhell
from _common import best_of, corpus_texts, print_table

import wikifilm


def main() -> int:
    texts = corpus_texts()
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    read = best_of(lambda: [wikifilm.read(text) for text in texts])
    full = best_of(lambda: [mwparserfromhell.parse(text) for text in texts])
    print(f"corpus: {len(texts)} articles, {megabytes:.2f} MB\n")
    print_table(["what", "MB/s", "articles/s", "ratio to mwparserfromhell.parse"], [
        ["wikifilm.read", f"{megabytes / read:.2f}", f"{len(texts) / read:.0f}", f"{full / read:.2f}x"],
        ["mwparserfromhell.parse", f"{megabytes / full:.2f}", f"{len(texts) / full:.0f}", "1.00x"],
    ])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
