"""extract() against read(), mwparserfromhell.parse and wtf_wikipedia (parse + .json()), on one core.

Run: python bench/extract.py [--rounds N]
Same articles (tests/fixtures/articles, copied from shared/corpus/wikitext). The script pins
itself, and so the processes it starts, to one CPU. On this shared machine speed drifts by 10%
and more within a minute, and two processes of the same code differ by up to 10% for life, so the
contenders are timed side by side: each of N rounds (5 by default) times every one of them in
turn, each in a fresh process, and each figure is the best of all its repetitions.
wikifilm's per-text caches are emptied before each repetition: a dump run meets every article
once, so warm caches would flatter it (an earlier version of this script did exactly that).
wtf_wikipedia is installed with npm into ~/.cache/wikifilm-bench (outside the repository) and
run with node (after a warm-up pass, so its JIT compiler is warm); without node
or npm that row is skipped. Peak memory per article is reported too (tracemalloc).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import mwparserfromhell
from _common import CORPUS, best_of, clear_wikifilm_caches, corpus_texts, print_table

import wikifilm

REPEAT = 7
"""Repetitions per round, for wikifilm and for wtf_wikipedia alike, so that neither side gets more draws."""
CACHE = Path(os.environ.get("WIKIFILM_BENCH_CACHE", Path.home() / ".cache" / "wikifilm-bench"))
NODE_SCRIPT = r"""
const wtf = require('wtf_wikipedia');
const fs = require('fs');
const files = JSON.parse(fs.readFileSync(0, 'utf8'));
const texts = files.map(f => fs.readFileSync(f, 'utf8'));
for (const t of texts) { wtf(t).json(); }
let best = Infinity;
for (let r = 0; r < REPEAT; r++) {
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
    script.write_text(NODE_SCRIPT.replace("REPEAT", str(REPEAT)), encoding="utf-8")
    return script


def wtf_seconds(script: Path) -> float:
    """Best-of-REPEAT seconds for wtf_wikipedia parse + .json() over the corpus, in a fresh node process."""
    result = subprocess.run(["node", str(script)], cwd=CACHE, input=json.dumps([str(path) for path in CORPUS]),
                            capture_output=True, text=True, check=True)
    return float(json.loads(result.stdout)["seconds"])


def interpreter() -> str:
    """The Python running this script: builds of one version differ by 15% in speed (docs/performance.md)."""
    return f"{platform.python_implementation()} {sys.version.split()[0]} at {sys.executable} ({' '.join(sys.version.split()[1:])})"


def pin_to_one_cpu() -> str:
    """Pin this process (and the processes it starts) to its first allowed CPU; describe the result."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity here)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def peak_memory(texts: list[str]) -> tuple[float, float]:
    """Largest and median peak traced memory of one extract() call, in MB, with per-text caches
    emptied first; the tables a process builds once (romanization tables) are built before."""
    for text in texts:
        wikifilm.extract(text)
    clear_wikifilm_caches()
    peaks = []
    for text in texts:
        tracemalloc.start()
        wikifilm.extract(text)
        peaks.append(tracemalloc.get_traced_memory()[1] / 1e6)
        tracemalloc.stop()
    return max(peaks), statistics.median(peaks)


PYTHON_CONTENDERS: dict[str, tuple[Callable[[str], object], int]] = {
    "wikifilm.extract (full record)": (wikifilm.extract, REPEAT),
    "wikifilm.read": (wikifilm.read, REPEAT),
    "mwparserfromhell.parse": (mwparserfromhell.parse, 1),
}


def python_seconds(name: str) -> float:
    """Best time of the Python contender ``name`` over the corpus, in a fresh process.

    A process keeps its speed for life (memory layout, hash seed) and two processes of the same
    code differ by up to 10% here, so each round starts a new one, as node's rounds do.
    """
    result = subprocess.run([sys.executable, __file__, "--time", name], capture_output=True, text=True, check=True)
    return float(result.stdout)


def time_contender(name: str) -> float:
    """Best-of-N seconds of one Python contender over the corpus, in this process."""
    texts = corpus_texts()
    function, repeat = PYTHON_CONTENDERS[name]
    return best_of(lambda: [function(text) for text in texts], repeat)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--time", choices=sorted(PYTHON_CONTENDERS), help="time one Python contender here and print its seconds")
    args = parser.parse_args()
    if args.time:
        print(time_contender(args.time))
        return 0
    pinning = pin_to_one_cpu()
    texts = corpus_texts()
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    count = len(texts)
    contenders: dict[str, Callable[[], float]] = {name: functools.partial(python_seconds, name) for name in PYTHON_CONTENDERS}
    script = install_wtf()
    if script is not None:
        contenders["wtf_wikipedia parse + .json() (node)"] = functools.partial(wtf_seconds, script)
    timings = {name: float("inf") for name in contenders}
    for _ in range(args.rounds):
        for name, run in contenders.items():
            timings[name] = min(timings[name], run())
    print(f"corpus: {count} articles, {megabytes:.2f} MB; one core ({pinning}); {args.rounds} rounds side by side, "
          f"each contender in a fresh process per round, best of {args.rounds * REPEAT} repetitions "
          "(mwparserfromhell: one per round); wikifilm caches emptied before each")
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
