"""extract() of the working tree against a git revision, timed alternately on the same core.

Run: python bench/compare.py [REVISION] [--rounds N]   (REVISION defaults to HEAD)

Speed on a shared machine drifts by up to 10% between runs minutes apart, more than most
single changes gain. This script checks REVISION out into a temporary git worktree, then runs
the cold extract() timing of both trees in fresh processes, alternately, pinned to one CPU when
``taskset`` exists, and prints the best time of each and their ratio (below 1: the working
tree is faster). Each process takes the best of 12 repetitions, caches emptied before each.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMING = r"""
import sys, time
sys.path.insert(0, sys.argv[2])
sys.path.insert(0, sys.argv[1] + "/src")
from _common import clear_wikifilm_caches, corpus_texts
import wikifilm
assert wikifilm.__file__.startswith(sys.argv[1]), wikifilm.__file__
texts = corpus_texts()
best = float("inf")
for _ in range(12):
    clear_wikifilm_caches()
    start = time.perf_counter()
    for text in texts:
        wikifilm.extract(text)
    best = min(best, time.perf_counter() - start)
print(best)
"""


def _time(tree: Path) -> float:
    """Best cold corpus time of ``tree``'s wikifilm, in a fresh process."""
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    command = [*pin, sys.executable, "-c", TIMING, str(tree), str(ROOT / "bench")]
    return float(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision", nargs="?", default="HEAD")
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        baseline = Path(scratch) / "baseline"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(baseline), args.revision], cwd=ROOT, check=True)
        try:
            best = {"baseline": float("inf"), "working tree": float("inf")}
            for _ in range(args.rounds):
                best["baseline"] = min(best["baseline"], _time(baseline))
                best["working tree"] = min(best["working tree"], _time(ROOT))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(baseline)], cwd=ROOT, check=True)
    print(f"{args.revision}: {best['baseline']:.4f} s   working tree: {best['working tree']:.4f} s")
    print(f"ratio (working tree / {args.revision}): {best['working tree'] / best['baseline']:.3f}")


if __name__ == "__main__":
    main()
