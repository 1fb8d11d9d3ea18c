"""Dump streaming on real dumps and on broken ones."""

from __future__ import annotations

import bz2
import io
import random
import threading
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from wikifilm.batch.dumps import (
    DumpStats,
    _ReadAhead,
    iter_blocks,
    iter_page_chunks,
    iter_pages,
    iter_xml_pages,
    pages_in_block,
)
from wikifilm.batch.pages import ErrorRecord, Page
from wikifilm.errors import DumpError

DUMPS = FIXTURES / "dumps"
HEADER = b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11">\n'


def page(title: str, page_id: int, text: str, ns: int = 0, redirect: str | None = None) -> bytes:
    redirect_tag = f'<redirect title="{redirect}" />' if redirect else ""
    return (f"<page><title>{title}</title><ns>{ns}</ns><id>{page_id}</id>{redirect_tag}"
            f"<revision><id>{page_id * 10}</id><timestamp>2020-01-01T00:00:00Z</timestamp>"
            f'<text xml:space="preserve">{text}</text></revision></page>\n').encode()


def test_gensim_enwiki_bz2_dump() -> None:
    """The real shortened enwiki dump: 206 pages, 99 main-namespace redirects; Actrius as SOURCES.md lists it."""
    stats = DumpStats()
    pages = list(iter_pages(DUMPS / "enwiki-shortened.xml.bz2", stats=stats))
    assert stats.pages == 206 and stats.redirects == 99 and stats.other_namespaces == 1
    assert len(pages) == stats.yielded == 106
    actrius = next(item for item in pages if item.title == "Actrius")
    assert (actrius.page_id, actrius.revision_id, actrius.timestamp) == (330, 717941394, "2016-04-30T16:32:45Z")
    assert len(actrius.text) == 5763 and actrius.text.startswith("{{refimprove|date=December 2015}}")


def test_piki_actrius_plain_xml_dump() -> None:
    """The export-0.10 dump head: Anarchism and Actrius (page 330, rev 837663731), 9 redirects skipped."""
    stats = DumpStats()
    pages = list(iter_pages(DUMPS / "Actrius.xml", stats=stats))
    assert [(item.title, item.page_id, item.revision_id) for item in pages] == [("Anarchism", 12, 871395996), ("Actrius", 330, 837663731)]
    assert stats.redirects == 9


def test_skipped_redirects_handed_on_when_asked() -> None:
    """``on_redirect`` gets each redirect skipped (the graph's link resolution), still counted, never yielded."""
    redirects: list[tuple[str, str | None]] = []
    stats = DumpStats()
    pages = list(iter_pages(DUMPS / "Actrius.xml", stats=stats, on_redirect=lambda item: redirects.append((item.title, item.redirect))))
    assert [item.title for item in pages] == ["Anarchism", "Actrius"]
    assert len(redirects) == stats.redirects == 9
    assert redirects[0] == ("AccessibleComputing", "Computer accessibility")


def test_schema_011_namespaces_and_redirects_kept_when_asked() -> None:
    """All namespaces and redirects on request; the text is unescaped exactly."""
    data = HEADER + page("A", 1, "x &amp; {{y}}") + page("Talk:A", 2, "t", ns=1) + page("B", 3, "#REDIRECT [[A]]", redirect="A") + b"</mediawiki>"
    pages = list(iter_xml_pages(io.BytesIO(data)))
    assert [(item.title, item.namespace, item.redirect) for item in pages] == [("A", 0, None), ("Talk:A", 1, None), ("B", 0, "A")]
    assert pages[0].text == "x & {{y}}"


def test_truncated_xml_is_a_dump_error_after_the_pages_before_it(tmp_path: Path) -> None:
    """A dump cut in the middle: the pages before the cut are yielded, then DumpError names the place."""
    path = tmp_path / "cut.xml"
    path.write_bytes(HEADER + page("A", 1, "a") + page("B", 2, "b")[:40])
    seen: list[Page] = []
    with pytest.raises(DumpError) as caught:
        seen.extend(iter_pages(path))
    assert [item.title for item in seen] == ["A"]
    assert caught.value.pages_read == 1 and "line" in str(caught.value)


