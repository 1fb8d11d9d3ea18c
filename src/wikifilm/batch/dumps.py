"""Streaming pages out of MediaWiki XML exports (schema 0.10/0.11): plain, .bz2, multistream .bz2.

Memory stays flat: an expat parser is fed the stream in 1 MiB chunks and each page is handed on
as soon as its ``</page>`` is read, keeping only the fields a Page holds (mwxml streams the same
way). Entity declarations (billion laughs, external entities) are refused: MediaWiki dumps have none.
A multistream dump with its index can be read block by block, so that workers decompress
their own blocks (:func:`iter_blocks`, :func:`pages_in_block`).
"""

from __future__ import annotations

import bz2
import gzip
import html
import io
import itertools
import queue
import re
import threading
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

import attrs

from wikifilm.batch.pages import ErrorRecord, Page
from wikifilm.errors import DumpError


@attrs.define
class DumpStats:
    """Counts kept while streaming, for the summary and the progress bar."""

    pages: int = 0
    """Pages read (all namespaces)."""
    yielded: int = 0
    """Pages handed on."""
    redirects: int = 0
    """Redirects skipped."""
    other_namespaces: int = 0
    """Pages outside the requested namespaces."""


def _indexed_bzip2() -> Any:
    """The ``indexed_bzip2`` module (``pip install 'wikifilm[fast]'``), or None: then the ``bz2`` module reads."""
    try:
        import indexed_bzip2
    except ImportError:
        return None
    return indexed_bzip2


class _SalvagingBz2(io.RawIOBase):
    """The ``bz2`` module stream by stream, giving out every byte it could decompress before a cut or a corrupt block.

    ``bz2.BZ2File.read`` raises on a truncated file and loses what it had decompressed in that
    call; here the error comes only once everything before it has been read.
    """

    def __init__(self, raw: IO[bytes], skip: int = 0) -> None:
        self._raw = raw
        self._decompressor = bz2.BZ2Decompressor()
        self._skip = skip
        self._error: str | None = None
        self._ended = False

    def readable(self) -> bool:
        return True

    def _more(self, size: int) -> bytes:
        while not self._ended:
            if self._decompressor.eof:
                leftover = self._decompressor.unused_data
                self._decompressor = bz2.BZ2Decompressor()
                if not leftover:
                    leftover = self._raw.read(1 << 16)
                    if not leftover:
                        self._ended = True
                        return b""
                data = self._decompressor.decompress(leftover, size)
            elif self._decompressor.needs_input:
                compressed = self._raw.read(1 << 16)
                if not compressed:
                    self._ended = True
                    self._error = "the compressed stream ends early (truncated file)"
                    return b""
                data = self._decompressor.decompress(compressed, size)
            else:
                data = self._decompressor.decompress(b"", size)
            if data:
                return data
        return b""

    def close(self) -> None:
        self._raw.close()
        super().close()

    def readinto(self, buffer: Any) -> int:
        try:
            data = self._more(len(buffer))
            while self._skip and data:
                cut = min(self._skip, len(data))
                self._skip -= cut
                data = data[cut:] or self._more(len(buffer))
        except (OSError, ValueError, EOFError) as error:
            self._ended, self._error, data = True, f"corrupt bz2 data: {error}", b""
        if not data and self._error:
            error_text, self._error = self._error, None
            raise OSError(error_text)
        buffer[: len(data)] = data
        return len(data)


class _FastBz2(io.RawIOBase):
    """indexed-bzip2 (parallel for single-stream files); on a corrupt or cut file, the ``bz2`` module takes over
    where it stopped, so every readable byte is still read."""

    def __init__(self, path: Path, threads: int) -> None:
        self._path = path
        self._reader: Any = _indexed_bzip2().open(str(path), parallelization=max(1, threads))
        self._position = 0
        self._fallback: _SalvagingBz2 | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._fallback is None:
            try:
                count = int(self._reader.readinto(buffer))
                self._position += count
                return count
            except Exception:  # indexed-bzip2 raises RuntimeError (std::exception) on bad data
                self._reader.close()
                self._fallback = _SalvagingBz2(open(self._path, "rb"), skip=self._position)  # noqa: SIM115 - closed in close()
        return self._fallback.readinto(buffer)

    def close(self) -> None:
        if self._fallback is not None:
            self._fallback._raw.close()
        else:
            self._reader.close()
        super().close()


