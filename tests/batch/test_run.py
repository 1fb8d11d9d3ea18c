"""Whole runs over damaged inputs: every fault becomes an error record, and every good page is written."""

from __future__ import annotations

import bz2
import json
import os
from pathlib import Path
from typing import Any

import pytest

import wikifilm.batch.dumps as dumps
import wikifilm.batch.pool as pool
from tests.conftest import article_text
from wikifilm.batch.pages import ErrorRecord
from wikifilm.batch.run import run_extract
from wikifilm.cli import main
from wikifilm.record import Film

HEADER = b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11">\n'


def escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def page(title: str, page_id: int, text: str) -> bytes:
    return (f"<page><title>{title}</title><ns>0</ns><id>{page_id}</id><revision><id>{page_id * 10}</id>"
            f'<text xml:space="preserve">{escaped(text)}</text></revision></page>\n').encode()


def films_in(path: Path) -> list[tuple[Any, Any]]:
    return [(record["page_id"], record["page_title"]) for record in map(json.loads, path.read_text(encoding="utf-8").splitlines())]


def errors_in(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


FILMS = [("Actrius", 1), ("Barry Lyndon", 2), ("Kadavul", 3), ("Evil Dead II", 4)]


def film_pages() -> list[bytes]:
    return [page(title, page_id, article_text(title.replace(" ", "_"))) for title, page_id in FILMS]


@pytest.fixture(params=["indexed-bzip2", "bz2 module"])
def decompressor(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each .bz2 test runs through indexed-bzip2 (when installed) and through the bz2 module fallback."""
    if request.param == "indexed-bzip2":
        pytest.importorskip("indexed_bzip2")
    else:
        monkeypatch.setattr(dumps, "_indexed_bzip2", lambda: None)
    return str(request.param)


def test_a_folder_with_a_file_of_random_bytes(tmp_path: Path) -> None:
    """Two good articles and one file of random bytes: exit 3, both films written, one error naming the file; --resume passes over all three."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "Actrius.wikitext").write_text(article_text("Actrius"), encoding="utf-8")
    (folder / "Kadavul.wikitext").write_text(article_text("Kadavul"), encoding="utf-8")
    (folder / "Noise.wikitext").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "films.jsonl"
    assert main(["extract", str(folder), "-o", str(out), "--workers", "1", "--no-progress"]) == 3
    assert sorted(title for _id, title in films_in(out)) == ["Actrius", "Kadavul"]
    [error] = errors_in(tmp_path / "films.errors.jsonl")
    assert (error["page_title"], error["code"], error["error_type"]) == ("Noise", "WF904", "UnicodeDecodeError")
    assert error["source"] == str(folder / "Noise.wikitext") and error["message"].startswith("byte 128: not UTF-8 text")
    summary = run_extract([folder], out, workers=1, resume=True, progress=False)
    assert (summary.films, summary.errors, summary.resumed) == (0, 0, 3)
    assert len(errors_in(tmp_path / "films.errors.jsonl")) == 1


def test_other_encodings(tmp_path: Path) -> None:
    """UTF-16 with its BOM and UTF-8 with a BOM are read; Latin-1 bytes are an error record naming the byte."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "Actrius.wikitext").write_bytes(article_text("Actrius").encode("utf-16"))
    (folder / "Kadavul.wikitext").write_bytes(b"\xef\xbb\xbf" + article_text("Kadavul").encode("utf-8"))
    (folder / "Latin.wikitext").write_bytes("{{Infobox film|name=Amélie}}".encode("latin-1"))
    out = tmp_path / "films.jsonl"
    summary = run_extract([folder], out, workers=1, progress=False)
    assert sorted(title for _id, title in films_in(out)) == ["Actrius", "Kadavul"]
    [error] = errors_in(tmp_path / "films.errors.jsonl")
    assert error["page_title"] == "Latin" and error["message"].startswith("byte 22: ") and summary.errors == 1


def test_a_file_that_vanished_after_the_folder_was_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A directory entry gone by the time it is read: an error record naming it, the other file written."""
    import wikifilm.batch.run as run

    good = tmp_path / "Actrius.wikitext"
    good.write_text(article_text("Actrius"), encoding="utf-8")
    gone = tmp_path / "Gone.wikitext"
    monkeypatch.setattr(run, "expand_inputs", lambda _inputs: [gone, good])
    summary = run_extract([tmp_path], tmp_path / "films.jsonl", workers=1, progress=False)
    assert films_in(tmp_path / "films.jsonl") == [(None, "Actrius")]
    [error] = errors_in(tmp_path / "films.errors.jsonl")
    assert (error["page_title"], error["error_type"], error["source"]) == ("Gone", "FileNotFoundError", str(gone)) and summary.errors == 1


@pytest.mark.parametrize("suffix", [".xml", ".xml.bz2"])
def test_bad_bytes_inside_one_page_of_a_dump(tmp_path: Path, suffix: str, decompressor: str) -> None:
    """Invalid UTF-8 inside the second page: that page is an error record with its title; the pages after it are read."""
    pages = film_pages()
    pages[1] = pages[1].replace(b"Kubrick", b"Kub\xff\xferick", 1)
    data = HEADER + b"".join(pages) + b"</mediawiki>\n"
    dump = tmp_path / f"bad{suffix}"
    dump.write_bytes(bz2.compress(data) if suffix.endswith(".bz2") else data)
    summary = run_extract([dump], tmp_path / "films.jsonl", workers=1, progress=False)
    assert films_in(tmp_path / "films.jsonl") == [(1, "Actrius"), (3, "Kadavul"), (4, "Evil Dead II")]
    [error] = errors_in(tmp_path / "films.errors.jsonl")
    assert (error["page_id"], error["page_title"], error["code"]) == (2, "Barry Lyndon", "WF904")
    assert error["source"].startswith(f"{dump}@") and summary.errors == 1


def multistream(tmp_path: Path, pages: list[bytes]) -> tuple[Path, Path]:
    """A multistream dump with two pages a stream, and its index."""
    streams = [HEADER] + [b"".join(pages[i : i + 2]) for i in range(0, len(pages), 2)] + [b"</mediawiki>\n"]
    compressed = [bz2.compress(stream) for stream in streams]
    dump = tmp_path / "f-multistream.xml.bz2"
    dump.write_bytes(b"".join(compressed))
    offsets = [sum(len(part) for part in compressed[:i]) for i in range(len(compressed))]
    index = tmp_path / "f-multistream-index.txt"
    index.write_text("".join(f"{offsets[1 + i // 2]}:{i + 1}:x\n" for i in range(len(pages))))
    return dump, index


def test_a_truncated_multistream_dump_without_its_index_keeps_every_readable_page(tmp_path: Path, decompressor: str) -> None:
    """Cut inside its third stream: the four pages of the first two streams are written, then one error record names the cut."""
    pages = [*film_pages(), page("Fifth", 5, article_text("Actrius"))]
    dump, index = multistream(tmp_path, pages)
    index.unlink()
    data = dump.read_bytes()
    dump.write_bytes(data[: len(data) - 200])
    summary = run_extract([dump], tmp_path / "films.jsonl", workers=1, progress=False)
    assert films_in(tmp_path / "films.jsonl") == [(page_id, title) for title, page_id in FILMS]
    [error] = errors_in(tmp_path / "films.errors.jsonl")
    assert error["code"] == "WF904" and error["source"].startswith(str(dump)) and summary.errors == 1


def test_a_truncated_multistream_dump_with_its_index(tmp_path: Path) -> None:
    """Block by block: the blocks before the cut are written, the cut block is one error record naming its offset."""
    dump, _index = multistream(tmp_path, [*film_pages(), page("Fifth", 5, article_text("Actrius"))])
    data = dump.read_bytes()
    dump.write_bytes(data[: len(data) - 200])
    summary = run_extract([dump], tmp_path / "films.jsonl", workers=2, progress=False)
    assert films_in(tmp_path / "films.jsonl") == [(page_id, title) for title, page_id in FILMS]
    [error] = errors_in(tmp_path / "films.errors.jsonl")
    assert error["code"] == "WF904" and error["error_type"] == "DumpError" and error["source"].startswith(f"{dump}@")
    assert summary.errors == 1


def test_an_index_with_a_broken_line_is_passed_over_before_any_block(tmp_path: Path) -> None:
    """An index line that is no offset: one error record names the index, and the dump is read without it, each film once."""
    dump, index = multistream(tmp_path, film_pages())
    index.write_text(index.read_text() + "not an offset:9:x\n")
    summary = run_extract([dump], tmp_path / "films.jsonl", workers=2, progress=False)
    assert films_in(tmp_path / "films.jsonl") == [(page_id, title) for title, page_id in FILMS]
    [error] = errors_in(tmp_path / "films.errors.jsonl")
    assert (error["code"], error["source"]) == ("WF904", str(index)) and "read without it" in error["message"]
    assert summary.errors == 1


@pytest.mark.parametrize("with_index", [True, False])
def test_a_page_that_kills_or_hangs_its_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_index: bool) -> None:
    """One page kills its worker, one hangs it: a WF903 and a WF902 record, and every other page is written, on both paths."""
    import time

    from wikifilm.extract import extract as real

    def hostile(text: str, **kwargs: object) -> Film:
        if "Kubrick" in text:
            os._exit(9)
        if "Kadavul" in text[:2000] and "Tamil" in text:
            time.sleep(60)
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pool, "extract", hostile)
    dump, index = multistream(tmp_path, [*film_pages(), page("Fifth", 5, article_text("Actrius"))])
    if not with_index:
        index.unlink()
    summary = run_extract([dump], tmp_path / "films.jsonl", workers=2, timeout=2.0, progress=False, start_method="fork")
    assert films_in(tmp_path / "films.jsonl") == [(1, "Actrius"), (4, "Evil Dead II"), (5, "Fifth")]
    errors = {error["page_title"]: (error["code"], error["page_id"]) for error in errors_in(tmp_path / "films.errors.jsonl")}
    assert errors == {"Barry Lyndon": ("WF903", 2), "Kadavul": ("WF902", 3)} and summary.errors == 2


