"""The graph step's cost and memory: `wikifilm graph` against `wikifilm extract` on the same dump.

Run: python bench/graph.py [--speed-mb 50] [--sizes 100,1000] [--films-every 2] [--repeat 2] [--memory-limit 1GB]

Builds dumps in a temporary folder by repeating real pages with fresh ids and titles: the
corpus's film articles, the real non-film pages and the real redirect pages of
tests/fixtures/dumps/enwiki-shortened.xml.bz2 (plain XML, so decompression is not measured).
Then, in one run:
1. pages/s of `wikifilm extract` (JSONL) and `wikifilm graph` (Parquet tables) on the
   ``--speed-mb`` dump, each in a fresh process with 2 workers, alternated ``--repeat`` times;
   the graph step should cost under 20% more;
2. peak memory of `wikifilm graph` (main process with DuckDB, and the largest worker) on each
   of ``--sizes`` (MB of XML), the largest last. The machine is shared: run the big sizes once.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "src"))

from _common import print_table  # noqa: E402

from wikifilm.batch.dumps import iter_pages  # noqa: E402
from wikifilm.batch.filter import is_film_article  # noqa: E402
from wikifilm.batch.inputs import article_page  # noqa: E402


def _page(title: str, page_id: int, text: str, redirect: str | None = None) -> bytes:
    tag = f'    <redirect title="{escape(redirect)}" />\n' if redirect else ""
    return (f"  <page>\n    <title>{escape(title)}</title>\n    <ns>0</ns>\n    <id>{page_id}</id>\n{tag}    <revision>\n"
            f"      <id>{page_id}</id>\n      <timestamp>2020-01-01T00:00:00Z</timestamp>\n"
            f'      <text xml:space="preserve">{escape(text)}</text>\n    </revision>\n  </page>\n').encode()


def build(folder: Path, megabytes: int, films_every: int) -> tuple[Path, int]:
    """A dump of at least ``megabytes`` MB of XML: film, non-film and redirect pages in turn; its path and page count."""
    path = folder / f"graph-{megabytes}.xml"
    films = [article_page(path) for path in sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.wikitext"))]
    films = [page for page in films if is_film_article(page.text)]
    redirects: list[tuple[str, str]] = []
    others = [page.text for page in iter_pages(ROOT / "tests" / "fixtures" / "dumps" / "enwiki-shortened.xml.bz2",
                                               on_redirect=lambda page: redirects.append((page.title, page.redirect or "")))
              if not is_film_article(page.text)]
    written = page_id = 0
    with open(path, "wb") as out:
        out.write(b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">\n')
        while written < megabytes * 1_000_000:
            page_id += 1
            copy = page_id // (len(films) * films_every) + 1
            if page_id % films_every == 0:
                film = films[(page_id // films_every) % len(films)]
                data = _page(f"{film.title} (copy {copy})", page_id, film.text)
            elif page_id % 3 == 1:
                title, target = redirects[page_id % len(redirects)]
                data = _page(f"{title} (copy {page_id})", page_id, f"#REDIRECT [[{target}]]", redirect=target)
            else:
                data = _page(f"Page {page_id}", page_id, others[page_id % len(others)])
            written += len(data)
            out.write(data)
        out.write(b"</mediawiki>\n")
    return path, page_id


_RUN = """
import json, multiprocessing, resource, sys, time
job, dump, out = sys.argv[1], sys.argv[2], sys.argv[3]
start = time.perf_counter()
if job == "graph":
    from wikifilm.graph import graph
    summary = graph([dump], out, workers=2, memory_limit=sys.argv[4])
    extra = {"credits": summary.credits, "people": summary.people, "redirects": summary.redirects}
else:
    from wikifilm.batch.run import run_extract
    summary = run_extract([dump], out, workers=2, progress=False)
    extra = {}
seconds = time.perf_counter() - start
for child in multiprocessing.active_children():
    child.join()  # reap the pool's workers so RUSAGE_CHILDREN counts them
print(json.dumps({"seconds": seconds, "pages": summary.pages, "films": summary.films, **extra,
                  "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def run(job: str, dump: Path, out: Path, memory_limit: str = "1GB") -> dict[str, float]:
    """One `extract` or `graph` run in a fresh process: seconds, counts, peak RSS of the main process and of a worker."""
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-c", _RUN, job, str(dump), str(out), memory_limit]
    result = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed-mb", type=int, default=50, help="size of the dump both commands run on (MB of XML)")
    parser.add_argument("--sizes", default="100,1000", help="dump sizes for peak memory, comma-separated MB of XML")
    parser.add_argument("--films-every", type=int, default=2, help="one film page among this many pages")
    parser.add_argument("--repeat", type=int, default=2, help="alternated runs of each command")
    parser.add_argument("--memory-limit", default="1GB", help="DuckDB's memory limit in the memory runs (graph --memory-limit)")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]} ({sys.executable})")
    with tempfile.TemporaryDirectory(prefix="wikifilm-bench-graph-") as work:
        folder = Path(work)
        if args.speed_mb > 0:
            speed(folder, args)
        rows = []
        for megabytes in sorted(int(size) for size in args.sizes.split(",") if size):
            dump, pages = build(folder, megabytes, args.films_every)
            item = run("graph", dump, folder / f"graph-{megabytes}", args.memory_limit)
            rows.append([f"{dump.stat().st_size / 1e6:.0f}", f"{pages}", f"{item['films']:.0f}", f"{item['credits']:.0f}",
                         f"{item['people']:.0f}", f"{item['seconds']:.0f}", f"{item['rss_main_mb']:.0f}", f"{item['rss_worker_mb']:.0f}"])
            dump.unlink()
        print(f"wikifilm graph, 2 workers, DuckDB memory limit {args.memory_limit}")
        print_table(["MB of XML", "pages", "films", "credits", "people", "seconds", "peak RSS main MB", "peak RSS worker MB"], rows)
    return 0


def speed(folder: Path, args: argparse.Namespace) -> None:
    """Both commands on one dump, alternated; the best run of each, and the graph step's cost."""
    dump, pages = build(folder, args.speed_mb, args.films_every)
    print(f"speed dump: {dump.stat().st_size / 1e6:.0f} MB of XML, {pages} pages, one film page in {args.films_every}\n")
    timings: dict[str, list[dict[str, float]]] = {"extract": [], "graph": []}
    for repetition in range(args.repeat):
        for job in ("extract", "graph") if repetition % 2 == 0 else ("graph", "extract"):
            timings[job].append(run(job, dump, folder / f"{job}-{repetition}" / ("films.jsonl" if job == "extract" else "")))
    best = {job: min(runs, key=lambda item: item["seconds"]) for job, runs in timings.items()}
    rows = [[f"wikifilm {job}, 2 workers", f"{item['pages'] / item['seconds']:.0f}", f"{item['seconds']:.1f}",
             " / ".join(f"{run['seconds']:.1f}" for run in timings[job]), f"{item['films']:.0f}"] for job, item in best.items()]
    print_table(["what", "pages/s (best)", "seconds (best)", "every run", "films"], rows)
    cost = best["graph"]["seconds"] / best["extract"]["seconds"] - 1
    print(f"\ngraph step costs {cost:+.0%} over extract (best of {args.repeat} each, alternated)\n")
    dump.unlink()


if __name__ == "__main__":
    raise SystemExit(main())
