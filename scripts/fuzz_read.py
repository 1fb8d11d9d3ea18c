"""A long fuzz campaign over the readers: ``python scripts/fuzz_read.py [SCALE] [SEED]``.

Runs the reader strategies of ``tests/strategies.py``, each for its share of 30,600 cases times SCALE,
in one process, and checks what ``tests/readers/test_fuzz.py`` checks with its small CI budget:
``read()`` under every format never raises, renders the input exactly and tiles, and
``extract()`` never raises. Failures are grouped by exception and innermost frame, with the
shortest input of each group; reads slower than a second are listed for the linear-time hunt.
Run it niced, from the repository root: ``PYTHONPATH=src:. nice python scripts/fuzz_read.py``.
"""

from __future__ import annotations

import argparse
import collections
import re
import signal
import sys
import time
import traceback
from types import FrameType

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from tests import strategies

import wikifilm
from wikifilm.document.render import check_tiling

STRATEGIES = {
    "markup_lines": 8000, "mixed_articles": 6000, "wikitext_fragments": 6000, "plaintext_articles": 5000,
    "indented_plaintext": 3000, "deep_nesting": 1500, "staircase": 1000, "deep_staircase": 100,
}
"""Each strategy with its share of a campaign of 30,600 cases (deep ones are slow, so fewer)."""
SLOW_SECONDS = 1.0
LIMIT_SECONDS = 10


class _TimeoutError(Exception):
    pass


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _TimeoutError


def _signature(check: str, error: BaseException) -> str:
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if "wikifilm" in frame.filename]
    where = f"{frames[-1].filename.rsplit('/src/', 1)[-1]}:{frames[-1].lineno} {frames[-1].name}" if frames else "?"
    message = re.sub(r"\d+", "N", str(error))[:60]
    return f"{check}: {type(error).__name__}: {message} @ {where}"


def check(text: str) -> list[tuple[str, BaseException | None]]:
    """Every broken promise for ``text``, as (check name, exception or None)."""
    problems: list[tuple[str, BaseException | None]] = []
    for format in (None, "wikitext", "plaintext"):
        name = f"read[{format or 'auto'}]"
        try:
            document = wikifilm.read(text, format=format)
        except Exception as error:
            problems.append((name, error))
            continue
        if document.render() != text:
            problems.append((f"{name} render", None))
        try:
            check_tiling(document)
        except Exception as error:
            problems.append((f"{name} tiling", error))
    try:
        wikifilm.extract(text)
    except Exception as error:
        problems.append(("extract", error))
    return problems


def _campaign(
    name: str, examples: int, run_seed: int, groups: dict[str, list[str]], slow: list[tuple[float, str, int, str]]
) -> tuple[int, int]:
    """Run one strategy; returns (cases, failing cases), adding failures to ``groups``."""
    strategy = getattr(strategies, name)
    counts = [0, 0]

    @seed(run_seed)
    @settings(max_examples=examples, database=None, deadline=None, phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(st.data())
    def run(data: st.DataObject) -> None:
        text = data.draw(strategy)
        counts[0] += 1
        started = time.perf_counter()
        signal.alarm(LIMIT_SECONDS)
        try:
            problems = check(text)
        except _TimeoutError:
            problems = [("timeout", None)]
        finally:
            signal.alarm(0)
        seconds = time.perf_counter() - started
        if seconds > SLOW_SECONDS:
            slow.append((seconds, name, len(text), text[:60]))
        if problems:
            counts[1] += 1
            for check_name, error in problems:
                groups[_signature(check_name, error) if error is not None else check_name].append(text)

    run()
    return counts[0], counts[1]


def _print_groups(groups: dict[str, list[str]]) -> None:
    for key, texts in sorted(groups.items(), key=lambda item: -len(item[1])):
        shortest = min(texts, key=len)
        print(f"  {len(texts):6d}  {key}\n          shortest ({len(shortest)} chars): {shortest[:200]!r}", flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("scale", nargs="?", type=float, default=1.0, help="cases as a multiple of 30,600 (default: 1)")
    parser.add_argument("seed", nargs="?", type=int, default=12, help="hypothesis seed (default: 12)")
    arguments = parser.parse_args(argv)
    scale, run_seed = arguments.scale, arguments.seed
    signal.signal(signal.SIGALRM, _alarm)
    sys.setrecursionlimit(1000)
    total_cases = total_failing = 0
    groups: dict[str, list[str]] = collections.defaultdict(list)
    slow: list[tuple[float, str, int, str]] = []
    for name, share in STRATEGIES.items():
        started = time.perf_counter()
        cases, failing = _campaign(name, max(1, int(share * scale)), run_seed, groups, slow)
        print(f"{name}: {cases} cases, {failing} failing, {time.perf_counter() - started:.0f} s", flush=True)
        _print_groups(groups)
        total_cases += cases
        total_failing += failing
    print(f"TOTAL: {total_cases} cases, {total_failing} failing, {len(groups)} distinct failures")
    _print_groups(groups)
    for seconds, name, length, head in sorted(slow, reverse=True)[:30]:
        print(f"  slow {seconds:5.1f} s  {name}  {length} chars  {head!r}")
    return 1 if total_failing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
