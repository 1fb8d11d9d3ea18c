"""Streaming pages out of MediaWiki XML exports (schema 0.10/0.11): plain, .bz2, multistream .bz2.

Memory stays flat: ``iterparse`` with ``clear()`` drops each page once read (mwxml's approach).
Entity declarations (billion laughs, external entities) are refused: MediaWiki dumps have none.
A multistream dump with its index can be read block by block, so that workers decompress
their own blocks (:func:`iter_blocks`, :func:`pages_in_block`).
"""

from __future__ import annotations

import bz2
import gzip
import io
import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

import attrs

from wikifilm.batch.pages import Page
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
    bytes_read: int = 0
    """Compressed bytes consumed so far, when known."""


class _CountingReader(io.RawIOBase):
    """A binary reader that counts the bytes read from the file underneath."""

    def __init__(self, raw: IO[bytes], stats: DumpStats) -> None:
        self._raw = raw
        self._stats = stats

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        self._stats.bytes_read += len(data)
        buffer[: len(data)] = data
        return len(data)


def open_dump(path: str | Path, stats: DumpStats | None = None) -> IO[bytes]:
    """A binary stream of the XML in ``path`` (.xml, .bz2 with several streams, .gz)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no such dump: {path}")
    raw: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed by the caller through the returned stream
    if stats is not None:
        raw = io.BufferedReader(_CountingReader(raw, stats))
    if path.suffix == ".bz2":
        return bz2.BZ2File(raw)
    if path.suffix == ".gz":
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    return raw


_CHUNK = 1 << 20
_PAGE_FIELDS = {("page", "title"), ("page", "ns"), ("page", "id"), ("revision", "id"), ("revision", "timestamp"), ("revision", "text")}


class _PageBuilder:
    """expat handlers that assemble pages from their elements, keeping only what a Page holds."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.fields: dict[str, Any] | None = None
        self.buffer: list[str] | None = None
        self.done: list[Page] = []

    def start(self, name: str, attributes: dict[str, str]) -> None:
        name = name.rsplit(":", 1)[-1]
        if not self.stack and name != "mediawiki":
            raise DumpError(f"not a MediaWiki XML export: the document is <{name}>, not <mediawiki>; {_WHAT_A_DUMP_IS}")
        parent = self.stack[-1] if self.stack else ""
        self.stack.append(name)
        if name == "page":
            self.fields = {"title": "", "text": "", "namespace": 0}
        elif self.fields is not None:
            if name == "redirect":
                self.fields["redirect"] = attributes.get("title", "")
            elif (parent, name) in _PAGE_FIELDS:
                self.buffer = []

    def end(self, name: str) -> None:
        name = name.rsplit(":", 1)[-1]
        self.stack.pop()
        parent = self.stack[-1] if self.stack else ""
        fields = self.fields
        if fields is None:
            return
        if name == "page":
            self.done.append(Page(**fields))
            self.fields = None
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


def iter_xml_pages(stream: IO[bytes], *, name: str = "<dump>", stats: DumpStats | None = None) -> Iterator[Page]:
    """Every page of an XML export stream, in order, whatever its namespace (expat, 1 MB at a time)."""
    stats = stats if stats is not None else DumpStats()
    builder = _PageBuilder()
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.characters
    parser.EntityDeclHandler = _refuse
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.ExternalEntityRefHandler = _refuse  # type: ignore[assignment]
    offset = 0
    try:
        while True:
            chunk = stream.read(_CHUNK)
            offset += len(chunk)
            parser.Parse(chunk, not chunk)
            for page in builder.done:
                stats.pages += 1
                yield page
            builder.done.clear()
            if not chunk:
                break
    except expat.ExpatError as error:
        hint = f"; is it a dump? {_WHAT_A_DUMP_IS}" if not builder.stack and stats.pages == 0 and error.lineno == 1 else ""
        raise DumpError(
            f"XML error at line {error.lineno}, column {error.offset} (byte {parser.CurrentByteIndex}): "
            f"{expat.ErrorString(error.code)}{hint}", path=name, pages_read=stats.pages,
        ) from None
    except DumpError as error:
        raise DumpError(error.reason, path=name, pages_read=stats.pages) from None
    except (OSError, EOFError) as error:
        raise DumpError(f"cannot decompress or read after {offset} bytes: {error}", path=name, pages_read=stats.pages) from None


def iter_pages(
    path: str | Path, *, namespaces: tuple[int, ...] | None = (0,), skip_redirects: bool = True, stats: DumpStats | None = None
) -> Iterator[Page]:
    """Stream pages of a dump: main namespace only and redirects skipped by default (both counted)."""
    stats = stats if stats is not None else DumpStats()
    with open_dump(path, stats) as stream:
        for page in iter_xml_pages(stream, name=str(path), stats=stats):
            if namespaces is not None and page.namespace not in namespaces:
                stats.other_namespaces += 1
                continue
            if skip_redirects and page.redirect is not None:
                stats.redirects += 1
                continue
            stats.yielded += 1
            yield page


# --- multistream -----------------------------------------------------------------------


def read_index(index_path: str | Path) -> list[int]:
    """Start offsets of the compressed streams, from a multistream index (``offset:page_id:title``)."""
    offsets: list[int] = []
    opener = bz2.open if str(index_path).endswith(".bz2") else open
    with opener(index_path, "rt", encoding="utf-8") as lines:
        for line in lines:
            offset = int(line.split(":", 1)[0])
            if not offsets or offsets[-1] != offset:
                offsets.append(offset)
    return offsets


def iter_blocks(dump_path: str | Path, index_path: str | Path) -> Iterator[tuple[int, int]]:
    """``(offset, length)`` of every compressed stream of a multistream dump, header and footer included."""
    size = Path(dump_path).stat().st_size
    offsets = read_index(index_path)
    if not offsets:
        return
    bounds = ([0] if offsets[0] != 0 else []) + offsets + [size]
    for start, end in itertools.pairwise(bounds):
        if end > start:
            yield start, end - start


_PAGE = re.compile(rb"<page>.*?</page>", re.DOTALL)


def pages_in_block(dump_path: str | Path, offset: int, length: int) -> list[Page]:
    """Decompress one stream of a multistream dump and parse the pages it holds (a worker's job)."""
    with open(dump_path, "rb") as handle:
        handle.seek(offset)
        compressed = handle.read(length)
    try:
        data = bz2.decompress(compressed)
    except (OSError, ValueError) as error:
        raise DumpError(f"corrupt bz2 stream at byte {offset}: {error}", path=str(dump_path)) from None
    pages: list[Page] = []
    for match in _PAGE.finditer(data):
        wrapped = io.BytesIO(b"<mediawiki>" + match.group(0) + b"</mediawiki>")
        pages.extend(iter_xml_pages(wrapped, name=f"{dump_path}@{offset}"))
    return pages
