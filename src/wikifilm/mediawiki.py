"""Articles by title from the MediaWiki Action API: the current wikitext of each page, as a ``Page``.

One request asks for up to 50 titles (the API's limit for ordinary clients), with
``maxlag`` set so that a lagged database answers "try later" rather than adding load; such
answers, HTTP 429 and 5xx are retried after the server's ``Retry-After`` (else a doubling
backoff). Titles are normalized and redirects followed by the API; both are reported on
the :class:`Fetch`, as are missing and invalid titles. Requests carry a User-Agent naming
wikifilm, as Wikimedia's User-Agent policy asks; pass ``user_agent`` with your contact.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from wikifilm.batch.pages import Page
from wikifilm.errors import FetchError

if TYPE_CHECKING:  # httpx is imported when a fetch starts: `import wikifilm` and dump runs need no HTTP client
    import httpx

__all__ = ["MAX_TITLES", "Fetch", "fetch"]

MAX_TITLES = 50
"""Titles per request: the API's ``titles`` limit for clients without the apihighlimits right."""
MAXLAG = 5
"""Seconds of replication lag past which the API should turn us away (Wikimedia's advice for bots)."""
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_RETRY_CODES = frozenset({"maxlag", "ratelimited", "readonly", "internal_api_error_DBQueryTimeoutError"})
_sleep = time.sleep  # tests replace it to see the waits without waiting


def _user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    import httpx

    try:
        ours = version("wikifilm")
    except PackageNotFoundError:  # a source tree on PYTHONPATH
        ours = "0.1.0"
    return f"wikifilm/{ours} (Python film-data library; pass user_agent= with your contact) httpx/{httpx.__version__}"


@attrs.define
class Fetch(Iterator[Page]):
    """The pages of the titles asked for, in the order asked, each once; what became of the others is kept here.

    Iterate it for :class:`~wikifilm.Page` objects (title, page id, revision id, text). The
    attributes fill in as the requests are answered, so read them after iterating.
    """

    api_url: str
    """The ``api.php`` asked."""
    normalized: dict[str, str] = attrs.field(factory=dict)
    """Title asked -> the title the wiki spells it as (``barry_lyndon`` -> ``Barry lyndon``)."""
    redirects: dict[str, str] = attrs.field(factory=dict)
    """Title (after normalization) -> the page it redirects to, which is what was fetched."""
    missing: list[str] = attrs.field(factory=list)
    """Titles asked for that name no page (after normalization and redirects)."""
    invalid: dict[str, str] = attrs.field(factory=dict)
    """Titles the wiki cannot hold (empty, forbidden characters, interwiki) -> its reason."""
    _pages: Iterator[Page] = attrs.field(init=False, factory=lambda: iter(()))

    def __next__(self) -> Page:
        return next(self._pages)

    def resolve(self, title: str) -> str:
        """The title a title asked for ended at, after normalization and redirects (chains of them too)."""
        title = self.normalized.get(title, title)
        for _ in range(len(self.redirects)):
            if title not in self.redirects:
                break
            title = self.redirects[title]
        return title


def fetch(
    titles: str | Iterable[str],
    *,
    site: str = "en.wikipedia.org",
    api_url: str | None = None,
    user_agent: str | None = None,
    retries: int = 5,
    timeout: float = 30.0,
) -> Fetch:
    """The current wikitext of each title from a wiki's Action API (``https://{site}/w/api.php`` unless ``api_url``).

    >>> pages = wikifilm.fetch(["Barry Lyndon", "Kubrick's Barry Lyndon"])  # doctest: +SKIP
    >>> film = wikifilm.extract(next(pages).text, title="Barry Lyndon")      # doctest: +SKIP

    Raises :class:`~wikifilm.errors.FetchError` when the API cannot be reached or refuses
    after ``retries`` tries, and ``TypeError`` for titles that are not strings.
    """
    if isinstance(titles, str):
        titles = [titles]
    wanted: list[str] = []
    for title in titles:
        if not isinstance(title, str):
            raise TypeError(f"fetch(): titles must be strings, got {type(title).__name__} {title!r}")
        if title not in wanted:
            wanted.append(title)
    url = api_url or f"https://{site}/w/api.php"
    result = Fetch(api_url=url)
    result._pages = _iter_pages(result, wanted, user_agent or _user_agent(), retries, timeout)
    return result