def open_dump(path: str | Path, *, threads: int = 1) -> IO[bytes]:
    """A binary stream of the XML in ``path`` (.xml, .bz2 with one or several streams, .gz).

    ``.bz2`` is read by indexed-bzip2 when it is installed (on ``threads`` threads), else by the
    ``bz2`` module; either way, a cut or corrupt file gives every byte before the damage, then OSError.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no such dump: {path}")
    if path.suffix == ".bz2" and _indexed_bzip2() is not None:
        return io.BufferedReader(_FastBz2(path, threads), _CHUNK)
    raw: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed by the caller through the returned stream
    if path.suffix == ".bz2":
        return io.BufferedReader(_SalvagingBz2(raw), _CHUNK)
    if path.suffix == ".gz":
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    return raw


_CHUNK = 1 << 20
_PAGE_FIELDS = {("page", "title"), ("page", "ns"), ("page", "id"), ("revision", "id"), ("revision", "timestamp"), ("revision", "text")}


class _PageBuilder:
    """expat handlers that assemble pages from their elements, keeping only what a Page holds."""

    def __init__(self, on_page: Callable[[int], None] | None = None, origin: int = 0) -> None:
        self.stack: list[str] = []
        self.fields: dict[str, Any] | None = None
        self.buffer: list[str] | None = None
        self.done: list[Page] = []
        self.root_end: int | None = None
        """Parser byte index of the root's end tag, once the document has ended."""
        self.parser: Any = None
        self.on_page = on_page
        """Told the offset of each ``<page>`` as parsing reaches it, and -1 at its end tag (a worker notes where
        its reader is for its parent)."""
        self.origin = origin
        """The offset in the dump of the parser's byte index 0."""

    def start(self, name: str, attributes: dict[str, str]) -> None:
        name = name.rsplit(":", 1)[-1]
        if not self.stack and name != "mediawiki":
            raise DumpError(f"not a MediaWiki XML export: the document is <{name}>, not <mediawiki>; {_WHAT_A_DUMP_IS}")
        parent = self.stack[-1] if self.stack else ""
        self.stack.append(name)
        if name == "page":
            self.fields = {"title": "", "text": "", "namespace": 0}
            if self.on_page is not None:
                self.on_page(self.origin + self.parser.CurrentByteIndex)
        elif self.fields is not None:
            if name == "redirect":
                self.fields["redirect"] = attributes.get("title", "")
            elif (parent, name) in _PAGE_FIELDS:
                self.buffer = []

    def end(self, name: str) -> None:
        name = name.rsplit(":", 1)[-1]
        self.stack.pop()
        if not self.stack:
            self.root_end = self.parser.CurrentByteIndex
        parent = self.stack[-1] if self.stack else ""
        fields = self.fields
        if fields is None:
            return
        if name == "page":
            self.done.append(Page(**fields))
            self.fields = None
            if self.on_page is not None:
                self.on_page(-1)
        elif self.buffer is not None and (parent, name) in _PAGE_FIELDS:
            value = "".join(self.buffer)
            self.buffer = None
            key = {("page", "title"): "title", ("page", "ns"): "namespace", ("page", "id"): "page_id",
                   ("revision", "id"): "revision_id", ("revision", "timestamp"): "timestamp", ("revision", "text"): "text"}[(parent, name)]
            fields[key] = int(value) if key in ("namespace", "page_id", "revision_id") and value.strip() else value

    def characters(self, data: str) -> None:
        if self.buffer is not None:
            self.buffer.append(data)


_WHAT_A_DUMP_IS = ("a dump is a pages-articles .xml or .xml.bz2 file from Wikimedia's dump site or Special:Export; "
                   "an article's wikitext goes in a .wikitext file")


def _refuse(*_args: object) -> None:
    raise DumpError("the XML declares entities (possible entity expansion attack); refused")


def _refuse_doctype(name: str, *_args: object) -> None:
    """A DOCTYPE: HTML saved under a dump's name is said to be HTML; any other is refused as a possible attack."""
    if name.lower() == "html":
        raise DumpError(f"this is an HTML page (<!DOCTYPE html>), not a MediaWiki XML export; {_WHAT_A_DUMP_IS}")
    _refuse()


