"""The unit of batch work: one page's text and identity, and the record of a page that failed."""

from __future__ import annotations

from typing import Any

import attrs


@attrs.frozen
class Page:
    """One page as a dump or a file holds it."""

    title: str
    """Page title (a file's name for article files)."""
    text: str
    """Wikitext, or a plain-text rendering."""
    page_id: int | None = None
    """Dump page id."""
    namespace: int = 0
    """Namespace number; 0 is articles."""
    revision_id: int | None = None
    """Dump revision id."""
    timestamp: str | None = None
    """Revision timestamp, ISO 8601."""
    redirect: str | None = None
    """Redirect target, when the page is a redirect."""
    source: str | None = None
    """The file the page was read from, for error records."""

    @property
    def key(self) -> str:
        """What identifies the page in outputs, for --resume: its id, else its title."""
        return f"id:{self.page_id}" if self.page_id is not None else f"title:{self.title}"


@attrs.frozen
class ErrorRecord:
    """A page, a file or a dump block that could not be read or extracted: the run goes on, and this says why."""

    page_id: int | None
    """Dump page id, when known."""
    title: str | None
    """Page title, when known (an unreadable file is titled after its name)."""
    error_type: str
    """Exception class name, or ``Timeout``/``WorkerDied``."""
    message: str
    """What happened."""
    code: str = "WF901"
    """``WF901`` (raised), ``WF902`` (timed out), ``WF903`` (worker died), ``WF904`` (input unreadable)."""
    source: str | None = None
    """The input file, with the place in it when known (``dump.xml.bz2@1234`` for a dump block's byte offset)."""

    @property
    def key(self) -> str:
        """Same identity as :attr:`Page.key`; an error with no page is known by its source."""
        if self.page_id is not None:
            return f"id:{self.page_id}"
        return f"title:{self.title}" if self.title is not None else f"source:{self.source}"

    def to_dict(self) -> dict[str, Any]:
        """One JSON line of the errors file."""
        return {"page_id": self.page_id, "page_title": self.title, "error_type": self.error_type,
                "message": self.message, "code": self.code, "source": self.source}
