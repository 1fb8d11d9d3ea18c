"""What the CLI accepts as input: dumps, article files, and folders of either."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from pathlib import Path

from wikifilm.batch.dumps import DumpStats, iter_pages
from wikifilm.batch.pages import Page
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


def article_page(path: Path) -> Page:
    """An article file as a page, titled after its name (``%3A`` decoded, ``_`` as space)."""
    title = urllib.parse.unquote(path.name.rsplit(".", 1)[0]).replace("_", " ")
    data = path.read_bytes()
    try:
        return Page(title=title, text=data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ReadError(f"not UTF-8 text ({error.reason})", offset=error.start, name=str(path)) from None


def iter_input_pages(files: list[Path], stats: DumpStats) -> Iterator[Page]:
    """Pages of every input, dumps streamed, article files read whole."""
    for path in files:
        if is_dump(path):
            yield from iter_pages(path, stats=stats)
        else:
            stats.pages += 1
            stats.yielded += 1
            yield article_page(path)