def _new_parser(builder: _PageBuilder) -> Any:
    parser = expat.ParserCreate()
    builder.parser = parser
    parser.buffer_text = True
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.characters
    parser.EntityDeclHandler = _refuse
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.ExternalEntityRefHandler = _refuse  # type: ignore[assignment]
    return parser


_RESYNC = b"<page>"
_ROOT = b"<mediawiki>"
_NEXT_ROOT = b"<mediawiki"
_BETWEEN_DOCUMENTS = re.compile(rb"(?:\s+|<\?xml[^>]*\?>|<!--.*?-->|\xef\xbb\xbf)*", re.DOTALL)
"""What may stand between two concatenated exports (``cat a.xml b.xml``, ``bzcat *.bz2``): whitespace,
an XML declaration, comments, a byte order mark."""
_ROOT_END_TAG = re.compile(rb"</[^>]*>")
_DOCUMENT_ENDS = re.compile(rb"</(?:\w+:)?mediawiki\s*>" + _BETWEEN_DOCUMENTS.pattern + rb"\Z", re.DOTALL)
"""The end of a document, then nothing but what may stand between two documents."""
_OPENS_DOCUMENT = re.compile(rb"(?:\s|\xef\xbb\xbf)*<(?:\w+:)?(?:mediawiki|\?xml)")
_GAP_KEPT = 1 << 16
"""Bytes of a gap between documents kept to judge it: more than this is junk whatever it holds."""


def _junk_record(name: str, gap_start: int, gap: bytes, after: str) -> ErrorRecord:
    """The error record for bytes after a document's end that do not begin another one."""
    junk_at = gap_start + len(gap) - len(gap.lstrip())
    size = f"{len(gap.strip())} bytes" if len(gap) <= _GAP_KEPT else f"more than {_GAP_KEPT} bytes"
    return ErrorRecord(None, None, "XMLError", f"junk after the end of a MediaWiki document, at byte {junk_at} ({size} that "
                       f"begin no document); {after}", "WF904", f"{name}@{junk_at}")


def _next_start(chunk: bytes, start: int) -> tuple[int, bool]:
    """Where the next page or the next document begins in ``chunk`` (-1 if neither), and whether it is a document."""
    page, root = chunk.find(_RESYNC, start), chunk.find(_NEXT_ROOT, start)
    if root != -1 and (page == -1 or root < page):
        return root, True
    return page, False


class _HugeTagError(Exception):
    """Raised before a chunk that makes an open tag longer than :data:`_TAG_LIMIT` is parsed."""

    def __init__(self, start: int, end: int | None) -> None:
        super().__init__(start, end)
        self.start = start
        """Stream offset of the tag's ``<``."""
        self.end = end
        """Stream offset of the byte after the tag's ``>``; None while that byte is not read yet."""


class _TagWatch:
    """Where the tag still open in the bytes fed to a parser began: from each ``>`` to the next, a tag opens at the
    first ``<`` (text holds none, it is escaped), as :func:`_huge_tags` measures tags in memory. A stream read
    page by page gets the same guard as the pieces workers parse."""

    def __init__(self) -> None:
        self.open_at: int | None = None

    def see(self, chunk: bytes, chunk_start: int) -> None:
        """Take the next chunk into account, before it is parsed; raise _HugeTagError if a tag in it runs past the limit."""
        close = chunk.find(b">")
        if self.open_at is not None:
            end = chunk_start + len(chunk) if close == -1 else chunk_start + close + 1
            if end - self.open_at > _TAG_LIMIT:
                raise _HugeTagError(self.open_at, None if close == -1 else end)
            if close == -1:
                return
        last = chunk.rfind(b">")
        opening = chunk.find(b"<", last + 1)
        self.open_at = None if opening == -1 else chunk_start + opening
        if self.open_at is not None and chunk_start + len(chunk) - self.open_at > _TAG_LIMIT:  # a chunk larger than the limit
            raise _HugeTagError(self.open_at, None)


