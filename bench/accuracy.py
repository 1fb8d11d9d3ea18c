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
from wikifilm.evaluation import FIELDS, compare  # noqa: E402


def measure() -> tuple[Counter[str], Counter[str], list[str]]:
    """Right and checked counts per field, and the misses."""
    right: Counter[str] = Counter()
    checked: Counter[str] = Counter()
    misses: list[str] = []
    for path in golden_files():
        golden, text = load(path)
        record = wikifilm.extract(text, title=golden["page_title"]).to_dict()
        for field, ok in compare(golden, record).items():
            checked[field] += 1
            right[field] += ok
            if not ok:
                misses.append(f"{path.name.removesuffix('.film.json')}: {field}")
    return right, checked, misses


def table(right: Counter[str], checked: Counter[str], misses: list[str]) -> str:
    """The accuracy table in Markdown."""
    lines = ["| field | right | checked | accuracy |", "|---|---:|---:|---:|"]
    for field in FIELDS:
        if checked[field]:
            lines.append(f"| {field} | {right[field]} | {checked[field]} | {right[field] / checked[field]:.1%} |")
    total_right, total = sum(right.values()), sum(checked.values())
    lines.append(f"| **all fields** | **{total_right}** | **{total}** | **{total_right / total:.1%}** |")
    lines += ["", f"Golden set: {len(golden_files())} articles. Misses: " + (", ".join(misses) or "none") + "."]
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
            "These are articles the code was developed against; the yardstick for unseen articles is 97% of\n"
            "contract fields right, and this table is an upper bound on that until a held-out set is added.\n\n"
            + result + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