def test_not_xml_is_a_dump_error(tmp_path: Path) -> None:
    """Plain text given as a dump."""
    path = tmp_path / "notes.xml"
    path.write_text("this is not xml at all")
    with pytest.raises(DumpError, match=r"line 1, column 0 .*; is it a dump\? a dump is a pages-articles"):
        list(iter_pages(path))


def test_html_is_told_apart_from_an_entity_attack(tmp_path: Path) -> None:
    """A Wikipedia page saved as .xml is called HTML, with what a dump is; an HTML document without a DOCTYPE too."""
    path = tmp_path / "Heat.xml"
    path.write_text('<!DOCTYPE html>\n<html class="client-nojs" lang="en"><head><title>Heat - Wikipedia</title></head></html>')
    with pytest.raises(DumpError, match=r"an HTML page \(<!DOCTYPE html>\), not a MediaWiki XML export; a dump is") as caught:
        list(iter_pages(path))
    assert "attack" not in str(caught.value)
    path.write_text("<html><body><p>Heat</p></body></html>")
    with pytest.raises(DumpError, match="not a MediaWiki XML export: the document is <html>, not <mediawiki>"):
        list(iter_pages(path))


def test_corrupt_bz2_is_a_dump_error(tmp_path: Path) -> None:
    """A bz2 file with damaged bytes in the middle."""
    data = bytearray(bz2.compress(HEADER + page("A", 1, "a" * 5000) * 50 + b"</mediawiki>"))
    data[len(data) // 2 : len(data) // 2 + 64] = b"\x00" * 64
    path = tmp_path / "bad.xml.bz2"
    path.write_bytes(bytes(data))
    with pytest.raises(DumpError):
        list(iter_pages(path))


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    """Entity declarations are refused before any expansion."""
    entities = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 10))
    path = tmp_path / "bomb.xml"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY l0 "lol">{entities}]><mediawiki><page><title>&l9;</title></page></mediawiki>')
    with pytest.raises(DumpError, match="entities"):
        list(iter_pages(path))


def test_external_entity_is_refused(tmp_path: Path) -> None:
    """An external entity (file read) is refused."""
    path = tmp_path / "xxe.xml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><mediawiki><page><title>&x;</title></page></mediawiki>')
    with pytest.raises(DumpError):
        list(iter_pages(path))


def test_missing_dump_is_file_not_found(tmp_path: Path) -> None:
    """A path that does not exist."""
    with pytest.raises(FileNotFoundError):
        list(iter_pages(tmp_path / "nope.xml.bz2"))


def test_multistream_blocks_with_index(tmp_path: Path) -> None:
    """A multistream dump (header, two page streams, footer) read block by block through its index."""
    streams = [HEADER + b"<siteinfo></siteinfo>\n", page("A", 1, "a") + page("B", 2, "b"), page("C", 3, "c"), b"</mediawiki>\n"]
    compressed = [bz2.compress(stream) for stream in streams]
    dump = tmp_path / "x-multistream.xml.bz2"
    dump.write_bytes(b"".join(compressed))
    offsets = [sum(len(part) for part in compressed[:i]) for i in range(len(compressed))]
    index = tmp_path / "x-multistream-index.txt"
    index.write_text(f"{offsets[1]}:1:A\n{offsets[1]}:2:B\n{offsets[2]}:3:C\n")
    blocks = list(iter_blocks(dump, index))
    titles = [item.title for offset, length in blocks for item in pages_in_block(dump, offset, length)]
    assert titles == ["A", "B", "C"]
    assert [item.title for item in iter_pages(dump)] == ["A", "B", "C"]  # bz2 reads all streams in sequence too
    index.write_text(index.read_text() + "junk\n")
    with pytest.raises(ValueError):  # at the call, before any block is handed out: the run then reads the dump without it
        iter_blocks(dump, index)