def test_a_clean_run_exits_0(tmp_path: Path) -> None:
    """No error record written: exit 0 and no error lines."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "Actrius.wikitext").write_text(article_text("Actrius"), encoding="utf-8")
    assert main(["extract", str(tmp_path / "in"), "-o", str(tmp_path / "films.jsonl"), "--workers", "1", "--no-progress"]) == 0
    assert errors_in(tmp_path / "films.errors.jsonl") == []


def test_a_run_over_dumps_only_starts_no_pool_for_article_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Dumps alone: their pieces go to one pool, and no second pool of idle workers is started for article files."""
    import wikifilm.batch.run as run

    def no_pool(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a pool was started for article files, and there are none")

    monkeypatch.setattr(run, "extract_pages", no_pool)
    dump = tmp_path / "dump.xml"
    dump.write_bytes(HEADER + b"".join(film_pages()) + b"</mediawiki>\n")
    summary = run_extract([dump], tmp_path / "films.jsonl", workers=1, progress=False)
    assert (summary.films, summary.errors) == (4, 0)


def test_resume_passes_over_an_error_that_has_no_page(tmp_path: Path) -> None:
    """A cut dump's error record (known by its source) is written once: --resume neither repeats it nor the films."""
    dump, index = multistream(tmp_path, [*film_pages(), page("Fifth", 5, article_text("Actrius"))])
    index.unlink()
    data = dump.read_bytes()
    dump.write_bytes(data[: len(data) - 200])
    first = run_extract([dump], tmp_path / "films.jsonl", workers=2, progress=False)
    again = run_extract([dump], tmp_path / "films.jsonl", workers=2, progress=False, resume=True)
    assert (first.films, first.errors) == (4, 1) and (again.films, again.errors, again.resumed) == (0, 0, 5)
    assert len(errors_in(tmp_path / "films.errors.jsonl")) == 1 and len(films_in(tmp_path / "films.jsonl")) == 4


def test_bad_bytes_inside_one_page_of_a_multistream_block(tmp_path: Path) -> None:
    """With the index: the broken page is an error record naming its block, the rest of its block and the other blocks are written."""
    pages = film_pages()
    pages[1] = pages[1].replace(b"Kubrick", b"Kub\xff\xferick", 1)
    dump, _index = multistream(tmp_path, pages)
    summary = run_extract([dump], tmp_path / "films.jsonl", workers=2, progress=False)
    assert films_in(tmp_path / "films.jsonl") == [(1, "Actrius"), (3, "Kadavul"), (4, "Evil Dead II")]
    [error] = errors_in(tmp_path / "films.errors.jsonl")
    assert (error["page_id"], error["page_title"], error["code"]) == (2, "Barry Lyndon", "WF904") and summary.errors == 1
    assert error["source"].startswith(f"{dump}@")


def test_sigterm_stops_the_command_cleanly(tmp_path: Path) -> None:
    """SIGTERM to `wikifilm extract` (handled by the command, not the library): exit 130, whole lines written, --resume completes."""
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import ARTICLES

    folder = tmp_path / "articles"
    folder.mkdir()
    for copy in range(3):
        for source in ARTICLES:
            (folder / f"{copy}-{source.name}").write_bytes(source.read_bytes())
    out = tmp_path / "films.jsonl"
    env = {**os.environ, "PYTHONPATH": str(Path(pool.__file__).parents[2])}
    command = [sys.executable, "-m", "wikifilm", "extract", str(folder), "-o", str(out), "--workers", "1", "--no-progress"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 130 and b"interrupted" in err
    assert out.read_text(encoding="utf-8").endswith("\n")  # every line whole
    assert main(["extract", str(folder), "-o", str(out), "--workers", "1", "--resume", "--no-progress"]) == 0
    titles = [title for _id, title in films_in(out)]
    assert len(titles) == len(set(titles)) == 3 * 79  # 79 of the 83 corpus articles are films


@pytest.mark.parametrize("name", ["noise.xml", "noise.xml.bz2"])
def test_a_dump_of_random_bytes_beside_a_good_article(tmp_path: Path, name: str) -> None:
    """A "dump" that is random bytes: one error record naming it; the article beside it is written."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(bytes(range(7, 256)) * 20)
    (folder / "Kadavul.wikitext").write_text(article_text("Kadavul"), encoding="utf-8")
    summary = run_extract([folder], tmp_path / "films.jsonl", workers=1, progress=False)
    assert films_in(tmp_path / "films.jsonl") == [(None, "Kadavul")]
    [error] = errors_in(tmp_path / "films.errors.jsonl")
    assert error["code"] == "WF904" and error["source"] == f"{folder / name}@0" and summary.errors == 1


# --- several exports in one file; --limit and --resume on the parallel paths -----------------------

SITEINFO = b"<siteinfo><sitename>Wikipedia</sitename></siteinfo>\n"


def small_film(number: int) -> bytes:
    """A small film page (a film infobox and a lead), quick to extract."""
    text = (f"{{{{Infobox film\n| name = Film {number}\n| director = Jane Doe\n| released = {{{{Film date|2001|5|4}}}}\n}}}}\n"
            f"'''Film {number}''' is a 2001 film directed by Jane Doe.\n")
    return page(f"Film {number}", number, text)


def exports(count: int, junk: bytes = b"") -> tuple[list[list[bytes]], list[int]]:
    """``count`` exports as lists of streams (header, two pages a stream, footer), ``junk`` after the fourth's footer;
    each export holds two films and one page that is not a film. Also the film ids in order."""
    documents, ids = [], []
    for number in range(count):
        films = [small_film(10 * number + 1), small_film(10 * number + 3)]
        prose = page(f"Person {number}", 10 * number + 2, "'''Jane Doe''' is a director.")
        footer = b"</mediawiki>\n" + (junk if number == 3 else b"") + (b'<?xml version="1.0"?>\n' if number % 2 else b"")
        documents.append([HEADER + SITEINFO, films[0] + prose, films[1], footer])
        ids += [10 * number + 1, 10 * number + 3]
    return documents, ids


def write_concatenated(tmp_path: Path, kind: str, documents: list[list[bytes]]) -> Path:
    """The exports as one file: plain XML, one .bz2 stream, one .bz2 per export joined (`bzcat`), or multistream with an index."""
    xml = b"".join(b"".join(streams) for streams in documents)
    if kind == "xml":
        (dump := tmp_path / "all.xml").write_bytes(xml)
    elif kind == "bz2":
        (dump := tmp_path / "all.xml.bz2").write_bytes(bz2.compress(xml))
    elif kind == "bzcat":
        (dump := tmp_path / "all.xml.bz2").write_bytes(b"".join(bz2.compress(b"".join(streams)) for streams in documents))
    else:
        compressed, index, size = [], [], 0
        for streams in documents:
            for stream in streams:
                if stream.startswith(b"<page>"):
                    index.append(f"{size}:0:x\n")
                compressed.append(bz2.compress(stream))
                size += len(compressed[-1])
        (dump := tmp_path / "all-multistream.xml.bz2").write_bytes(b"".join(compressed))
        (tmp_path / "all-multistream-index.txt").write_text("".join(index))
    return dump


@pytest.mark.parametrize("kind", ["xml", "bz2", "bzcat", "multistream"])
def test_ten_exports_concatenated_write_every_film(tmp_path: Path, kind: str, decompressor: str) -> None:
    """Ten exports in one file, junk after the fourth: every film of every export written, the junk one record with its offset."""
    from wikifilm.batch.dumps import iter_dump_pages

    documents, ids = exports(10, junk=b"junk\n")
    dump = write_concatenated(tmp_path, kind, documents)
    summary = run_extract([dump], tmp_path / "films.jsonl", workers=2, progress=False)
    assert [page_id for page_id, _title in films_in(tmp_path / "films.jsonl")] == ids and summary.films == 20
    [error] = errors_in(tmp_path / "films.errors.jsonl")
    junk_at = b"".join(b"".join(streams) for streams in documents).index(b"junk\n")
    assert error["code"] == "WF904" and error["message"].startswith("junk after the end of a MediaWiki document")
    if kind != "multistream":  # block by block, the offset counts from the block's start
        assert error["source"] == f"{dump}@{junk_at}"
    assert (summary.pages, summary.not_films, summary.errors) == (30, 10, 1)
    pages = list(iter_dump_pages(dump))  # the page-by-page path
    assert [item.page_id for item in pages if not isinstance(item, ErrorRecord)] == sorted([*ids, *range(2, 100, 10)])


def spy_pieces(monkeypatch: pytest.MonkeyPatch, size: int) -> list[int]:
    """Cut dumps into pieces of about ``size`` bytes; the returned list grows by one per piece handed out."""
    import wikifilm.batch.run as run

    handed: list[int] = []

    def small_pieces(path: Path, threads: int = 1) -> Any:
        for piece in dumps.iter_page_chunks(path, threads=threads, size=size):
            handed.append(1)
            yield piece

    monkeypatch.setattr(run, "iter_page_chunks", small_pieces)
    return handed


def test_limit_on_the_pieces_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--limit 3 on a dump of forty films, two workers: exactly the first three films, and pieces stop being handed out."""
    documents, ids = exports(20)
    dump = write_concatenated(tmp_path, "xml", documents)
    handed = spy_pieces(monkeypatch, size=300)
    summary = run_extract([dump], tmp_path / "films.jsonl", workers=2, limit=3, progress=False)
    assert [page_id for page_id, _title in films_in(tmp_path / "films.jsonl")] == ids[:3] and summary.films == 3
    assert 0 < len(handed) < 20  # of the forty or so pieces, only those read ahead of the third film


@pytest.mark.parametrize("kind", ["bz2", "multistream"])
def test_limit_then_resume_on_the_parallel_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    """--limit 5, then --resume: the workers pass over the five films written (counted as resumed), and each film is written once."""
    documents, ids = exports(5)
    dump = write_concatenated(tmp_path, kind, documents)
    handed = spy_pieces(monkeypatch, size=300)
    out = tmp_path / "films.jsonl"
    first = run_extract([dump], out, workers=2, limit=5, progress=False)
    again = run_extract([dump], out, workers=2, resume=True, progress=False)
    assert [page_id for page_id, _title in films_in(out)] == ids
    assert (first.films, again.films, again.resumed, again.errors) == (5, 5, 5, 0)
    assert (len(handed) > 0) == (kind != "multistream")  # the pieces path, or block by block: never page by page here


def test_limit_counts_films_across_dumps_and_article_files(tmp_path: Path) -> None:
    """--limit over a dump (parallel) and article files (read in order): exactly N film records in all."""
    documents, _ids = exports(1)
    dump = write_concatenated(tmp_path, "xml", documents)
    (tmp_path / "Actrius.wikitext").write_text(article_text("Actrius"), encoding="utf-8")
    (tmp_path / "Kadavul.wikitext").write_text(article_text("Kadavul"), encoding="utf-8")
    summary = run_extract([dump, tmp_path / "Actrius.wikitext", tmp_path / "Kadavul.wikitext"], tmp_path / "films.jsonl",
                          workers=2, limit=3, progress=False)
    assert films_in(tmp_path / "films.jsonl") == [(1, "Film 1"), (3, "Film 3"), (None, "Actrius")] and summary.films == 3


def test_a_jsonl_run_imports_no_arrow_and_no_http_client() -> None:
    """`import wikifilm` and the extract job leave pyarrow (with numpy) and httpx unimported until Parquet or a fetch needs them."""
    import subprocess
    import sys

    code = ("import sys, wikifilm, wikifilm.cli, wikifilm.batch.run; "
            "print(sorted(name for name in ('pyarrow', 'numpy', 'httpx') if name in sys.modules))")
    src = str(Path(__file__).resolve().parents[2] / "src")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONPATH": src}).stdout.strip()
    assert found == "[]"