def iter_dump_items(
    stream: IO[bytes], *, name: str = "<dump>", stats: DumpStats | None = None, start: int = 0,
    on_page: Callable[[int], None] | None = None,
) -> Iterator[Page | ErrorRecord]:
    """Every page of an XML export stream, in order, and an ErrorRecord for each place that cannot be read.

    A page whose XML is broken (bad bytes, a stray ``<``) becomes an ErrorRecord naming the byte
    offset, and reading resumes at the next ``<page>``; so does a page holding a tag longer than
    :data:`_TAG_LIMIT`, which is passed over unparsed (expat before 2.6 takes minutes on a tag of tens of
    megabytes). A stream that cannot be decompressed further (a cut or corrupt file) ends with an
    ErrorRecord after every page before the damage.
    Several exports concatenated into one stream (``cat a.xml b.xml``) are read one after the
    other; bytes between two of them that are not whitespace, an XML declaration or a comment
    become one ErrorRecord naming their offset. Entity declarations are refused: the rest of the
    stream is not read. Byte offsets in error records count from ``start``, the offset of the
    stream's first byte in the dump's XML; ``on_page``, when given, is told the offset of each
    ``<page>`` as parsing reaches it, and -1 when its end tag is read.
    """
    stats = stats if stats is not None else DumpStats()
    read = getattr(stream, "read1", stream.read)  # one raw read at a time: what came before a decompression error is kept
    offset = start  # bytes taken from the stream so far, counted from the dump's first byte
    pending = b""  # bytes taken but not yet given to a parser (after a resync)
    prefix = b""
    while True:
        base = offset - len(pending)  # stream offset of the first byte given to this parser, after its prefix
        builder = _PageBuilder(on_page, base - len(prefix))
        parser = _new_parser(builder)
        chunk, chunk_start = pending, base
        pending = b""
        history = b""  # the last bytes before this chunk, to judge the bytes after a document's end
        watch = _TagWatch()
        try:
            if prefix:
                parser.Parse(prefix, False)
            while True:
                if not chunk:
                    chunk_start = offset
                    chunk = read(_CHUNK)
                    offset += len(chunk)
                watch.see(chunk, chunk_start)
                parser.Parse(chunk, not chunk)
                for page in builder.done:
                    stats.pages += 1
                    yield attrs.evolve(page, source=name)
                builder.done.clear()
                if not chunk:
                    return
                history, chunk = (history + chunk[-_GAP_KEPT:])[-_GAP_KEPT:], b""
        except expat.ExpatError as error:
            for page in builder.done:  # pages completed in the chunk before the error
                stats.pages += 1
                yield attrs.evolve(page, source=name)
            where = base + max(0, parser.CurrentByteIndex - len(prefix))
            if builder.root_end is None:
                fields = builder.fields or {}
                first = not prefix and not builder.stack and stats.pages == 0 and error.lineno == 1
                hint = f"; is it a dump? {_WHAT_A_DUMP_IS}" if first else "; reading resumed at the next page"
                yield ErrorRecord(
                    fields.get("page_id"), fields.get("title") or None, "XMLError",
                    f"XML error at line {error.lineno}, column {error.offset} (byte {where}): {expat.ErrorString(error.code)}{hint}",
                    "WF904", f"{name}@{where}",
                )
        except _HugeTagError as huge:  # pass over the tag unparsed, then its page, as the workers do (_pages_in_memory)
            for page in builder.done:
                stats.pages += 1
                yield attrs.evolve(page, source=name)
            fields = builder.fields or {}
            if builder.on_page is not None and builder.fields is not None:
                builder.on_page(-1)  # the page is passed over: the reader is in no page until the next one
            end, read_error = huge.end, None
            while end is None:  # the tag's ">" is in a chunk not read yet
                try:
                    chunk_start, chunk = offset, read(_CHUNK)
                except (OSError, EOFError) as error:
                    read_error, chunk = error, b""
                offset += len(chunk)
                close = chunk.find(b">")
                end = offset if not chunk else chunk_start + close + 1 if close != -1 else None
            size = f"{end - huge.start}" if read_error is None else f"at least {end - huge.start}"
            yield _huge_tag_record(fields.get("page_id"), fields.get("title") or None, size, name, huge.start)
            if read_error is not None:
                yield ErrorRecord(None, None, type(read_error).__name__, f"cannot decompress or read after {offset} bytes: {read_error}",
                                  "WF904", f"{name}@{offset}")
                return
            where = end - 1  # the resync below looks for the next page after the tag
        except DumpError as error:  # refused entities: nothing after them is read
            yield ErrorRecord(None, None, "DumpError", error.reason, "WF904", f"{name}@{base}")
            return
        except (OSError, EOFError) as error:
            yield ErrorRecord(None, None, type(error).__name__, f"cannot decompress or read after {offset} bytes ({stats.pages} pages read): {error}",
                              "WF904", f"{name}@{offset}")
            return
        # resync: the next page or document after the error, in this chunk or the ones after it. After a
        # document's end, the bytes up to the next one are kept to tell a clean join from junk.
        gap: bytearray | None = None
        if builder.root_end is not None:
            root_end = base + builder.root_end - len(prefix)
            if root_end < chunk_start:  # the end tag was in an earlier chunk
                before = history[-(chunk_start - root_end) :]
                chunk, chunk_start = before + chunk, chunk_start - len(before)
            end_tag = max(0, root_end - chunk_start)
            match = _ROOT_END_TAG.match(chunk, end_tag)
            search_from = match.end() if match else end_tag
            gap_start = chunk_start + search_from
            gap = bytearray()
        else:
            search_from = max(0, where + 1 - chunk_start)
        found, is_root = _next_start(chunk, search_from)
        while found == -1:
            tail_from = max(search_from, len(chunk) - len(_NEXT_ROOT))  # a start tag may straddle two chunks
            if gap is not None and len(gap) <= _GAP_KEPT:
                gap += chunk[search_from:tail_from]
            tail = chunk[tail_from:]
            try:
                more = read(_CHUNK)
            except (OSError, EOFError) as error:
                yield ErrorRecord(None, None, type(error).__name__, f"cannot decompress or read after {offset} bytes: {error}", "WF904", f"{name}@{offset}")
                return
            if not more:
                if gap is not None and len(gap) <= _GAP_KEPT:
                    gap += tail
                break
            chunk_start = offset - len(tail)
            offset += len(more)
            chunk, search_from = tail + more, 0
            found, is_root = _next_start(chunk, 0)
        if gap is not None:
            if found != -1 and len(gap) <= _GAP_KEPT:
                gap += chunk[search_from:found]
            if len(gap) > _GAP_KEPT or not _BETWEEN_DOCUMENTS.fullmatch(gap):
                after = "reading resumed at the next " + ("document" if is_root else "page") if found != -1 else "nothing after them was read"
                yield _junk_record(name, gap_start, bytes(gap), after)
        if found == -1:
            return
        pending, prefix = chunk[found:], b"" if is_root else _ROOT


