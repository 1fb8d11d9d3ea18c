"""Run the tutorial's code blocks in order, as a notebook would, and keep the figure they draw.

    python scripts/tutorial_figure.py                      # rewrites docs/img/budgets-by-year.png
    python scripts/tutorial_figure.py --output OTHER.png   # the suite's check: runs, asserts, draws elsewhere

The figure in the docs is thereby drawn by exactly the code the tutorial shows.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "docs" / "tutorial.md"
FIGURE = ROOT / "docs" / "img" / "budgets-by-year.png"
DRAWN = "budgets-by-year.png"
"""The file name the tutorial's last block saves to, in the directory it runs in."""


def tutorial_code() -> str:
    """The tutorial's ```python blocks, joined in order."""
    return "\n".join(re.findall(r"```python\n(.*?)```", TUTORIAL.read_text(encoding="utf-8"), re.DOTALL))


def run(output: Path) -> None:
    """Run the blocks in a scratch directory and move the figure they save to ``output``."""
    with tempfile.TemporaryDirectory() as scratch:
        here = Path.cwd()
        os.chdir(scratch)
        try:
            exec(compile(tutorial_code(), str(TUTORIAL), "exec"), {"__name__": "__tutorial__"})
        finally:
            os.chdir(here)
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(Path(scratch) / DRAWN, output)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=FIGURE, help=f"where the figure goes (default: {FIGURE.relative_to(ROOT)})")
    run(parser.parse_args().output)
