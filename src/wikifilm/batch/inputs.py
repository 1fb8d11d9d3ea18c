"""What the CLI accepts as input: dumps, article files, and folders of either."""

from __future__ import annotations

import codecs
import urllib.parse
from collections.abc import Collection, Iterator
from pathlib import Path

from wikifilm.batch.dumps import DumpStats, iter_dump_pages
from wikifilm.batch.pages import ErrorRecord, Page
from wikifilm.errors import ReadError

DUMP_SUFFIXES = (".xml", ".bz2", ".gz")
ARTICLE_SUFFIXES = (".wikitext", ".wiki", ".mediawiki", ".txt")


def expand_inputs(paths: list[str | Path]) -> list[Path]:
    """Files to read, folders expanded (sorted, recursive); a missing path raises FileNotFoundError."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {path}")
        if path.is_dir():
            files.extend(sorted(item for item in path.rglob("*") if item.is_file() and item.name.endswith(DUMP_SUFFIXES + ARTICLE_SUFFIXES) and "-index" not in item.name))
        else:
            files.append(path)
    return files


def is_dump(path: Path) -> bool:
    """Whether a file is an XML export (by its suffix)."""
    return path.name.endswith(DUMP_SUFFIXES)


def multistream_index(path: Path) -> Path | None:
    """The ``...-index.txt.bz2`` beside a multistream dump, if there is one."""
    if not path.name.endswith(".bz2"):
        return None
    stem = path.name[: -len(".xml.bz2")] if path.name.endswith(".xml.bz2") else path.name[: -len(".bz2")]
    for candidate in (path.with_name(f"{stem}-index.txt.bz2"), path.with_name(f"{stem}-index.txt"), path.with_name(path.name + ".index")):
        if candidate.exists():
            return candidate
    return None


def article_title(path: Path) -> str:
    """An article file's page title: its name without suffix, ``%3A`` decoded, ``_`` as space."""
    return urllib.parse.unquote(path.name.rsplit(".", 1)[0]).replace("_", " ")


def article_page(path: Path) -> Page:
    """An article file as a page, titled after its name; UTF-8 (a BOM allowed) or UTF-16 with its BOM.

    Raises OSError when the file cannot be read, ReadError (with the byte offset) when it is not text.
    """
    data = path.read_bytes()
    try:
        text = data.decode("utf-16") if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReadError(f"not UTF-8 text ({error.reason})", offset=error.start, name=str(path)) from None
    return Page(title=article_title(path), text=text, source=str(path))


def read_article(path: Path) -> Page | ErrorRecord:
    """An article file as a page, or an ErrorRecord naming the file and why it cannot be read."""
    try:
        return article_page(path)
    except ReadError as error:
        return ErrorRecord(None, article_title(path), "UnicodeDecodeError", f"byte {error.offset}: {error.reason}", "WF904", str(path))
    except OSError as error:  # vanished since the folder was listed, unreadable, a directory...
        return ErrorRecord(None, article_title(path), type(error).__name__, error.strerror or str(error), "WF904", str(path))


def iter_input_pages(
    files: list[Path], stats: DumpStats, *, done: Collection[str] = (), threads: int = 1
) -> Iterator[Page | ErrorRecord]:
    """Pages of every input, dumps streamed, article files read whole; an ErrorRecord for whatever cannot be read.

    Article files whose key is in ``done`` (``--resume``) are not read again.
    """
    for path in files:
        if is_dump(path):
            try:
                yield from iter_dump_pages(path, stats=stats, threads=threads)
            except OSError as error:  # the dump vanished or cannot be opened
                yield ErrorRecord(None, None, type(error).__name__, error.strerror or str(error), "WF904", str(path))
        elif f"title:{article_title(path)}" in done:
            stats.pages += 1
            yield Page(title=article_title(path), text="", source=str(path))  # the caller skips it by its key
        else:
            stats.pages += 1
            item = read_article(path)
            if isinstance(item, Page):
                stats.yielded += 1
            yield item