def iter_xml_pages(stream: IO[bytes], *, name: str = "<dump>", stats: DumpStats | None = None) -> Iterator[Page]:
    """Every page of an XML export stream, in order, whatever its namespace (expat, 1 MB at a time).

    The first place that cannot be read raises DumpError, after every page before it.
    """
    stats = stats if stats is not None else DumpStats()
    for item in iter_dump_items(stream, name=name, stats=stats):
        if isinstance(item, ErrorRecord):
            raise DumpError(item.message, path=name, pages_read=stats.pages)
        yield item


def _kept(page: Page, namespaces: tuple[int, ...] | None, skip_redirects: bool, stats: DumpStats) -> bool:
    if namespaces is not None and page.namespace not in namespaces:
        stats.other_namespaces += 1
        return False
    if skip_redirects and page.redirect is not None:
        stats.redirects += 1
        return False
    stats.yielded += 1
    return True


def iter_pages(
    path: str | Path,
    *,
    namespaces: tuple[int, ...] | None = (0,),
    skip_redirects: bool = True,
    stats: DumpStats | None = None,
    on_redirect: Callable[[Page], None] | None = None,
) -> Iterator[Page]:
    """Stream pages of a dump: main namespace only and redirects skipped by default (both counted).

    The first place that cannot be read raises DumpError, after every page before it
    (:func:`iter_dump_items` reads on past it instead). ``on_redirect`` is handed every redirect
    skipped (the graph reads them to resolve link targets).
    """
    stats = stats if stats is not None else DumpStats()
    with open_dump(path) as stream:
        for page in iter_xml_pages(stream, name=str(path), stats=stats):
            if _kept(page, namespaces, skip_redirects, stats):
                yield page
            elif on_redirect is not None and page.redirect is not None and skip_redirects and (namespaces is None or page.namespace in namespaces):
                on_redirect(page)