def _iter_pages(result: Fetch, titles: list[str], user_agent: str, retries: int, timeout: float) -> Iterator[Page]:
    import httpx

    headers = {"User-Agent": user_agent, "Accept": "application/json"}
    with httpx.Client(headers=headers, timeout=timeout, follow_redirects=True) as client:
        for start in range(0, len(titles), MAX_TITLES):
            batch = titles[start : start + MAX_TITLES]
            pages = _query(client, result, batch, retries)
            seen: set[str] = set()
            for title in batch:
                final = result.resolve(title)
                if final in seen or final not in pages:
                    continue
                seen.add(final)
                yield pages[final]


def _query(client: httpx.Client, result: Fetch, titles: list[str], retries: int) -> dict[str, Page]:
    """One batch of titles, following ``continue`` until every page has its revision."""
    params: dict[str, str] = {
        "action": "query", "prop": "revisions", "rvprop": "content|ids|timestamp", "rvslots": "main",
        "titles": "|".join(titles), "redirects": "1", "format": "json", "formatversion": "2", "maxlag": str(MAXLAG),
    }
    pages: dict[str, Page] = {}
    while True:
        answer = _get(client, result.api_url, params, titles, retries)
        query = answer.get("query", {})
        for item in query.get("normalized", []):
            result.normalized[item["from"]] = item["to"]
        for item in query.get("redirects", []):
            result.redirects[item["from"]] = item["to"]
        for item in query.get("interwiki", []):
            result.invalid[item["title"]] = f"an interwiki link to {item.get('iw', 'another wiki')}"
        for page in query.get("pages", []):
            title = page["title"]
            if page.get("invalid"):
                result.invalid[title] = page.get("invalidreason", "not a valid title")
            elif page.get("special"):
                result.invalid[title] = "a special page, which has no wikitext"
            elif page.get("missing"):
                if title not in result.missing:
                    result.missing.append(title)
            elif page.get("revisions"):
                revision = page["revisions"][0]
                pages[title] = Page(
                    title=title, text=revision["slots"]["main"].get("content", ""), page_id=page.get("pageid"),
                    namespace=page.get("ns", 0), revision_id=revision.get("revid"), timestamp=revision.get("timestamp"),
                )
        if "continue" not in answer:
            return pages
        params = {**params, **answer["continue"]}


def _get(client: httpx.Client, url: str, params: dict[str, str], titles: list[str], retries: int) -> dict[str, Any]:
    """The JSON of one request, retried on lag, rate limits and server errors."""
    import httpx

    asking = f"{len(titles)} title{'s' if len(titles) != 1 else ''} ({titles[0]!r}{', ...' if len(titles) > 1 else ''})"
    for attempt in range(retries + 1):
        last = attempt == retries
        try:
            response = client.get(url, params=params)
        except httpx.TransportError as error:
            if last:
                raise FetchError(f"cannot reach the API asking for {asking}: {error}; check the address and your "
                                 "connection, or read a dump instead", url=url) from None
            _sleep(_backoff(attempt, None))
            continue
        if response.status_code in _RETRY_STATUS:
            if last:
                raise FetchError(f"the API answered HTTP {response.status_code} {retries + 1} times asking for {asking}; "
                                 "try again later", url=url)
            _sleep(_backoff(attempt, response.headers.get("Retry-After")))
            continue
        if response.status_code != 200:
            raise FetchError(f"the API answered HTTP {response.status_code} asking for {asking}; check api_url/site", url=url)
        try:
            answer: dict[str, Any] = response.json()
        except ValueError:
            raise FetchError(f"the API answered with something other than JSON asking for {asking}; "
                             "check that the address is a MediaWiki api.php", url=url) from None
        refusal = answer.get("error")
        if refusal is None:
            return answer
        code = refusal.get("code", "")
        if code in _RETRY_CODES and not last:
            _sleep(_backoff(attempt, response.headers.get("Retry-After")))
            continue
        advice = "try again later" if code in _RETRY_CODES else "this is a bug in wikifilm or an unsupported wiki; please report it"
        raise FetchError(f"the API refused the request for {asking} ({code}: {refusal.get('info', '')}); {advice}", url=url)
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises on its last attempt


def _backoff(attempt: int, retry_after: str | None) -> float:
    """The server's ``Retry-After`` in seconds when it gives one, else 1, 2, 4 ... up to 60 s."""
    if retry_after is not None and retry_after.strip().isdigit():
        return float(min(int(retry_after.strip()), 120))
    return float(min(2**attempt, 60))
