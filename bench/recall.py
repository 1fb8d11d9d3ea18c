"""Film recall of the batch filter: the shared corpus dumps, and the corpus articles with and without their infobox.

Run: python bench/recall.py
The dumps' film pages are those listed in the corpus's SOURCES.md (Actrius in each); the
corpus articles' kind (79 films, 4 television series or people) comes from the same file.
"Infobox removed" cuts each film article's film infobox out of its text, as a stub without one
would be, and asks whether its categories alone still make it a film.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "src"))

from _common import CORPUS, print_table  # noqa: E402

from wikifilm.batch.dumps import iter_pages  # noqa: E402
from wikifilm.readers.detect import read  # noqa: E402
from wikifilm.readers.film_article import film_evidence  # noqa: E402

_CATEGORY = re.compile(r"\[\[Category:([^\]|]*)")
DUMPS = {
    "gensim enwiki shortened (.bz2)": (ROOT / "tests" / "fixtures" / "dumps" / "enwiki-shortened.xml.bz2", {"Actrius"}),
    "piki Actrius.xml": (ROOT / "tests" / "fixtures" / "dumps" / "Actrius.xml", {"Actrius"}),
}
NON_FILMS = {"Hercules: The Legendary Journeys", "Matlock (TV series)", "The Dukes of Hazzard", "Werner Herzog"}
"""The corpus articles SOURCES.md lists as non-film."""


def _without_infobox(text: str) -> str:
    document = read(text)
    box = document.infobox
    return text if box is None else text[: box.span.start] + text[box.span.end :]


def main() -> int:
    rows = []
    for name, (path, films) in DUMPS.items():
        pages = list(iter_pages(path))
        found = {page.title for page in pages if film_evidence(page.text) is not None}
        rows.append([name, len(pages), len(films), len(found & films), len(found - films), f"{len(found & films) / len(films):.0%}"])
    articles = {path.stem.replace("_", " ").replace("%3A", ":"): path.read_text(encoding="utf-8") for path in CORPUS}
    films = {title for title in articles if title not in NON_FILMS}
    found = {title for title, text in articles.items() if film_evidence(text) is not None}
    rows.append(["corpus articles", len(articles), len(films), len(found & films), len(found - films), f"{len(found & films) / len(films):.0%}"])
    stubs = {title: _without_infobox(text) for title, text in articles.items() if title in films}
    by_category = {title for title, text in stubs.items() if (evidence := film_evidence(text)) is not None and evidence.kind == "category"}
    rows.append(["corpus films, infobox removed", len(stubs), len(stubs), len(by_category), 0, f"{len(by_category) / len(stubs):.0%}"])
    print_table(["input", "pages", "films (hand-listed)", "found", "non-films let through", "recall"], [[str(cell) for cell in row] for row in rows])
    missed = sorted(set(stubs) - by_category)
    print(f"\ninfobox removed, not found by category ({len(missed)}): {', '.join(missed)}")
    for title in missed:
        categories = _CATEGORY.findall(articles[title])
        print(f"  {title}: {len(categories)} categories, {categories[:4]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
