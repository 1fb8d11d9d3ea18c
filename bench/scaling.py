"""Time per KB of ``extract()`` as one kind of field grows from 10 KB to 1 MB inside a real article.

Run: python bench/scaling.py [--quick] [--family NAME ...] [--cap SECONDS]

Each family puts a growing payload (a budget of repeated ``$1 million and``, a long starring
list, a cast line, an accolades table, a plot, nested templates, unclosed markup...) into the
same carrier article (tests/fixtures/articles/Hum_Saath-Saath_Hain.wikitext, a real article with
an infobox, a plot, a cast list, a track listing and an awards table); the families named
``plaintext ...`` grow in the plain-text rendering of a real article instead
(tests/fixtures/plaintext/escape_2024.txt), for the plain-text reader. For each size it times
``extract()`` (best CPU time of several runs, cold caches), subtracts the carrier's own time measured in
the same run, and prints the extra time per KB of payload. Reading is linear when that figure
stays flat: a family passes when the figure at the largest size is under twice the figure at
the smallest measurable size (see :func:`run_family`). ``--quick`` grows to 100 KB (a few
seconds a family), the full run to 1 MB. A family whose next size would run past ``--cap``
seconds at its current growth stops there and fails. Exit status 1 when any family fails.
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from _common import ROOT, clear_wikifilm_caches

import wikifilm

CARRIER = ROOT / "tests" / "fixtures" / "articles" / "Hum_Saath-Saath_Hain.wikitext"
PLAIN_CARRIER = ROOT / "tests" / "fixtures" / "plaintext" / "escape_2024.txt"
"""The carrier of the plain-text families (the plain-text rendering of a real article)."""
QUICK_SIZES = (10_000, 30_000, 100_000)
FULL_SIZES = (10_000, 30_000, 100_000, 300_000, 1_000_000)
LIMIT = 2.0
"""Largest over smallest time per KB above this fails."""


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, -(-size // len(unit)))


def _names(size: int, pattern: str) -> str:
    """``pattern`` filled with distinct made-up names (``Ann Bab``, ``Ann Bac``...) until ``size`` characters."""
    pieces: list[str] = []
    total = index = 0
    letters = "abcdefghijklmnopqrstuvwxyz"
    while total < size:
        surname = "B" + letters[index // 26 // 26 % 26] + letters[index // 26 % 26] + letters[index % 26]
        if index >= 26**3:  # past 17,576 names, a fourth letter keeps them distinct up to 1 MB
            surname += letters[index // 26**3 % 26]
        piece = pattern.format(name=f"Ann {surname}", index=index + 1)
        pieces.append(piece)
        total += len(piece)
        index += 1
    return "".join(pieces)


def _field(carrier: str, name: str, value: str) -> str:
    """The carrier with infobox field ``name`` set to ``value``."""
    line = re.compile(rf"^\|\s*{name}\s*=.*$", re.MULTILINE)
    if line.search(carrier) is None:
        return carrier.replace("{{Infobox film\n", f"{{{{Infobox film\n| {name} = {value}\n", 1)
    return line.sub(lambda _match: f"| {name} = {value}", carrier, count=1)


def _after(carrier: str, marker: str, text: str) -> str:
    """The carrier with ``text`` inserted after the first line holding ``marker``."""
    at = carrier.index("\n", carrier.index(marker)) + 1
    return carrier[:at] + text + carrier[at:]


def _cast_line(carrier: str, line: str) -> str:
    return _after(carrier, "== Cast ==", f"* {line}\n")


def _title_line(carrier: str, line: str) -> str:
    """The plain-text carrier with its ``= Title =`` line replaced, and the infobox's own title line
    dropped, so that the record's title is read from the page title."""
    _title, blank, _name, rest = carrier.split("\n", 3)
    return f"{line}\n{blank}\n{rest}"


Family = Callable[[str, int], str]

