"""Build src/wikifilm/data/sample-films.xml.bz2: a small MediaWiki export of real corpus articles.

Run from the repository root: python scripts/build_sample_dump.py
Page text is copied unedited from tests/fixtures/articles; revision ids and timestamps are the
real ones from shared/corpus/SOURCES.md; page ids are the real one for Actrius (330) and local
sequence numbers otherwise (the corpus does not record them). A redirect and two non-film
pages are included so the run shows the filter at work.
"""

from __future__ import annotations

import bz2
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "fixtures" / "articles"

PAGES = [  # (file stem, title, page id, revision id, timestamp)
    ("Actrius", "Actrius", 330, 837663731, "2018-04-22T06:42:19Z"),
    ("Barry_Lyndon", "Barry Lyndon", 900001, 953837852, "2020-04-29T09:02:18Z"),
    ("K.G.F%3A_Chapter_1", "K.G.F: Chapter 1", 900002, 953683814, "2020-04-28T14:41:22Z"),
    ("My_Neighbor_Totoro", "My Neighbor Totoro", 900003, 870887455, "2018-11-27T16:36:27Z"),
    ("Rush_(2013_film)", "Rush (2013 film)", 900004, 952284967, "2020-04-21T13:32:50Z"),
    ("Evil_Dead_II", "Evil Dead II", 900005, 870067795, "2018-11-22T04:43:10Z"),
    ("Hum_Saath-Saath_Hain", "Hum Saath-Saath Hain", 900006, 952286004, "2020-04-21T13:38:42Z"),
    ("The_Castle_of_Cagliostro", "The Castle of Cagliostro", 900007, 870532376, "2018-11-25T12:49:37Z"),
    ("Seven_Brides_for_Seven_Brothers", "Seven Brides for Seven Brothers", 900008, 865833071, "2018-10-26T13:30:59Z"),
    ("Baadshaho", "Baadshaho", 900009, 953728948, "2020-04-28T19:26:56Z"),
    ("Matlock_(TV_series)", "Matlock (TV series)", 900010, 870643450, "2018-11-26T03:54:21Z"),
    ("Werner_Herzog", "Werner Herzog", 900011, 871187114, "2018-11-29T14:41:42Z"),
]


def page_xml(title: str, page_id: int, revision_id: int | None, timestamp: str | None, text: str, redirect: str | None = None) -> str:
    revision = f"      <id>{revision_id}</id>\n" if revision_id else ""
    revision += f"      <timestamp>{timestamp}</timestamp>\n" if timestamp else ""
    redirect_tag = f"    <redirect title={quoteattr(redirect)} />\n" if redirect else ""
    return (
        f"  <page>\n    <title>{escape(title)}</title>\n    <ns>0</ns>\n    <id>{page_id}</id>\n{redirect_tag}"
        f"    <revision>\n{revision}      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
        f"      <text xml:space=\"preserve\">{escape(text)}</text>\n    </revision>\n  </page>\n"
    )


def main() -> None:
    parts = ['<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">\n',
             "  <siteinfo>\n    <sitename>Wikipedia</sitename>\n    <dbname>enwiki</dbname>\n  </siteinfo>\n"]
    for stem, title, page_id, revision_id, timestamp in PAGES:
        text = (ARTICLES / f"{stem}.wikitext").read_text(encoding="utf-8")
        parts.append(page_xml(title, page_id, revision_id, timestamp, text))
    parts.append(page_xml("Lupin III: The Castle of Cagliostro", 900012, None, None, "#REDIRECT [[The Castle of Cagliostro]]", "The Castle of Cagliostro"))
    parts.append("</mediawiki>\n")
    out = ROOT / "src" / "wikifilm" / "data" / "sample-films.xml.bz2"
    out.write_bytes(bz2.compress("".join(parts).encode("utf-8"), 9))
    print(f"wrote {out} ({out.stat().st_size} bytes, {len(PAGES) + 1} pages)")


if __name__ == "__main__":
    main()