def test_extract_command_reads_a_multistream_dump_block_by_block(tmp_path: Path) -> None:
    """With an index beside the dump, `wikifilm extract` hands blocks to the workers; same films, same counts."""
    import json

    from tests.conftest import article_text
    from wikifilm.cli import main

    film = article_text("Actrius").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    streams = [HEADER, page("Actrius", 1, film) + page("Redirect", 2, "#REDIRECT [[Actrius]]", redirect="Actrius"),
               page("Not a film", 3, "Just prose.") + page("Actrius again", 4, film), b"</mediawiki>\n"]
    compressed = [bz2.compress(stream) for stream in streams]
    dump = tmp_path / "w-multistream.xml.bz2"
    dump.write_bytes(b"".join(compressed))
    offsets = [sum(len(part) for part in compressed[:i]) for i in range(len(compressed))]
    (tmp_path / "w-multistream-index.txt").write_text(f"{offsets[1]}:1:Actrius\n{offsets[2]}:3:Not a film\n")
    out = tmp_path / "films.jsonl"
    assert main(["extract", str(dump), "-o", str(out), "--workers", "2"]) == 0
    films = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(film["page_id"], film["title"]) for film in films] == [(1, "Actresses"), (4, "Actresses")]


@pytest.mark.parametrize("size", [50, 300, 1 << 20])
def test_page_chunks_are_whole_pages_with_their_offsets(tmp_path: Path, size: int) -> None:
    """The XML is cut between pages only; each piece's offset points at it in the XML; together they hold every page."""
    from wikifilm.batch.dumps import iter_page_chunks, pages_in_xml

    data = HEADER + b"<siteinfo></siteinfo>\n" + b"".join(page(f"P{i}", i, "x" * (i * 40)) for i in range(1, 8)) + b"</mediawiki>\n"
    path = tmp_path / "d.xml.bz2"
    path.write_bytes(bz2.compress(data))
    pieces = list(iter_page_chunks(path, size=size))
    assert all(isinstance(piece, tuple) for piece in pieces)
    for offset, xml in pieces:  # type: ignore[misc]
        assert data[offset : offset + len(xml)] == xml and xml.lstrip().startswith(b"<page>") and xml.rstrip().endswith(b"</page>")
    titles = [item.title for offset, xml in pieces for item in pages_in_xml(str(path), offset, xml)]  # type: ignore[misc]
    assert titles == [f"P{i}" for i in range(1, 8)]


# --- several exports concatenated into one file (`cat a.xml b.xml`, `bzcat *.bz2`) ---------------

JOINS = [b"", b"\n", b"\n\n  ", b'<?xml version="1.0" encoding="utf-8"?>\n', b"\n<!-- next export -->\r\n"]
"""What clean joins look like: nothing, newlines, an XML declaration, a comment."""


def export(number: int, pages: int = 3) -> bytes:
    """One whole export with its site info; page ids 10 * number + 1, + 2, ..."""
    body = b"".join(page(f"D{number} P{i}", 10 * number + i, f"text {number}.{i}") for i in range(1, pages + 1))
    return HEADER + b"<siteinfo><sitename>Wikipedia</sitename></siteinfo>\n" + body + b"</mediawiki>\n"


def concatenated(junk: bytes = b"") -> tuple[bytes, list[int], int]:
    """Ten exports joined in every clean way, ``junk`` after the fourth; the page ids in order and the junk's offset."""
    parts: list[bytes] = []
    junk_at = -1
    for number in range(10):
        parts.append(export(number))
        if number == 3 and junk:
            junk_at = len(b"".join(parts)) + 1
            parts.append(b"\n" + junk)
        parts.append(JOINS[number % len(JOINS)])
    return b"".join(parts), [10 * number + i for number in range(10) for i in (1, 2, 3)], junk_at