def iter_dump_pages(
    path: str | Path, *, namespaces: tuple[int, ...] | None = (0,), skip_redirects: bool = True,
    stats: DumpStats | None = None, threads: int = 1,
) -> Iterator[Page | ErrorRecord]:
    """Like :func:`iter_pages`, with an ErrorRecord for each place that cannot be read, and reading on past it."""
    stats = stats if stats is not None else DumpStats()
    with open_dump(path, threads=threads) as stream:
        for item in iter_dump_items(stream, name=str(path), stats=stats):
            if isinstance(item, ErrorRecord) or _kept(item, namespaces, skip_redirects, stats):
                yield item


_PAGE_END = b"</page>"
_LAST_END_TAG = re.compile(rb"\s*</(?:\w+:)?mediawiki\s*>")


class _ReadAhead:
    """``read(size)`` called on a thread, up to :data:`_AHEAD` chunks ahead of :meth:`next`.

    Decompression releases the GIL (the ``bz2`` module and indexed-bzip2 alike), so the thread
    decompresses while the caller cuts pages and hands them to workers: with one worker the
    main process decompressed and cut in turn and was the run's bottleneck. An exception from
    ``read`` is raised by :meth:`next` in its place; leaving the ``with`` stops the thread.
    """

    def __init__(self, read: Callable[[int], bytes], size: int) -> None:
        self._read, self._size = read, size
        self._chunks: queue.Queue[bytes | BaseException] = queue.Queue(maxsize=_AHEAD)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wikifilm-read-ahead", daemon=True)

    def __enter__(self) -> _ReadAhead:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        while self._thread.is_alive():  # unblock a reader waiting for room
            try:
                self._chunks.get_nowait()
            except queue.Empty:
                self._thread.join(0.05)

    def next(self) -> bytes:
        """The next chunk (empty at the end of the stream)."""
        item = self._chunks.get()
        if isinstance(item, BaseException):
            raise item
        return item

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                data = self._read(self._size)
                self._put(data)
                if not data:
                    return
        except BaseException as error:  # handed to the reading thread, which raises it
            self._put(error)

    def _put(self, item: bytes | BaseException) -> None:
        while not self._stop.is_set():
            try:
                self._chunks.put(item, timeout=0.1)
                return
            except queue.Full:
                continue


_AHEAD = 4
"""Chunks read ahead: a few MiB at most, so memory stays flat."""


