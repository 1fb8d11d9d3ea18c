"""Dump-scale throughput and memory: scan vs raw bz2 decompression, 1 vs 2 workers, peak RSS.

Run: python bench/dump.py [--mb 500]
Builds (once, in bench/_data/, not committed) a synthetic dump by repeating the corpus's film
articles among the real non-film pages of tests/fixtures/dumps/enwiki-shortened.xml.bz2, to at
least 500 MB of XML, written as .bz2 and as multistream .bz2 with its index; then prints, in one
run, the rates and the ratios against raw decompression of the same file.
"""

from __future__ import annotations

import argparse
import bz2
import json
import subprocess
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "src"))

from _common import print_table  # noqa: E402

from wikifilm.batch.dumps import iter_pages  # noqa: E402
from wikifilm.batch.filter import is_film_article  # noqa: E402

DATA = ROOT / "bench" / "_data"
FILMS_EVERY = 12
"""One film page among this many pages, about Wikipedia's share of film articles by bytes."""


def _page(title: str, page_id: int, text: str) -> bytes:
    return (f"  <page>\n    <title>{escape(title)}</title>\n    <ns>0</ns>\n    <id>{page_id}</id>\n    <revision>\n"
            f"      <id>{page_id}</id>\n      <timestamp>2020-01-01T00:00:00Z</timestamp>\n"
            f'      <text xml:space="preserve">{escape(text)}</text>\n    </revision>\n  </page>\n').encode()


def build(megabytes: int) -> tuple[Path, Path, Path]:
    """The synthetic dump as .bz2, multistream .bz2 and its index (built once per size)."""
    DATA.mkdir(parents=True, exist_ok=True)
    single, multi, index = DATA / f"synthetic-{megabytes}.xml.bz2", DATA / f"synthetic-{megabytes}-multistream.xml.bz2", DATA / f"synthetic-{megabytes}-multistream-index.txt"
    if single.exists() and multi.exists() and index.exists():
        return single, multi, index
    films = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.wikitext")) if is_film_article(path.read_text(encoding="utf-8"))]
    others = [page.text for page in iter_pages(ROOT / "tests" / "fixtures" / "dumps" / "enwiki-shortened.xml.bz2") if not is_film_article(page.text)]
    header = b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">\n  <siteinfo><sitename>Wikipedia</sitename></siteinfo>\n'
    single_c, written, page_id = bz2.BZ2Compressor(9), 0, 0
    index_lines: list[str] = []
    with open(single, "wb") as out_single, open(multi, "wb") as out_multi:
        out_single.write(single_c.compress(header))
        out_multi.write(bz2.compress(header))
        block: list[bytes] = []
        while written < megabytes * 1_000_000:
            page_id += 1
            text = films[page_id % len(films)] if page_id % FILMS_EVERY == 0 else others[page_id % len(others)]
            data = _page(f"Page {page_id}", page_id, text)
            written += len(data)
            out_single.write(single_c.compress(data))
            block.append(data)
            if len(block) == 100:
                index_lines.append(f"{out_multi.tell()}:{page_id - 99}:Page {page_id - 99}")
                out_multi.write(bz2.compress(b"".join(block)))
                block = []
        if block:
            index_lines.append(f"{out_multi.tell()}:{page_id - len(block) + 1}:Page")
            out_multi.write(bz2.compress(b"".join(block)))
        out_single.write(single_c.compress(b"</mediawiki>\n") + single_c.flush())
        out_multi.write(bz2.compress(b"</mediawiki>\n"))
    index.write_text("\n".join(index_lines) + "\n", encoding="utf-8")
    return single, multi, index


def uncompressed_mb(path: Path) -> float:
    total = 0
    with bz2.open(path, "rb") as stream:
        while chunk := stream.read(1 << 22):
            total += len(chunk)
    return total / 1e6


def raw_decompression(path: Path) -> float:
    """Seconds to decompress the whole file."""
    start = time.perf_counter()
    uncompressed_mb(path)
    return time.perf_counter() - start


def scan(path: Path) -> tuple[float, int, int]:
    """Seconds to stream every page and run the film filter; pages and films seen."""
    start = time.perf_counter()
    pages = films = 0
    for page in iter_pages(path):
        pages += 1
        films += is_film_article(page.text)
    return time.perf_counter() - start, pages, films


_RUN = """
import json, resource, sys, time
from wikifilm.batch.run import run_extract
start = time.perf_counter()
summary = run_extract([sys.argv[1]], sys.argv[2], workers=int(sys.argv[3]), progress=False)
import multiprocessing
for child in multiprocessing.active_children():
    child.join()  # reap the pool's workers so RUSAGE_CHILDREN counts them
print(json.dumps({"seconds": time.perf_counter() - start, "pages": summary.pages, "films": summary.films,
                  "errors": summary.errors, "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def extract(path: Path, workers: int) -> dict[str, float]:
    """`wikifilm extract` in a fresh process: seconds, counts, peak RSS of the main process and of a worker."""
    out = DATA / f"out-{path.stem}-{workers}.jsonl"
    result = subprocess.run([sys.executable, "-c", _RUN, str(path), str(out), str(workers)], capture_output=True, text=True, check=True)
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=int, default=500, help="size of the large synthetic dump (uncompressed MB)")
    args = parser.parse_args()
    small, _, _ = build(100)
    single, multi, _index = build(args.mb)
    size = uncompressed_mb(single)
    raw = raw_decompression(single)
    scan_seconds, pages, films = scan(single)
    print(f"synthetic dump: {size:.0f} MB of XML, {pages} pages, {films} film pages; "
          f".bz2 {single.stat().st_size / 1e6:.0f} MB, multistream {multi.stat().st_size / 1e6:.0f} MB\n")
    runs = {
        ".bz2, 1 worker": extract(single, 1),
        ".bz2, 2 workers": extract(single, 2),
        "multistream, 1 worker": extract(multi, 1),
        "multistream, 2 workers": extract(multi, 2),
    }
    rows = [
        ["raw bz2 decompression (one core)", f"{size / raw:.1f}", "", "1.00x", ""],
        ["scan: stream pages + film filter (one core)", f"{size / scan_seconds:.1f}", f"{pages / scan_seconds:.0f}", f"{raw / scan_seconds:.2f}x", ""],
    ]
    for name, run in runs.items():
        rows.append([f"wikifilm extract, {name}", f"{size / run['seconds']:.1f}", f"{run['pages'] / run['seconds']:.0f}",
                     f"{raw / run['seconds']:.2f}x", f"{max(run['rss_main_mb'], run['rss_worker_mb']):.0f}"])
    print_table(["what", "MB/s (XML)", "pages/s", "vs raw decompression", "peak RSS MB"], rows)
    one, two = runs["multistream, 1 worker"]["seconds"], runs["multistream, 2 workers"]["seconds"]
    print(f"\n2 workers vs 1 (multistream): {one / two:.2f}x; (.bz2): {runs['.bz2, 1 worker']['seconds'] / runs['.bz2, 2 workers']['seconds']:.2f}x")
    small_run = extract(small, 2)
    print(f"peak RSS, 2 workers: 100 MB dump main {small_run['rss_main_mb']:.0f} MB / worker {small_run['rss_worker_mb']:.0f} MB; "
          f"{args.mb} MB dump main {runs['.bz2, 2 workers']['rss_main_mb']:.0f} MB / worker {runs['.bz2, 2 workers']['rss_worker_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
