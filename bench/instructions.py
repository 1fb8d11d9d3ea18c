"""Instructions one cold corpus pass of extract() executes, for the working tree and a git revision.

Run: python bench/instructions.py [REVISION]   (REVISION defaults to HEAD; needs valgrind)

Timings on this shared machine drift by 10% within a minute, more than most single changes gain.
Instruction counts do not: callgrind counts the instructions the interpreter executes, and the
count for one pass is the difference between a run with two passes and a run with one (so start-up
and the first, warming pass cancel out). Fewer instructions is not always less time (cache misses
are not counted), so confirm a change with bench/compare.py; but a 1% difference here is real.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSES = r"""
import sys
sys.path.insert(0, sys.argv[1] + "/src")
sys.path.insert(0, sys.argv[2])
from _common import clear_wikifilm_caches, corpus_texts
import wikifilm
assert wikifilm.__file__.startswith(sys.argv[1]), wikifilm.__file__
texts = corpus_texts()
for _ in range(int(sys.argv[3])):
    clear_wikifilm_caches()
    for text in texts:
        wikifilm.extract(text)
"""


def instructions(tree: Path, passes: int) -> int:
    """Instructions of a whole run making ``passes`` passes over the corpus with ``tree``'s wikifilm."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
               sys.executable, "-c", PASSES, str(tree), str(ROOT / "bench"), str(passes)]
    output = subprocess.run(command, check=True, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"}).stderr
    match = re.search(r"Collected : (\d+)", output)
    if match is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{output[-2000:]}")
    return int(match.group(1))


def per_pass(tree: Path) -> int:
    """Instructions of one cold pass: two passes minus one."""
    return instructions(tree, 2) - instructions(tree, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision", nargs="?", default="HEAD")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed; use bench/compare.py")
        return 1
    with tempfile.TemporaryDirectory() as scratch:
        baseline = Path(scratch) / "baseline"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(baseline), args.revision], cwd=ROOT, check=True)
        try:
            before = per_pass(baseline)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(baseline)], cwd=ROOT, check=True)
    after = per_pass(ROOT)
    print(f"{args.revision}: {before:,} instructions per cold corpus pass   working tree: {after:,}")
    print(f"ratio (working tree / {args.revision}): {after / before:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
