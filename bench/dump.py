"""Dump-scale throughput and memory: bz2 module vs indexed-bzip2, `wikifilm extract` at 1 and 2 workers, peak RSS.

Run: python bench/dump.py [--mb 100] [--large-mb 1000] [--baseline cfc7a69] [--data DIR]
Builds synthetic dumps in a temporary folder (or DIR, kept) by repeating real pages: the
corpus's film articles among the real non-film pages of the shortened enwiki dump, one film
in twelve pages, written as single-stream .bz2 and as multistream .bz2 with its index. Then
prints, in one run and on the same files: the decompression rate of the bz2 module and of
indexed-bzip2 (1 and 2 threads); `wikifilm extract` at 1 and 2 workers on the single-stream
and the multistream file, each in a fresh process, with the peak RSS of the main process and of
the largest worker; the same extraction by the baseline revision's code (1 worker, its default
path) on the same single-stream file; and, with --large-mb, the peak RSS on the large dump.
Machine: shared, noisy: compare rows of one run, not runs.
"""

from __future__ import annotations

import argparse
import bz2
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "src"))

from _common import print_table  # noqa: E402

from wikifilm.batch.dumps import iter_pages  # noqa: E402
from wikifilm.batch.filter import is_film_article  # noqa: E402

STREAM_BYTES = 400_000
"""A multistream stream ends after 100 pages, as in Wikipedia's dumps, or at this much XML: English
Wikipedia's pages average about 4 KB, so its 100-page streams hold about 400 KB, but the pages
repeated here average 50 KB, and 100 of them made 5 MB streams, 19 for 100 MB: two workers
then waited on the last ones, a limit of the file, not of the reader."""
FILMS_EVERY = 12
"""One film page among this many pages, about Wikipedia's share of film articles by bytes."""
HEADER = b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">\n  <siteinfo><sitename>Wikipedia</sitename></siteinfo>\n'


def _page(title: str, page_id: int, text: str) -> bytes:
    return (f"  <page>\n    <title>{escape(title)}</title>\n    <ns>0</ns>\n    <id>{page_id}</id>\n    <revision>\n"
            f"      <id>{page_id}</id>\n      <timestamp>2020-01-01T00:00:00Z</timestamp>\n"
            f'      <text xml:space="preserve">{escape(text)}</text>\n    </revision>\n  </page>\n').encode()


def build(folder: Path, megabytes: int) -> tuple[Path, Path]:
    """The synthetic dump as single-stream .bz2 and as multistream .bz2 with its index beside it (built once per size)."""
    single, multi = folder / f"synthetic-{megabytes}.xml.bz2", folder / f"synthetic-{megabytes}-multistream.xml.bz2"
    index = folder / f"synthetic-{megabytes}-multistream-index.txt"
    if single.exists() and multi.exists() and index.exists():
        return single, multi
    films = [text for path in sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.wikitext"))
             if is_film_article(text := path.read_text(encoding="utf-8"))]
    others = [page.text for page in iter_pages(ROOT / "tests" / "fixtures" / "dumps" / "enwiki-shortened.xml.bz2") if not is_film_article(page.text)]
    compressor, written, page_id = bz2.BZ2Compressor(9), 0, 0
    index_lines: list[str] = []
    with open(single, "wb") as out_single, open(multi, "wb") as out_multi:
        out_single.write(compressor.compress(HEADER))
        out_multi.write(bz2.compress(HEADER))
        block: list[bytes] = []
        block_bytes = 0
        while written < megabytes * 1_000_000:
            page_id += 1
            text = films[page_id % len(films)] if page_id % FILMS_EVERY == 0 else others[page_id % len(others)]
            data = _page(f"Page {page_id}", page_id, text)
            written += len(data)
            out_single.write(compressor.compress(data))
            block.append(data)
            block_bytes += len(data)
            if len(block) == 100 or block_bytes >= STREAM_BYTES:
                index_lines.append(f"{out_multi.tell()}:{page_id - len(block) + 1}:Page {page_id - len(block) + 1}")
                out_multi.write(bz2.compress(b"".join(block)))
                block, block_bytes = [], 0
        if block:
            index_lines.append(f"{out_multi.tell()}:{page_id - len(block) + 1}:Page")
            out_multi.write(bz2.compress(b"".join(block)))
        out_single.write(compressor.compress(b"</mediawiki>\n") + compressor.flush())
        out_multi.write(bz2.compress(b"</mediawiki>\n"))
    index.write_text("\n".join(index_lines) + "\n", encoding="utf-8")
    return single, multi


