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

    @property
    def key(self) -> str:
        """What identifies the page in outputs, for --resume: its id, else its title."""
        return f"id:{self.page_id}" if self.page_id is not None else f"title:{self.title}"


@attrs.frozen
class ErrorRecord:
    """A page whose extraction failed: the run goes on, and this says why."""

    page_id: int | None
    """Dump page id."""
    title: str
    """Page title."""
    error_type: str
    """Exception class name, or ``Timeout``/``WorkerDied``."""
    message: str
    """What happened."""
    code: str = "WF901"
    """``WF901`` (raised), ``WF902`` (timed out)."""

    @property
    def key(self) -> str:
        """Same identity as :attr:`Page.key`."""
        return f"id:{self.page_id}" if self.page_id is not None else f"title:{self.title}"

    def to_dict(self) -> dict[str, Any]:
        """One JSON line of the errors file."""
        return {"page_id": self.page_id, "page_title": self.title, "error_type": self.error_type,
                "message": self.message, "code": self.code}