FAMILIES: dict[str, Family] = {
    # infobox fields
    "budget": lambda c, n: _field(c, "budget", _repeat("$1 million and ", n)),
    "starring list": lambda c, n: _field(c, "starring", "{{Plainlist|" + _names(n, "\n* [[{name}]]") + "\n}}"),
    "starring commas": lambda c, n: _field(c, "starring", _names(n, "[[{name}]], ")),
    "director brackets (": lambda c, n: _field(c, "director", "John Smith " + _repeat("(", n)),
    "director brackets [": lambda c, n: _field(c, "director", "John Smith " + _repeat("[", n)),
    "director nested brackets": lambda c, n: _field(c, "director", "John Smith " + _repeat("(", n // 2) + "x" + _repeat(")", n // 2)),
    "director nested templates": lambda c, n: _field(c, "director", _repeat("{{nowrap|", n // 2) + "John Smith" + _repeat("}}", n // 2)),
    "director in 100 templates": lambda c, n: _field(c, "director", "{{nowrap|" * 100 + _names(n, "[[{name}]], ") + "}}" * 100),
    "director unbalanced ref": lambda c, n: _field(c, "director", "John Smith" + _repeat("<ref>{{cite|", n)),
    "country list": lambda c, n: _field(c, "country", _names(n, "[[{name}]] and ")),
    # cast section
    "cast line": lambda c, n: _cast_line(c, "[[Tom Hanks]] as Forrest Gump, " + _repeat("a man who runs across the country and back, ", n)),
    "cast list": lambda c, n: _after(c, "== Cast ==", _names(n, "* [[{name}]] as Role {index}, a friend\n")),
    "cast brackets (": lambda c, n: _cast_line(c, "Tom Hanks as Forrest " + _repeat("(", n)),
    "cast brackets [": lambda c, n: _cast_line(c, "Tom Hanks as Forrest " + _repeat("[", n)),
    "cast apostrophes": lambda c, n: _cast_line(c, "Tom Hanks as Forrest " + _repeat("'", n)),
    "cast apostrophes first": lambda c, n: _cast_line(c, _repeat("'", n) + "x"),
    "cast nested links": lambda c, n: _cast_line(c, _repeat("[[", n // 4) + "x" + _repeat("]]", n // 4)),
    "cast nested brackets": lambda c, n: _cast_line(c, "Tom Hanks " + _repeat("(", n // 2) + "x" + _repeat(")", n // 2)),
    "cast role with slash": lambda c, n: _cast_line(c, "[[Tom Hanks]] as " + _repeat("Bob, the cook ", n) + "/ driver"),
    "cast capitals in brackets": lambda c, n: _cast_line(c, "Tom (" + _repeat("A", n) + "!)"),
    "cast spaces before link": lambda c, n: _cast_line(c, "Reverend" + _repeat(" ", n) + "([[Ian Wolfe]])"),
    "cast link openers": lambda c, n: _cast_line(c, _repeat("[[", n)),
    "cast comment openers": lambda c, n: _cast_line(c, _repeat("<!--", n)),
    "cast unbalanced ref": lambda c, n: _cast_line(c, "Tom Hanks as Forrest" + _repeat("<ref>{{cite|", n)),
    # other sections
    "accolades table": lambda c, n: _after(
        c, "! Results", _names(n, "|-\n| [[Filmfare Awards]]\n| [[Filmfare Award for Best Actor|Best Actor]]\n| [[{name}]]\n| {{{{nom}}}}\n")
    ),
    "plot": lambda c, n: _after(
        c, "==Plot==", _repeat("The family of [[Ramkishan]] lives together in ''Rampur''.<ref>Plot source.</ref> They argue.\n\n", n)
    ),
    "track listing": lambda c, n: c.replace(
        "| extra_column = Singer(s)\n", "| extra_column = Singer(s)\n" + _names(n, '| title{index} = "Song {index}"\n| music{index} = [[{name}]]\n'), 1
    ),
    "song table": lambda c, n: c + "\n==Songs==\n{|\n! Track !! Song !! Singer(s)\n" + _names(n, "|-\n| {index} || 'Song {index}' || [[{name}]]\n") + "|}\n",
    "accolades list": lambda c, n: c + "\n==Honours==\n" + _names(n, "* Festival {index} (1987)\n** Won: Best Film ([[{name}]])\n"),
    "soundtrack capitals": lambda c, n: _after(c, "==Music==", "* " + _repeat("A", n) + " x\n"),
    "soundtrack many by": lambda c, n: _after(c, "==Music==", "* x" + _repeat(" by Bb", n) + ",\n"),
    "plot nested templates": lambda c, n: _after(c, "==Plot==", _repeat("{{a|", n // 2) + _repeat("}}", n // 2) + "\n"),
    "plot unclosed templates": lambda c, n: _after(c, "==Plot==", _repeat("{{a|b", n) + "\n"),
    # at the article's end: an unclosed table runs to the end of the text, so placed in the plot it swallowed the
    # cast, music and accolades sections, and their own time, saved, was subtracted from the payload's (30 KB read
    # four times cheaper per KB than 100 KB, with every size from 100 KB up flat)
    "plot unclosed tables": lambda c, n: c + "\n==Plot==\n" + _repeat("{|\n", n),
    # plain-text articles (carrier: PLAIN_CARRIER)
    "plaintext title spaces": lambda c, n: _title_line(c, "= Escape" + _repeat(" ", n) + "2024 ="),
    "plaintext field blanks": lambda c, n: c.replace("- Country: South Korea", "- Country: South" + _repeat(" ", n) + "Korea", 1),
    "plaintext starring commas": lambda c, n: c.replace("- Starring: ", "- Starring: " + _names(n, "{name}, "), 1),
}
PLAIN_FAMILIES = frozenset(name for name in FAMILIES if name.startswith("plaintext "))
"""Families grown in :data:`PLAIN_CARRIER` instead of :data:`CARRIER`."""


def _time(text: str, cap: float) -> float:
    """Best CPU time of ``extract(text)`` with cold caches: up to five runs, within about a second.

    Each run starts from a collected heap, so that garbage left by the previous size is not
    charged to this one, and counts this process's CPU time, not the wall clock, which on a
    shared machine also counts whoever else ran meanwhile (the growth measured is the library's).
    """
    best = float("inf")
    spent = 0.0
    runs = 0
    while runs < 5 and (runs == 0 or spent < 1.0) and spent < cap:
        clear_wikifilm_caches()
        gc.collect()
        start = time.process_time()
        wikifilm.extract(text)
        elapsed = time.process_time() - start
        best = min(best, elapsed)
        spent += elapsed
        runs += 1
    return best


def run_family(name: str, carrier: str, sizes: tuple[int, ...], cap: float) -> bool:
    """Print one family's time per KB at each size, then PASS or FAIL; return whether it passed.

    The carrier is timed again first, so that the subtraction uses a figure from the same minute.
    A size whose extra time is under a quarter of the carrier's is within the noise of the
    subtraction: the comparison starts at the first size above it (none above it: the payload
    costs less than the noise even at the largest size, which passes).
    """
    base = min(_time(carrier, cap) for _ in range(3))
    rates: list[float] = []
    measurable: list[bool] = []
    shown: list[str] = []
    previous: tuple[int, float] | None = None
    stopped = ""
    for size in sizes:
        if previous is not None:
            last_size, last_time = previous
            growth = size / last_size
            reference = next((rate for rate, ok in zip(rates, measurable, strict=True) if ok), None)
            superlinear = reference is not None and rates[-1] > LIMIT * reference
            projected = last_time * growth * growth if superlinear else last_time * growth
            if projected > cap:
                stopped = f" (stopped before {size // 1000} KB: projected {projected:.0f} s > cap {cap:.0f} s)"
                break
        text = FAMILIES[name](carrier, size)
        elapsed = _time(text, cap)
        extra = max(elapsed - base, 1e-6)
        rates.append(extra / (size / 1000))
        measurable.append(extra >= 0.25 * base)
        shown.append(f"{size // 1000} KB {rates[-1] * 1e3:.3f}" + ("" if measurable[-1] else "~"))
        previous = (size, elapsed)
    reference = next((rate for rate, ok in zip(rates, measurable, strict=True) if ok), None)
    ratio = rates[-1] / reference if reference is not None else 1.0
    passed = not stopped and ratio < LIMIT
    verdict = "PASS" if passed else "FAIL"
    print(f"{verdict} {name:28} ms/KB: {' | '.join(shown)}  largest/smallest {ratio:.2f}{stopped}", flush=True)
    return passed


def main(argv: list[str] | None = None) -> int:
    """Run the families asked for (all by default); 0 when every one stays linear."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="grow to 100 KB instead of 1 MB")
    parser.add_argument("--family", action="append", choices=sorted(FAMILIES), help="run only this family (repeatable)")
    parser.add_argument("--cap", type=float, default=30.0, help="seconds one extract may take before the family stops")
    args = parser.parse_args(argv)
    carriers = {path: path.read_text(encoding="utf-8") for path in (CARRIER, PLAIN_CARRIER)}
    sizes = QUICK_SIZES if args.quick else FULL_SIZES
    for path, carrier in carriers.items():
        base = min(_time(carrier, args.cap) for _ in range(3))
        print(f"carrier {path.name}: {len(carrier) // 1000} KB, {base * 1e3:.1f} ms")
    print(f"sizes {', '.join(f'{s // 1000} KB' for s in sizes)}; families named 'plaintext ...' grow in {PLAIN_CARRIER.name}")
    print("ms/KB is extract()'s time beyond the carrier's per KB of payload; '~' marks a size within the noise (extra under a quarter of the carrier's time)")
    failed = [
        name for name in args.family or FAMILIES
        if not run_family(name, carriers[PLAIN_CARRIER if name in PLAIN_FAMILIES else CARRIER], sizes, args.cap)
    ]
    print(f"{len(failed)} of {len(args.family or FAMILIES)} families failed" + (f": {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