def build_large(folder: Path, single: Path, multi: Path, copies: int) -> tuple[Path, Path]:
    """Dumps ``copies`` times as large, made without compressing again: the single-stream file repeated
    (concatenated bz2 streams, each a whole export), and the multistream file's page streams repeated
    between its header and footer streams, with the index to match."""
    large_single = folder / f"repeated-{copies}x-{single.name}"
    large_multi = folder / f"repeated-{copies}x-{multi.name}"
    large_index = large_multi.with_name(large_multi.name.replace(".xml.bz2", "-index.txt"))
    if large_single.exists() and large_multi.exists() and large_index.exists():
        return large_single, large_multi
    with open(large_single, "wb") as out:
        for _ in range(copies):
            out.write(single.read_bytes())
    offsets = [int(line.split(":", 1)[0]) for line in multi.with_name(multi.name.replace(".xml.bz2", "-index.txt")).read_text().splitlines()]
    data = multi.read_bytes()
    footer = bz2.compress(b"</mediawiki>\n")  # the last stream, as build() wrote it
    assert data.endswith(footer)
    header, body = data[: offsets[0]], data[offsets[0] : len(data) - len(footer)]
    lines = []
    with open(large_multi, "wb") as out:
        out.write(header)
        for copy in range(copies):
            base = len(header) + copy * len(body)
            lines += [f"{base + offset - offsets[0]}:{copy}{index}:Page" for index, offset in enumerate(offsets)]
            out.write(body)
        out.write(footer)
    large_index.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return large_single, large_multi


def decompress_bz2_module(path: Path) -> tuple[float, int]:
    """Seconds and bytes: the whole file through the bz2 module."""
    start, total = time.perf_counter(), 0
    with bz2.open(path, "rb") as stream:
        while chunk := stream.read(1 << 22):
            total += len(chunk)
    return time.perf_counter() - start, total


def decompress_indexed_bzip2(path: Path, threads: int) -> float:
    """Seconds: the whole file through indexed-bzip2 on ``threads`` threads."""
    import indexed_bzip2

    start = time.perf_counter()
    with indexed_bzip2.open(str(path), parallelization=threads) as stream:
        while stream.read(1 << 22):
            pass
    return time.perf_counter() - start


