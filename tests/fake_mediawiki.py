"""A MediaWiki Action API on 127.0.0.1 for tests: ``action=query&prop=revisions`` answered as the real one does.

The answers follow the API's documented formatversion=2 JSON (mediawiki.org, API:Revisions,
API:Query "Resolving redirects" and "Title normalization", Manual:Maxlag parameter):
``query.normalized[]`` and ``query.redirects[]`` as ``{"from", "to"}`` lists,
``query.pages[]`` with ``missing: true`` or ``invalid: true`` + ``invalidreason``, the text
in ``revisions[0].slots.main.content``, ``continue.rvcontinue`` when not every page's
content fits one answer, and ``{"error": {"code": "maxlag", ...}}`` with ``Retry-After``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import attrs

MAXLAG_ERROR = {
    "error": {
        "code": "maxlag", "info": "Waiting for 10.64.16.7: 7 seconds lagged.", "host": "10.64.16.7", "lag": 7,
        "type": "db", "docref": "See https://en.wikipedia.org/w/api.php for API usage.",
    },
    "servedby": "mw2291",
}
"""The body of a maxlag refusal, as Manual:Maxlag_parameter shows it (formatversion=2 names ``*`` ``docref``)."""


@attrs.define
class Reply:
    """A scripted answer served before the wiki's own (an error, a lag, an overload)."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = attrs.field(factory=dict)


@attrs.define
class FakeWiki:
    """Pages by title, redirects, and scripted replies; every request is recorded."""

    pages: dict[str, tuple[int, int, str]] = attrs.field(factory=dict)
    """Title -> (page id, revision id, wikitext)."""
    redirects: dict[str, str] = attrs.field(factory=dict)
    """Title -> target title."""
    script: list[Reply] = attrs.field(factory=list)
    """Replies served first, one per request, in order."""
    contents_per_answer: int = 50
    """Pages whose content fits one answer; the rest come by ``rvcontinue``."""
    requests: list[dict[str, str]] = attrs.field(factory=list)
    """Query parameters of each request, with the User-Agent under ``"User-Agent"``."""
    url: str = ""
    """The api.php address, once serving."""

    def answer(self, params: dict[str, str]) -> Reply:
        """What the API answers to a query."""
        if self.script:
            return self.script.pop(0)
        if params.get("action") != "query" or params.get("formatversion") != "2":
            return Reply(200, {"error": {"code": "badvalue", "info": "Unrecognized parameters."}})
        titles = params["titles"].split("|")
        if len(titles) > 50:
            return Reply(200, {"error": {"code": "toomanyvalues", "info": 'Too many values supplied for parameter "titles". The limit is 50.'}})
        query: dict[str, Any] = {}
        normalized, redirected, pages, seen = [], [], [], set()
        for asked in titles:
            title = asked.replace("_", " ").strip()
            title = title[:1].upper() + title[1:]
            if title != asked:
                normalized.append({"fromencoded": False, "from": asked, "to": title})
            if not title or any(char in title for char in "<>[]{}|#"):
                pages.append({"title": asked, "invalidreason": f'The requested page title contains invalid characters: "{asked}".', "invalid": True})
                continue
            if title in self.redirects and params.get("redirects"):
                redirected.append({"from": title, "to": self.redirects[title]})
                title = self.redirects[title]
            if title in seen:
                continue
            seen.add(title)
            if title in self.pages:
                page_id, revision_id, _text = self.pages[title]
                pages.append({"pageid": page_id, "ns": 0, "title": title})
            else:
                pages.append({"ns": 0, "title": title, "missing": True})
        found = sorted((page for page in pages if "pageid" in page), key=lambda page: page["pageid"])
        start = int(params.get("rvcontinue", "0|0").split("|")[0])
        filled = [page for page in found if page["pageid"] >= start][: self.contents_per_answer]
        for page in filled:
            _page_id, revision_id, text = self.pages[page["title"]]
            page["revisions"] = [{
                "revid": revision_id, "parentid": revision_id - 1, "timestamp": "2024-05-01T12:00:00Z",
                "slots": {"main": {"contentmodel": "wikitext", "contentformat": "text/x-wiki", "content": text}},
            }]
        if normalized:
            query["normalized"] = normalized
        if redirected:
            query["redirects"] = redirected
        query["pages"] = sorted(pages, key=lambda page: page.get("pageid", -1))
        body: dict[str, Any] = {"query": query}
        rest = [page for page in found if page["pageid"] > (filled[-1]["pageid"] if filled else 0)]
        if rest:
            body["continue"] = {"rvcontinue": f"{rest[0]['pageid']}|{self.pages[rest[0]['title']][1]}", "continue": "||"}
        else:
            body["batchcomplete"] = True
        return Reply(200, body)


@contextmanager
def serve(wiki: FakeWiki) -> Iterator[FakeWiki]:
    """Serve ``wiki`` on 127.0.0.1 (a free port) from a thread while the block runs."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            split = urlsplit(self.path)
            params = {key: values[-1] for key, values in parse_qs(split.query, keep_blank_values=True).items()}
            wiki.requests.append({**params, "User-Agent": self.headers.get("User-Agent", "")})
            reply = wiki.answer(params) if split.path == "/w/api.php" else Reply(404, "<html>Not Found</html>")
            data = reply.body.encode() if isinstance(reply.body, str) else json.dumps(reply.body).encode()
            self.send_response(reply.status)
            self.send_header("Content-Type", "text/html" if isinstance(reply.body, str) else "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for key, value in reply.headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    wiki.url = f"http://127.0.0.1:{server.server_address[1]}/w/api.php"
    try:
        yield wiki
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
