"""extract() against read(), mwparserfromhell.parse and wtf_wikipedia (parse + .json()), on one core.

Run: python bench/extract.py
Same articles (tests/fixtures/articles, copied from shared/corpus/wikitext), best of 7, with
wikifilm's per-text caches emptied before each repetition: a dump run meets every article once,
so warm caches would flatter it (an earlier version of this script did exactly that). The
script installs wtf_wikipedia with npm into ~/.cache/wikifilm-bench (outside the repository) and
runs it with node; without node or npm that row is skipped. It also reports peak memory per
article (tracemalloc, largest and median).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import mwparserfromhell
from _common import CORPUS, best_of, corpus_texts, print_table

import wikifilm

REPEAT = 7
CACHE = Path(os.environ.get("WIKIFILM_BENCH_CACHE", Path.home() / ".cache" / "wikifilm-bench"))
NODE_SCRIPT = r"""
const wtf = require('wtf_wikipedia');
const fs = require('fs');
const files = JSON.parse(fs.readFileSync(0, 'utf8'));
const texts = files.map(f => fs.readFileSync(f, 'utf8'));
let best = Infinity;
for (let r = 0; r < 7; r++) {
  const start = process.hrtime.bigint();
  for (const t of texts) { wtf(t).json(); }
  best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
}
console.log(JSON.stringify({seconds: best}));
"""


def wtf_seconds() -> float | None:
    """Best-of-7 seconds for wtf_wikipedia parse + .json() over the corpus, or None without node."""
    if not shutil.which("node") or not shutil.which("npm"):
        return None
    CACHE.mkdir(parents=True, exist_ok=True)
    if not (CACHE / "node_modules" / "wtf_wikipedia").exists():
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "wtf_wikipedia"], cwd=CACHE, check=True)
    script = CACHE / "bench.js"
    script.write_text(NODE_SCRIPT, encoding="utf-8")
    result = subprocess.run(["node", str(script)], cwd=CACHE, input=json.dumps([str(path) for path in CORPUS]),
                            capture_output=True, text=True, check=True)
    return float(json.loads(result.stdout)["seconds"])


def peak_memory(texts: list[str]) -> tuple[float, float]:
    """Largest and median peak traced memory of one extract() call, in MB."""
    peaks = []
    for text in texts:
        tracemalloc.start()
        wikifilm.extract(text)
        peaks.append(tracemalloc.get_traced_memory()[1] / 1e6)
        tracemalloc.stop()
    return max(peaks), statistics.median(peaks)


def main() -> int:
    texts = corpus_texts()
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    count = len(texts)
    timings = {
        "wikifilm.extract (full record)": best_of(lambda: [wikifilm.extract(text) for text in texts], REPEAT),
        "wikifilm.read": best_of(lambda: [wikifilm.read(text) for text in texts], REPEAT),
        "mwparserfromhell.parse": best_of(lambda: [mwparserfromhell.parse(text) for text in texts], REPEAT),
    }
    wtf = wtf_seconds()
    if wtf is not None:
        timings["wtf_wikipedia parse + .json() (node)"] = wtf
    print(f"corpus: {count} articles, {megabytes:.2f} MB; one core, best of {REPEAT}, wikifilm caches emptied before each\n")
    reference = timings.get("wtf_wikipedia parse + .json() (node)")
    rows = []
    for name, seconds in timings.items():
        ratio = f"{reference / seconds:.2f}x" if reference else "n/a"
        rows.append([name, f"{megabytes / seconds:.2f}", f"{count / seconds:.0f}", ratio])
    print_table(["what", "MB/s", "articles/s", "speed vs wtf_wikipedia"], rows)
    largest, median = peak_memory(texts)
    print(f"\npeak memory per article (tracemalloc): largest {largest:.1f} MB, median {median:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