_RUN = """
import json, multiprocessing, resource, sys, time
from wikifilm.batch.run import run_extract
start = time.perf_counter()
summary = run_extract([sys.argv[1]], sys.argv[2], workers=int(sys.argv[3]), progress=False)
seconds = time.perf_counter() - start
for child in multiprocessing.active_children():
    child.join()  # reap the workers so RUSAGE_CHILDREN counts them
own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "pages": summary.pages, "films": summary.films, "errors": summary.errors,
                  "cpu_main": own.ru_utime + own.ru_stime, "cpu_workers": children.ru_utime + children.ru_stime,
                  "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def extract(path: Path, workers: int, out_dir: Path, src: Path, hide_index: bool = False) -> dict[str, float]:
    """`wikifilm extract` in a fresh process with ``src`` on the path: seconds, counts, peak RSS of the main process and a worker."""
    out = out_dir / f"out-{path.stem}-{workers}-{src.parent.name}.jsonl"
    index = path.with_name(path.name.replace(".xml.bz2", "-index.txt"))
    hidden = index.with_suffix(".hidden")
    if hide_index and index.exists():
        index.rename(hidden)
    try:
        result = subprocess.run([sys.executable, "-c", _RUN, str(path), str(out), str(workers)], capture_output=True, text=True,
                                check=True, env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"})
    finally:
        if hidden.exists():
            hidden.rename(index)
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def baseline_source(revision: str, folder: Path) -> Path:
    """The library's source at ``revision``, unpacked into ``folder``."""
    target = folder / f"baseline-{revision}"
    if not target.exists():
        target.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "src"], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target / "src"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=int, default=100, help="size of the dump every rate is measured on (MB of XML)")
    parser.add_argument("--large-mb", type=int, default=0, help="also measure peak RSS on a dump this large (MB of XML); 0: skip")
    parser.add_argument("--baseline", default="cfc7a69", help="revision whose extract rate is the baseline (default: the round's start)")
    parser.add_argument("--data", help="keep the synthetic dumps in this folder (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wikifilm-bench-") as temporary:
        folder = Path(args.data or temporary)
        folder.mkdir(parents=True, exist_ok=True)
        single, multi = build(folder, args.mb)
        ours, base = ROOT / "src", baseline_source(args.baseline, folder)
        bz2_seconds, size = decompress_bz2_module(single)
        mb = size / 1e6
        print(f"synthetic dump: {mb:.0f} MB of XML; .bz2 {single.stat().st_size / 1e6:.0f} MB, multistream {multi.stat().st_size / 1e6:.0f} MB\n")
        rows = [["bz2 module, decompress only", f"{mb / bz2_seconds:.1f}", "1.00x", "", ""]]
        try:
            for threads in (1, 2):
                seconds = decompress_indexed_bzip2(single, threads)
                rows.append([f"indexed-bzip2, {threads} thread(s), decompress only", f"{mb / seconds:.1f}", f"{bz2_seconds / seconds:.2f}x", "", ""])
        except ImportError:
            rows.append(["indexed-bzip2: not installed (pip install 'wikifilm[fast]')", "", "", "", ""])
        runs = {
            f"baseline {args.baseline}, .bz2, 1 worker": extract(single, 1, folder, base, hide_index=True),
            ".bz2, 1 worker": extract(single, 1, folder, ours, hide_index=True),
            ".bz2, 2 workers": extract(single, 2, folder, ours, hide_index=True),
            "multistream + index, 1 worker": extract(multi, 1, folder, ours),
            "multistream + index, 2 workers": extract(multi, 2, folder, ours),
        }
        for name, run in runs.items():
            rows.append([f"wikifilm extract, {name}", f"{mb / run['seconds']:.1f}", f"{bz2_seconds / run['seconds']:.2f}x",
                         f"{run['pages'] / run['seconds']:.0f}", f"{run['cpu_main']:.0f} / {run['cpu_workers']:.0f}", f"{run['rss_main_mb']:.0f} / {run['rss_worker_mb']:.0f}"])
        rows = [row if len(row) == 6 else [*row[:4], "", row[4]] for row in rows]
        print_table(["what", "MB/s (XML)", "vs bz2 module", "pages/s", "CPU s (main / workers)", "peak RSS MB (main / worker)"], rows)
        seconds = {name: run["seconds"] for name, run in runs.items()}
        print(f"\nsingle-stream, 2 workers vs 1: {seconds['.bz2, 1 worker'] / seconds['.bz2, 2 workers']:.2f}x (target >= 1.6x)")
        print(f"single-stream, 1 worker vs baseline {args.baseline}: {seconds[f'baseline {args.baseline}, .bz2, 1 worker'] / seconds['.bz2, 1 worker']:.2f}x (target >= 1.2x)")
        print(f"multistream, 2 workers vs 1: {seconds['multistream + index, 1 worker'] / seconds['multistream + index, 2 workers']:.2f}x (target >= 1.8x)")
        main_cpu = runs[".bz2, 2 workers"]["cpu_main"]
        print(f"single-stream: the main process (decompression, cutting between pages) took {main_cpu:.0f} CPU s for "
              f"{mb:.0f} MB: with enough cores, at most {mb / main_cpu:.0f} MB/s through one main process")
        films = {run["films"] for run in runs.values()}
        print(f"films written by every run: {sorted(films)}; error records: {sorted({run['errors'] for run in runs.values()})}")
        if args.large_mb:
            large_single, large_multi = build_large(folder, single, multi, max(2, round(args.large_mb / args.mb)))
            for name, path, hide in ((".bz2", large_single, True), ("multistream + index", large_multi, False)):
                large = extract(path, 2, folder, ours, hide_index=hide)
                small = runs[f"{name}, 2 workers"]
                print(f"peak RSS, {name}, 2 workers: {mb:.0f} MB of XML main {small['rss_main_mb']:.0f} MB / worker {small['rss_worker_mb']:.0f} MB; "
                      f"{large['pages'] / small['pages'] * mb:.0f} MB of XML main {large['rss_main_mb']:.0f} MB / worker {large['rss_worker_mb']:.0f} MB "
                      f"({large['seconds']:.0f} s, {large['films']} films)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