def iter_page_chunks(
    path: str | Path, *, threads: int = 1, size: int = _CHUNK
) -> Iterator[tuple[int, bytes] | ErrorRecord]:
    """The XML of a dump's pages, cut between pages about ``size`` bytes at a time, each with its offset in the XML.

    Only decompression and a search for ``</page>`` run here, so that workers can parse the
    XML (:func:`pages_in_xml`): what one process must do for a single-stream file is kept to
    the least. A file that cannot be decompressed further ends with an ErrorRecord, after
    every whole page before the damage; an unfinished last page goes out as it is, for its
    worker to report.
    """
    with open_dump(path, threads=threads) as stream, _ReadAhead(getattr(stream, "read1", stream.read), size) as chunks:
        buffer, offset, started, head = b"", 0, False, b""
        while True:
            try:
                data = chunks.next()
            except (OSError, EOFError) as error:
                cut = buffer.rfind(_PAGE_END) + len(_PAGE_END) if started and _PAGE_END in buffer else 0
                if cut:
                    yield offset, buffer[:cut]
                yield ErrorRecord(None, None, type(error).__name__, f"cannot decompress or read after byte {offset + len(buffer)} of "
                                  f"the XML: {error}", "WF904", f"{path}@{offset + len(buffer)}")
                return
            if not data:
                if not started and b"<mediawiki" not in head:
                    html = head.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))
                    what = "this is an HTML page (<!DOCTYPE html>), not" if html else "not"
                    yield ErrorRecord(None, None, "DumpError", f"{what} a MediaWiki XML export: no <mediawiki> root and no "
                                      f"<page> in it; {_WHAT_A_DUMP_IS}", "WF904", f"{path}@0")
                if started:
                    cut = buffer.rfind(_PAGE_END) + len(_PAGE_END) if _PAGE_END in buffer else 0
                    if cut:
                        yield offset, buffer[:cut]
                    rest = buffer[cut:]
                    if b"<page>" in rest:  # an unfinished last page: its worker reports it
                        yield offset + cut, rest
                    else:  # after the last page: the end of the document, then nothing but whitespace, or junk
                        end_tag = _LAST_END_TAG.match(rest)
                        gap_start = end_tag.end() if end_tag else 0
                        if not _BETWEEN_DOCUMENTS.fullmatch(rest, gap_start):
                            yield _junk_record(str(path), offset + cut + gap_start, rest[gap_start:], "nothing after them was read")
                return
            buffer += data
            if len(head) < 4096:
                head += data[:4096]
            if not started:
                first = buffer.find(b"<page>")
                if first == -1:
                    offset += max(0, len(buffer) - 8)
                    buffer = buffer[-8:]
                    continue
                offset, buffer, started = offset + first, buffer[first:], True
            if len(buffer) >= size:
                cut = buffer.rfind(_PAGE_END) + len(_PAGE_END)
                if cut >= len(_PAGE_END):
                    yield offset, buffer[:cut]
                    offset, buffer = offset + cut, buffer[cut:]


def pages_in_xml(name: str, offset: int, data: bytes, on_page: Callable[[int], None] | None = None) -> Iterator[Page | ErrorRecord]:
    """The pages of a piece of a dump's XML that holds whole ``<page>`` elements (a worker's job);
    ``on_page`` is told the offset of each ``<page>`` as parsing reaches it, -1 at its end (see :func:`iter_dump_items`)."""
    return _pages_in_memory(data, name, offset, on_page)


_TAG_LIMIT = 4 << 20
"""The longest tag read, in bytes; a MediaWiki export's tags hold a few hundred. expat before 2.6
parses a tag cut across its 1 MiB reads again from its start at every read, so a tag of tens of
megabytes takes minutes (16 MB: 1 s, 48 MB: 10 s)."""
_PAGE_ID = re.compile(rb"<id>\s*(\d+)\s*</id>")
_PAGE_TITLE = re.compile(rb"<title>([^<]*)</title>")


def page_identity(xml: bytes) -> tuple[int | None, str | None]:
    """The id and title of the page whose XML ``xml`` opens (from its first 4 KiB: the page's own ``<id>`` comes
    before its revision's), without parsing it: its XML is what could not be parsed."""
    head = xml[:4096]
    page_id, title = _PAGE_ID.search(head), _PAGE_TITLE.search(head)
    return (int(page_id.group(1)) if page_id else None,
            html.unescape(title.group(1).decode("utf-8", "replace")) if title else None)


def _huge_tag_record(page_id: int | None, title: str | None, size: str, name: str, at: int) -> ErrorRecord:
    """The WF904 record of a page passed over for a tag longer than :data:`_TAG_LIMIT`, the same whether a worker
    found the tag in memory or one process found it in a stream."""
    return ErrorRecord(page_id, title, "XMLError", f"a tag of {size} bytes at byte {at}, longer than any MediaWiki export holds "
                       f"({_TAG_LIMIT} bytes at most are read); the page is passed over", "WF904", f"{name}@{at}")


def _huge_tags(data: bytes) -> list[tuple[int, int]]:
    """``(start, end)`` of every tag longer than :data:`_TAG_LIMIT`; only data that long can hold one, so
    ordinary pieces of a dump are not searched."""
    if len(data) <= _TAG_LIMIT:
        return []
    spans: list[tuple[int, int]] = []
    position = 0
    while position < len(data):  # from each ">" to the next: text holds no "<" (it is escaped), so a tag opens at the first
        close = data.find(b">", position)
        end = len(data) if close == -1 else close + 1
        if end - position > _TAG_LIMIT:
            opening = data.find(b"<", position, end)
            if opening != -1 and end - opening > _TAG_LIMIT:
                spans.append((opening, end))
        position = end
    return spans


