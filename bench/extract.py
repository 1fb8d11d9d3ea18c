"""extract() against read(), mwparserfromhell.parse and wtf_wikipedia (parse + .json()), on one core.

Run: python bench/extract.py [--rounds N]
Same articles (tests/fixtures/articles, copied from shared/corpus/wikitext). The script pins
itself, and so the node process it starts, to one CPU. On this shared machine speed drifts by
10% and more within a minute, so the contenders are timed side by side: each of N rounds (5 by
default) times every one of them in turn, and each figure is the best of all its repetitions.
wikifilm's per-text caches are emptied before each repetition: a dump run meets every article
once, so warm caches would flatter it (an earlier version of this script did exactly that).
wtf_wikipedia is installed with npm into ~/.cache/wikifilm-bench (outside the repository) and
run with node (best of 7 per round, after a warm-up, so its JIT compiler is warm); without node
or npm that row is skipped. Peak memory per article is reported too (tracemalloc).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
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

REPEAT = 3
CACHE = Path(os.environ.get("WIKIFILM_BENCH_CACHE", Path.home() / ".cache" / "wikifilm-bench"))
NODE_SCRIPT = r"""
const wtf = require('wtf_wikipedia');
const fs = require('fs');
const files = JSON.parse(fs.readFileSync(0, 'utf8'));
const texts = files.map(f => fs.readFileSync(f, 'utf8'));
for (const t of texts) { wtf(t).json(); }
let best = Infinity;
for (let r = 0; r < 7; r++) {
  const start = process.hrtime.bigint();
  for (const t of texts) { wtf(t).json(); }
  best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
}
console.log(JSON.stringify({seconds: best}));
"""


def install_wtf() -> Path | None:
    """The node script timing wtf_wikipedia, installed on first use; None without node or npm."""
    if not shutil.which("node") or not shutil.which("npm"):
        return None
    CACHE.mkdir(parents=True, exist_ok=True)
    if not (CACHE / "node_modules" / "wtf_wikipedia").exists():
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "wtf_wikipedia"], cwd=CACHE, check=True)
    script = CACHE / "bench.js"
    script.write_text(NODE_SCRIPT, encoding="utf-8")
    return script


def wtf_seconds(script: Path) -> float:
    """Best-of-7 seconds for wtf_wikipedia parse + .json() over the corpus, in a fresh node process."""
    result = subprocess.run(["node", str(script)], cwd=CACHE, input=json.dumps([str(path) for path in CORPUS]),
                            capture_output=True, text=True, check=True)
    return float(json.loads(result.stdout)["seconds"])


def interpreter() -> str:
    """The Python running this script: builds of one version differ by 15% in speed (docs/performance.md)."""
    return f"{platform.python_implementation()} {sys.version.split()[0]} at {sys.executable} ({' '.join(sys.version.split()[1:])})"


def pin_to_one_cpu() -> str:
    """Pin this process (and the processes it starts) to its last allowed CPU; describe the result."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity here)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    pinning = pin_to_one_cpu()
    texts = corpus_texts()
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    count = len(texts)
    contenders = {
        "wikifilm.extract (full record)": lambda: best_of(lambda: [wikifilm.extract(text) for text in texts], REPEAT),
        "wikifilm.read": lambda: best_of(lambda: [wikifilm.read(text) for text in texts], REPEAT),
        "mwparserfromhell.parse": lambda: best_of(lambda: [mwparserfromhell.parse(text) for text in texts], 1),
    }
    script = install_wtf()
    if script is not None:
        contenders["wtf_wikipedia parse + .json() (node)"] = lambda: wtf_seconds(script)
    timings = {name: float("inf") for name in contenders}
    for _ in range(args.rounds):
        for name, run in contenders.items():
            timings[name] = min(timings[name], run())
    print(f"corpus: {count} articles, {megabytes:.2f} MB; one core ({pinning}); {args.rounds} rounds side by side, "
          f"best of {args.rounds * REPEAT} repetitions (wtf_wikipedia: {args.rounds * 7}); wikifilm caches emptied before each")
    print(f"interpreter: {interpreter()}\n")
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