@pytest.mark.parametrize("chunk", [7, 64, 1 << 20])
def test_concatenated_exports_give_every_page_of_every_document(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    """Ten exports in one stream, however the joins fall across reads: all thirty pages, no error record."""
    import wikifilm.batch.dumps as dumps
    from wikifilm.batch.dumps import iter_dump_items

    monkeypatch.setattr(dumps, "_CHUNK", chunk)
    data, ids, _junk_at = concatenated()
    items = list(iter_dump_items(io.BytesIO(data), name="all.xml"))
    assert [item.page_id for item in items] == ids and all(not isinstance(item, ErrorRecord) for item in items)
    assert [item.page_id for item in iter_xml_pages(io.BytesIO(data))] == ids  # the strict reader raises on nothing


@pytest.mark.parametrize("chunk", [7, 64, 1 << 20])
@pytest.mark.parametrize("junk", [b"junk", b"</page>", b"\xff\xfe binary \x00"])
def test_junk_between_concatenated_exports_is_one_error_record(monkeypatch: pytest.MonkeyPatch, chunk: int, junk: bytes) -> None:
    """Bytes between two exports that start no document: one record naming the file and their offset; every page still read."""
    import wikifilm.batch.dumps as dumps
    from wikifilm.batch.dumps import iter_dump_items

    monkeypatch.setattr(dumps, "_CHUNK", chunk)
    data, ids, junk_at = concatenated(junk)
    items = list(iter_dump_items(io.BytesIO(data), name="all.xml"))
    errors = [item for item in items if isinstance(item, ErrorRecord)]
    assert [item.page_id for item in items if not isinstance(item, ErrorRecord)] == ids
    [error] = errors
    assert data[junk_at : junk_at + len(junk)] == junk
    assert (error.code, error.source) == ("WF904", f"all.xml@{junk_at}")
    assert error.message.startswith(f"junk after the end of a MediaWiki document, at byte {junk_at} (")
    assert error.message.endswith("reading resumed at the next document")


def test_a_cut_page_between_concatenated_exports_is_one_error_record() -> None:
    """An unfinished page between two exports is reported as a broken page; the next export is read whole."""
    from wikifilm.batch.dumps import iter_dump_items

    data, ids, junk_at = concatenated(b"<page><title>cut")
    items = list(iter_dump_items(io.BytesIO(data), name="all.xml"))
    assert [item.page_id for item in items if not isinstance(item, ErrorRecord)] == ids
    [error] = [item for item in items if isinstance(item, ErrorRecord)]
    assert error.message.startswith("XML error") and junk_at < int(str(error.source).rsplit("@", 1)[1]) < junk_at + 60


def test_junk_after_the_last_export_is_reported() -> None:
    """Bytes after the last document's end: one error record naming their offset, after every page."""
    from wikifilm.batch.dumps import iter_dump_items

    data = export(1) + export(2) + b"trailing junk\n"
    items = list(iter_dump_items(io.BytesIO(data), name="all.xml"))
    assert [item.page_id for item in items[:-1]] == [11, 12, 13, 21, 22, 23]
    assert isinstance(items[-1], ErrorRecord) and items[-1].source == f"all.xml@{len(export(1) + export(2))}"
    assert items[-1].message.endswith("nothing after them was read")


@pytest.mark.parametrize("size", [50, 700, 1 << 20])
@pytest.mark.parametrize("junk", [b"", b"junk"])
def test_concatenated_exports_in_pieces(tmp_path: Path, size: int, junk: bytes) -> None:
    """The pieces path (this process cuts, workers parse): every page of every export, junk as one record at its offset."""
    from wikifilm.batch.dumps import iter_page_chunks, pages_in_xml

    data, ids, junk_at = concatenated(junk)
    path = tmp_path / "all.xml.bz2"
    path.write_bytes(b"".join(bz2.compress(part) for part in (data[:1000], data[1000:])))  # as `cat a.bz2 b.bz2` gives
    items = [item for piece in iter_page_chunks(path, size=size) for item in pages_in_xml(str(path), *piece)]  # type: ignore[misc]
    assert [item.page_id for item in items if not isinstance(item, ErrorRecord)] == ids
    assert [item.source for item in items if isinstance(item, ErrorRecord)] == ([f"{path}@{junk_at}"] if junk else [])


def test_junk_after_the_last_export_in_pieces(tmp_path: Path) -> None:
    """The pieces path reports bytes after the last document's end too; a clean end gives nothing."""
    path = tmp_path / "all.xml"
    path.write_bytes(export(1) + export(2) + b"trailing junk\n")
    [*_pieces, error] = list(iter_page_chunks(path))
    assert isinstance(error, ErrorRecord) and error.source == f"{path}@{len(export(1) + export(2))}"
    path.write_bytes(export(1) + export(2) + b"\n\n")
    assert all(isinstance(piece, tuple) for piece in iter_page_chunks(path))


@pytest.mark.parametrize("junk", [b"", b"junk"])
def test_concatenated_multistream_exports_block_by_block(tmp_path: Path, junk: bytes) -> None:
    """Multistream files concatenated with a joined index: footer and next header share a block; every page read."""
    from wikifilm.batch.dumps import iter_dump_pages

    _data, ids, _junk_at = concatenated(junk)
    streams: list[bytes] = []
    index: list[str] = []
    size = 0
    for number in range(10):
        pages = [page(f"D{number} P{i}", 10 * number + i, f"text {number}.{i}") for i in range(1, 4)]
        footer = b"</mediawiki>\n" + (b"\n" + junk if number == 3 else b"") + JOINS[number % len(JOINS)]
        for stream in [HEADER + b"<siteinfo><sitename>Wikipedia</sitename></siteinfo>\n", pages[0] + pages[1], pages[2], footer]:
            if stream.startswith(b"<page>"):
                index.append(f"{size}:{10 * number + 1}:x\n")
            compressed = bz2.compress(stream)
            streams.append(compressed)
            size += len(compressed)
    dump = tmp_path / "all-multistream.xml.bz2"
    dump.write_bytes(b"".join(streams))
    (tmp_path / "all-multistream-index.txt").write_text("".join(index))
    items = [item for offset, length in iter_blocks(dump, tmp_path / "all-multistream-index.txt")
             for item in pages_in_block(dump, offset, length)]
    assert [item.page_id for item in items if not isinstance(item, ErrorRecord)] == ids
    errors = [item for item in items if isinstance(item, ErrorRecord)]
    assert len(errors) == (1 if junk else 0) and all(str(dump) in str(error.source) and error.message.startswith("junk") for error in errors)
    assert [item.page_id for item in iter_dump_pages(dump) if not isinstance(item, ErrorRecord)] == ids  # without the index


@pytest.mark.parametrize("where", ["redirect", "unclosed"])
def test_a_page_with_a_tag_of_megabytes_is_passed_over(where: str) -> None:
    """A tag longer than any export holds (expat before 2.6 takes quadratic time on it) is not parsed: its page is
    one error record with its id and title, and the pages around it are read."""
    from wikifilm.batch.dumps import _TAG_LIMIT, pages_in_xml

    huge = b'<redirect title="' + b"a" * (_TAG_LIMIT + 10) + (b'" />' if where == "redirect" else b"")
    stuck = page("Stuck", 2, "s").replace(b"<revision>", huge + b"<revision>")
    data = page("A", 1, "a") + stuck + page("B", 3, "b") + page("Long", 4, "x" * (_TAG_LIMIT + 10))  # long text is no tag
    items = list(pages_in_xml("d.xml", 1000, data))
    assert [(type(item).__name__, item.page_id, item.title) for item in items] == [
        ("Page", 1, "A"), ("ErrorRecord", 2, "Stuck"), ("Page", 3, "B"), ("Page", 4, "Long")]
    error = items[1]
    at = 1000 + data.index(b"<redirect")
    assert isinstance(error, ErrorRecord) and (error.code, error.source) == ("WF904", f"d.xml@{at}")
    size = len(huge) if where == "redirect" else len(huge) + len(b"<revision>")  # unclosed, it runs to the next ">"
    assert error.message.startswith(f"a tag of {size} bytes at byte {at}, longer than any MediaWiki export holds")


@pytest.mark.parametrize("where", ["redirect", "unclosed"])
@pytest.mark.parametrize("suffix", [".xml", ".xml.bz2"])
def test_a_tag_of_megabytes_in_a_dump_read_in_one_process(tmp_path: Path, where: str, suffix: str) -> None:
    """Read page by page (iter_pages, check, lint, graph, extract's article path), a tag longer than any export holds
    is not parsed either: the same error record as in a worker's piece, the pages around it read; iter_pages raises
    DumpError at it, after the pages before."""
    from wikifilm.batch.dumps import _TAG_LIMIT, iter_dump_pages, pages_in_xml

    huge = b'<redirect title="' + b"a" * (_TAG_LIMIT + 10) + (b'" />' if where == "redirect" else b"")
    stuck = page("Stuck", 2, "s").replace(b"<revision>", huge + b"<revision>")
    body = page("A", 1, "a") + stuck + page("B", 3, "b") + page("Long", 4, "x" * (_TAG_LIMIT + 10))
    data = HEADER + body + b"</mediawiki>\n"
    dump = tmp_path / f"d{suffix}"
    dump.write_bytes(bz2.compress(data) if suffix == ".xml.bz2" else data)
    items = list(iter_dump_pages(dump))
    assert [(type(item).__name__, item.page_id, item.title) for item in items] == [
        ("Page", 1, "A"), ("ErrorRecord", 2, "Stuck"), ("Page", 3, "B"), ("Page", 4, "Long")]
    [in_piece] = [item for item in pages_in_xml(str(dump), len(HEADER), body) if isinstance(item, ErrorRecord)]
    assert (items[1].message, items[1].source) == (in_piece.message, in_piece.source)  # the workers' record, to the byte
    assert items[1].source == f"{dump}@{data.index(b'<redirect')}"
    read: list[str | None] = []
    with pytest.raises(DumpError, match="a tag of"):
        read.extend(item.title for item in iter_pages(dump))
    assert read == ["A"]


def test_the_tag_watch_measures_tags_as_the_search_in_memory_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fed in chunks of any size, the watch stops at the first of the tags that :func:`_huge_tags` finds in memory."""
    from wikifilm.batch import dumps

    monkeypatch.setattr(dumps, "_TAG_LIMIT", 50)
    rng = random.Random(7)
    found = 0
    for _ in range(300):
        data = bytes(rng.choice(b"<>" + b"a" * rng.choice((5, 40))) for _ in range(rng.randint(0, 400)))
        expected = dumps._huge_tags(data)
        watch, first, position = dumps._TagWatch(), None, 0
        while position < len(data) and first is None:
            size = rng.randint(1, 40)
            try:
                watch.see(data[position : position + size], position)
            except dumps._HugeTagError as huge:
                first = huge.start
            position += size
        assert first == (expected[0][0] if expected else None), data
        found += bool(expected)
    assert 20 < found < 280  # inputs with and without a long tag were both tried


def test_read_ahead_gives_every_chunk_then_the_error_in_its_place() -> None:
    """The thread reading ahead hands over the chunks in order, then raises what ``read`` raised."""
    pieces = [b"a" * 5, b"b" * 5, b"c" * 2]

    def read(size: int) -> bytes:
        if not pieces:
            raise OSError("corrupt bz2 data")
        return pieces.pop(0)

    with _ReadAhead(read, 5) as chunks:
        assert [chunks.next() for _ in range(3)] == [b"aaaaa", b"bbbbb", b"cc"]
        with pytest.raises(OSError, match="corrupt bz2 data"):
            chunks.next()


def test_read_ahead_stops_when_left_early() -> None:
    """Leaving the ``with`` after one chunk of an endless stream stops the thread (it would block on a full queue)."""

    with _ReadAhead(lambda size: b"x" * size, 3) as chunks:
        assert chunks.next() == b"xxx"
    assert not any(thread.name == "wikifilm-read-ahead" for thread in threading.enumerate())


def test_page_chunks_of_a_cut_bz2_keep_every_whole_page_before_the_damage(tmp_path: Path) -> None:
    """Through the read-ahead thread, a cut single-stream .bz2 still gives its whole pages, then one error."""
    words = random.Random(7).choices(["film", "cast", "plot", "role", "actor", "scene", "music", "award"], k=600_000)
    text = " ".join(words)  # 3.6 MB that compress to several bz2 blocks (900 KB each), so the intact ones can be read
    pages = "".join(f"<page><title>P{n}</title><ns>0</ns><id>{n}</id><revision><text>{text[n * 90_000:(n + 1) * 90_000]}</text></revision></page>\n" for n in range(40))
    data = bz2.compress(f"<mediawiki>{pages}</mediawiki>".encode())
    cut = tmp_path / "cut.xml.bz2"
    cut.write_bytes(data[: len(data) * 2 // 3])
    out = list(iter_page_chunks(cut, size=4096))
    assert isinstance(out[-1], ErrorRecord) and out[-1].code == "WF904"
    xml = b"".join(piece[1] for piece in out[:-1] if isinstance(piece, tuple))
    assert xml.count(b"</page>") >= 1 and xml.startswith(b"<page><title>P0</title>")
    assert xml.endswith(b"</page>")