def _pages_in_memory(data: bytes, name: str, first: int, on_page: Callable[[int], None] | None = None) -> Iterator[Page | ErrorRecord]:
    """The pages of XML held in memory (a piece of a dump, a multistream block), ``first`` the offset of its first
    byte in the offsets error records give; a page holding a tag longer than :data:`_TAG_LIMIT` becomes an
    ErrorRecord (with its id and title) instead of being parsed, and the pages around it are read."""
    cursor = 0
    for start, end in _huge_tags(data):
        if start < cursor:  # in a page already passed over
            continue
        page_start = data.rfind(b"<page>", cursor, start)
        page_start = start if page_start == -1 else page_start
        page_end = data.find(b"</page>", end)
        page_end = len(data) if page_end == -1 else page_end + len(b"</page>")
        yield from _parse_in_memory(data[cursor:page_start], name, first + cursor, on_page)
        yield _huge_tag_record(*page_identity(data[page_start : min(start, page_start + 4096)]), str(end - start), name, first + start)
        cursor = page_end
    yield from _parse_in_memory(data[cursor:] if cursor else data, name, first + cursor, on_page)


def _parse_in_memory(data: bytes, name: str, first: int, on_page: Callable[[int], None] | None = None) -> Iterator[Page | ErrorRecord]:
    """Parse XML held in memory as one document: wrapped in ``<mediawiki>`` unless it opens one, closed unless it
    closes one (a multistream block holds pages, or a dump's header or footer, or, when dumps were
    concatenated, a footer and the next header after its pages)."""
    prefix = b"" if _OPENS_DOCUMENT.match(data) else _ROOT
    suffix = b"" if _DOCUMENT_ENDS.search(data, max(0, len(data) - 4096)) else b"</mediawiki>"
    return iter_dump_items(io.BytesIO(prefix + data + suffix), name=name, start=first - len(prefix), on_page=on_page)


# --- multistream -----------------------------------------------------------------------


def read_index(index_path: str | Path) -> array[int]:
    """Start offsets of the compressed streams, from a multistream index (``offset:page_id:title``).

    An array of machine integers: English Wikipedia's index has about 23 million lines for some
    230,000 streams, which a list of tuples of Python integers held at about 30 MB.
    """
    offsets: array[int] = array("q")
    opener = bz2.open if str(index_path).endswith(".bz2") else open
    with opener(index_path, "rt", encoding="utf-8") as lines:
        for line in lines:
            offset = int(line.split(":", 1)[0])
            if not offsets or offsets[-1] != offset:
                offsets.append(offset)
    return offsets


def iter_blocks(dump_path: str | Path, index_path: str | Path) -> Iterator[tuple[int, int]]:
    """``(offset, length)`` of every compressed stream of a multistream dump, header and footer included.

    The index is read when this is called, so that one that cannot be read raises here, before any
    block is handed out; the blocks are then made one at a time.
    """
    size = Path(dump_path).stat().st_size
    return _blocks(read_index(index_path), size)


def _blocks(offsets: array[int], size: int) -> Iterator[tuple[int, int]]:
    if not offsets:
        return
    before = [0] if offsets[0] != 0 else []
    for start, end in itertools.pairwise(itertools.chain(before, offsets, [size])):
        if end > start:
            yield start, end - start


def pages_in_block(dump_path: str | Path, offset: int, length: int) -> list[Page | ErrorRecord]:
    """Decompress one stream of a multistream dump and parse the pages it holds (a worker's job).

    A page whose XML is broken becomes an ErrorRecord in its place; a block that cannot be
    decompressed raises DumpError naming its offset.
    """
    with open(dump_path, "rb") as handle:
        handle.seek(offset)
        compressed = handle.read(length)
    try:
        data = bz2.decompress(compressed)
    except (OSError, ValueError, EOFError) as error:
        raise DumpError(f"corrupt bz2 stream at byte {offset}: {error}", path=str(dump_path)) from None
    return list(_pages_in_memory(data, f"{dump_path}@{offset}", 0))
