"""Exceptions: kept for misuse, I/O and bugs; odd article text becomes diagnostics instead."""

from __future__ import annotations


class WikifilmError(Exception):
    """Base class of every exception wikifilm raises on purpose."""


class ReadError(WikifilmError, ValueError):
    """Input that cannot be read as text, with the byte offset of the problem."""

    def __init__(self, message: str, *, offset: int | None = None, name: str | None = None) -> None:
        where = f"{name or '<input>'}" + (f": byte {offset}" if offset is not None else "")
        super().__init__(f"{where}: {message}")
        self.offset = offset
        self.name = name
        self.reason = message

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_read_error, (self.reason, self.offset, self.name))


def _rebuild_read_error(message: str, offset: int | None, name: str | None) -> ReadError:
    return ReadError(message, offset=offset, name=name)


class DumpError(WikifilmError, OSError):
    """A dump that cannot be streamed further: corrupt compression, bad XML, refused entities."""

    def __init__(self, message: str, *, path: str | None = None, pages_read: int = 0) -> None:
        super().__init__(f"{path or '<dump>'}: {message} (after {pages_read} pages)")
        self.path = path
        self.pages_read = pages_read
        self.reason = message

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_dump_error, (self.reason, self.path, self.pages_read))


def _rebuild_dump_error(message: str, path: str | None, pages_read: int) -> DumpError:
    return DumpError(message, path=path, pages_read=pages_read)


class FetchError(WikifilmError, OSError):
    """A wiki's API that cannot be reached, or that refuses a request after every retry."""

    def __init__(self, message: str, *, url: str | None = None) -> None:
        super().__init__(f"{url or '<api>'}: {message}")
        self.url = url
        self.reason = message

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_fetch_error, (self.reason, self.url))


def _rebuild_fetch_error(message: str, url: str | None) -> FetchError:
    return FetchError(message, url=url)
