"""Field accuracy of wikifilm.extract over the hand-checked golden set.

Run: python bench/accuracy.py [--write]   (--write also regenerates docs/accuracy.md)
A field is right for an article when the extracted value equals the golden one exactly
(long lists: the count and the sampled rows).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.golden import golden_files, load  # noqa: E402

import wikifilm  # noqa: E402
from wikifilm.evaluation import FIELDS, cast_recall, compare  # noqa: E402

Recall = tuple[int, int, list[str], list[str]]


def measure() -> tuple[Counter[str], Counter[str], list[str], dict[str, Recall]]:
    """Right and checked counts per field, the misses, and cast recall per article with a full cast list."""
    right: Counter[str] = Counter()
    checked: Counter[str] = Counter()
    misses: list[str] = []
    recalls: dict[str, Recall] = {}
    for path in golden_files():
        golden, text = load(path)
        record = wikifilm.extract(text, title=golden["page_title"]).to_dict()
        if (recall := cast_recall(golden, record)) is not None:
            recalls[path.name.removesuffix(".film.json")] = recall
        for field, ok in compare(golden, record).items():
            checked[field] += 1
            right[field] += ok
            if not ok:
                misses.append(f"{path.name.removesuffix('.film.json')}: {field}")
    return right, checked, misses, recalls


def cast_table(recalls: dict[str, Recall]) -> str:
    """Cast names recalled and junk entries per article, in Markdown."""
    lines = ["| article | recalled | expected | recall | junk | missed | junk entries |", "|---|---:|---:|---:|---:|---|---|"]
    for stem, (hits, wanted, missed, extra) in sorted(recalls.items()):
        share = f"{hits / wanted:.1%}" if wanted else "-"
        lines.append(f"| {stem} | {hits} | {wanted} | {share} | {len(extra)} | {', '.join(missed)} | {', '.join(extra)} |")
    found = sum(r[0] for r in recalls.values())
    expected = sum(r[1] for r in recalls.values())
    junk = sum(len(r[3]) for r in recalls.values())
    lines.append(f"| **all** | **{found}** | **{expected}** | **{found / max(expected, 1):.1%}** | **{junk}** | | |")
    return "\n".join(lines)


def table(right: Counter[str], checked: Counter[str], misses: list[str], recalls: dict[str, Recall]) -> str:
    """The accuracy table in Markdown."""
    lines = ["| field | right | checked | accuracy |", "|---|---:|---:|---:|"]
    for field in FIELDS:
        if checked[field]:
            lines.append(f"| {field} | {right[field]} | {checked[field]} | {right[field] / checked[field]:.1%} |")
    total_right, total = sum(right.values()), sum(checked.values())
    lines.append(f"| **all fields** | **{total_right}** | **{total}** | **{total_right / total:.1%}** |")
    lines += ["", f"Golden set: {len(golden_files())} articles. Misses: " + (", ".join(misses) or "none") + "."]
    lines += ["", "### Cast recall", "", "Articles whose golden cast is a full list (names compared case-insensitively; junk: an",
              "extracted name the golden list lacks).", "", cast_table(recalls)]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="also write docs/accuracy.md")
    args = parser.parse_args()
    result = table(*measure())
    print(result)
    if args.write:
        doc = ROOT / "docs" / "accuracy.md"
        doc.write_text(
            "# Field accuracy\n\n"
            "Measured by `python bench/accuracy.py --write` over the hand-checked golden records in\n"
            "`tests/fixtures/golden/` (each value read in the article by a person, not copied from output).\n"
            "Most of these articles were read while the normalizers were developed, so this table is an upper\n"
            "bound for unseen articles (the yardstick there is 97% of contract fields right).\n\n"
            "## Held-out check\n\n"
            "Five corpus films nobody had looked at (Charly, Strategic Air Command, The Ballad of Buster\n"
            "Scruggs, That's Entertainment!, Malibu Express) were hand-checked before any code change:\n"
            "**109 of 115 fields right (94.8%)**. The misses: a `, Jr.` name split at its comma; a role\n"
            "cut at a mid-role note and one losing the period of `Ph.D.`; two directors written\n"
            "`[[Coen brothers|Joel Coen<br />Ethan Coen]]` read as one; bold segment titles read as\n"
            "cast; performer credits read as composers. All but the last were fixed in general (not\n"
            "per article) and the five films joined the golden set below.\n\n"
            "Eleven more corpus films nobody had looked at (Newspaper Boy, The Company of Strangers,\n"
            "Indivisible, Super Hero, The Owner, Things, Marquis de Sade: Justine, The Devil and Daniel\n"
            "Webster, The Adventures of Milo and Otis, The Shortcut, That's the Woman I Want) were\n"
            "hand-checked the same way, with no code change since: **246 of 253 fields right (97.2%)**.\n"
            "The misses, kept as known gaps in `tests/golden.py`: a rank abbreviation outside the known\n"
            "list (`as Ltc. Jacobsen`) ending the role; a `{{#expr:...}}` inside the gross's money\n"
            "template; distributors inside an unknown wrapper template, dropped without a diagnostic;\n"
            "awards given as a nested bullet list; a soundtrack item `\"Movement\" from ''Work''` losing\n"
            "only its opening quotation mark; a native title in the infobox's `film_name`; and\n"
            "`{{Film date|1950|August|23|...}}` (month as a name) read as the years 1950 and 0023.\n\n"
            "## Cast recall, held out\n\n"
            "Eighteen more corpus films of different shapes (cast tables, lists inside tables, one\n"
            "subsection per film of a series, cast lines with prose notes, cast told in paragraphs,\n"
            "Tamil, Malayalam, Bengali, Bangladeshi, Pakistani and Hindi films) had their cast lists\n"
            "read by hand before the cast normalizer changed: **248 of 303 names recalled (81.8%), 8 junk\n"
            "entries**. After: **302 of 303 (99.7%), no junk**; the one left is named in passing\n"
            "(`(hosted by [[Johnny Yune]])`). Six more films with plain lists, read afterwards and not\n"
            "worked on: 91 of 91 names, no junk (as before the change). Reading the new forms\n"
            "also fixed listed bugs in five older golden records (the English columns of two voice\n"
            "tables; cast members told in the Cast section's prose of three more).\n\n"
            "## Golden set\n\n"
            + result + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
