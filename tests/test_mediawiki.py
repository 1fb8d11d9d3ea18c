"""Fetching articles by title from a MediaWiki Action API served on 127.0.0.1 (tests/fake_mediawiki.py)."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

import wikifilm
from tests.conftest import FIXTURES
from tests.fake_mediawiki import MAXLAG_ERROR, FakeWiki, Reply, serve
from wikifilm import mediawiki
from wikifilm.errors import FetchError

BARRY = (FIXTURES / "articles" / "Barry_Lyndon.wikitext").read_text(encoding="utf-8")
ACTRIUS = (FIXTURES / "articles" / "Actrius.wikitext").read_text(encoding="utf-8")


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The back-off waits the client asked for, recorded instead of slept."""
    recorded: list[float] = []
    monkeypatch.setattr(mediawiki, "_sleep", recorded.append)
    return recorded


@pytest.fixture
def wiki() -> Iterator[FakeWiki]:
    """Two films and a redirect, as on English Wikipedia."""
    with serve(FakeWiki(pages={"Barry Lyndon": (4264, 1225433066, BARRY), "Actrius": (330, 837663731, ACTRIUS)},
                        redirects={"Kubrick's Barry Lyndon": "Barry Lyndon"})) as served:
        yield served


def test_pages_come_with_their_ids_and_text(wiki: FakeWiki) -> None:
    """Each title's page: its title, page id, revision id and the wikitext, unchanged."""
    pages = list(wikifilm.fetch(["Barry Lyndon", "Actrius"], api_url=wiki.url))
    assert [(page.title, page.page_id, page.revision_id) for page in pages] == [
        ("Barry Lyndon", 4264, 1225433066), ("Actrius", 330, 837663731)]
    assert pages[0].text == BARRY and pages[1].text == ACTRIUS
    film = wikifilm.extract(pages[0].text, title=pages[0].title, page_id=pages[0].page_id)
    assert film.directors[0].name == "Stanley Kubrick"


def test_the_request_is_the_documented_query(wiki: FakeWiki) -> None:
    """action=query, prop=revisions, content and ids of the main slot, formatversion 2, redirects, maxlag, a named User-Agent."""
    list(wikifilm.fetch("Actrius", api_url=wiki.url))
    (request,) = wiki.requests
    assert {key: request[key] for key in ("action", "prop", "rvslots", "formatversion", "redirects", "maxlag", "titles")} == {
        "action": "query", "prop": "revisions", "rvslots": "main", "formatversion": "2", "redirects": "1", "maxlag": "5",
        "titles": "Actrius"}
    assert {"content", "ids"} <= set(request["rvprop"].split("|"))
    assert request["User-Agent"].startswith("wikifilm/") and "httpx/" in request["User-Agent"]
    list(wikifilm.fetch("Actrius", api_url=wiki.url, user_agent="filmbot/1.0 (me@example.org)"))
    assert wiki.requests[-1]["User-Agent"] == "filmbot/1.0 (me@example.org)"


def test_normalized_redirected_missing_and_invalid_titles_are_reported(wiki: FakeWiki) -> None:
    """The API's normalization and redirects are followed and kept; missing and invalid titles are listed, not raised."""
    pages = wikifilm.fetch(["barry_Lyndon", "Kubrick's Barry Lyndon", "No such film", "A <b> title", "Actrius"], api_url=wiki.url)
    assert [page.title for page in pages] == ["Barry Lyndon", "Actrius"]  # Barry Lyndon once, though asked for twice
    assert pages.normalized == {"barry_Lyndon": "Barry Lyndon"}
    assert pages.redirects == {"Kubrick's Barry Lyndon": "Barry Lyndon"}
    assert pages.missing == ["No such film"]
    assert list(pages.invalid) == ["A <b> title"] and "invalid characters" in pages.invalid["A <b> title"]
    assert pages.resolve("Kubrick's Barry Lyndon") == pages.resolve("barry_Lyndon") == "Barry Lyndon"


def test_a_double_redirect_resolves_to_its_end() -> None:
    """The API lists each hop of a double redirect; the page at the end is the one yielded and resolved to."""
    wiki = FakeWiki(pages={"Actrius": (330, 1, ACTRIUS)}, redirects={"Actresses": "Actrius"})
    with serve(wiki):
        wiki.script = [Reply(200, {"batchcomplete": True, "query": {
            "redirects": [{"from": "Actresses (film)", "to": "Actresses"}, {"from": "Actresses", "to": "Actrius"}],
            "pages": [{"pageid": 330, "ns": 0, "title": "Actrius", "revisions": [
                {"revid": 1, "parentid": 0, "slots": {"main": {"contentmodel": "wikitext", "content": ACTRIUS}}}]}]}})]
        pages = wikifilm.fetch("Actresses (film)", api_url=wiki.url)
        assert [page.title for page in pages] == ["Actrius"] and pages.resolve("Actresses (film)") == "Actrius"


def test_fifty_titles_a_request() -> None:
    """120 titles go in three requests of at most 50, and every page comes back in the order asked."""
    titles = [f"Film {number}" for number in range(120)]
    wiki = FakeWiki(pages={title: (1000 + number, 5000 + number, f"text {number}") for number, title in enumerate(titles)})
    with serve(wiki):
        pages = list(wikifilm.fetch(reversed(titles), api_url=wiki.url))
    assert [len(request["titles"].split("|")) for request in wiki.requests] == [50, 50, 20]
    assert [page.title for page in pages] == titles[::-1]


def test_contents_that_do_not_fit_one_answer_are_continued() -> None:
    """When the API holds some contents back (``continue.rvcontinue``), the client asks again until every page has its text."""
    wiki = FakeWiki(pages={"Barry Lyndon": (4264, 11, BARRY), "Actrius": (330, 12, ACTRIUS), "Heat": (9999, 13, "{{Infobox film}}")},
                    contents_per_answer=1)
    with serve(wiki):
        pages = list(wikifilm.fetch(["Heat", "Actrius", "Barry Lyndon"], api_url=wiki.url))
    assert [(page.title, page.text[:16]) for page in pages] == [("Heat", "{{Infobox film}}"), ("Actrius", ACTRIUS[:16]), ("Barry Lyndon", BARRY[:16])]
    assert [request.get("rvcontinue") for request in wiki.requests] == [None, "4264|11", "9999|13"]


def test_maxlag_waits_as_long_as_retry_after_says(wiki: FakeWiki, waits: list[float]) -> None:
    """A lagged database answers the maxlag error with Retry-After: the client waits that long and asks again."""
    wiki.script = [Reply(200, MAXLAG_ERROR, {"Retry-After": "7", "X-Database-Lag": "7"})]
    assert [page.title for page in wikifilm.fetch("Actrius", api_url=wiki.url)] == ["Actrius"]
    assert waits == [7.0] and len(wiki.requests) == 2


def test_rate_limits_and_server_errors_back_off(wiki: FakeWiki, waits: list[float]) -> None:
    """HTTP 429 with Retry-After is honoured; a 503 without one waits 1, 2, 4 ... seconds."""
    wiki.script = [Reply(429, {"error": {"code": "ratelimited", "info": "Too many requests"}}, {"Retry-After": "3"}),
                   Reply(503, "<html>Service Unavailable</html>"), Reply(503, "<html>Service Unavailable</html>")]
    assert [page.title for page in wikifilm.fetch("Actrius", api_url=wiki.url)] == ["Actrius"]
    assert waits == [3.0, 2.0, 4.0]


def test_a_wiki_that_stays_lagged_raises_after_the_retries(wiki: FakeWiki, waits: list[float]) -> None:
    """After ``retries`` refusals the error names the API and says to try later."""
    wiki.script = [Reply(200, MAXLAG_ERROR, {"Retry-After": "5"}) for _ in range(3)]
    with pytest.raises(FetchError, match=r"127\.0\.0\.1.*maxlag.*try again later") as raised:
        list(wikifilm.fetch("Actrius", api_url=wiki.url, retries=2))
    assert waits == [5.0, 5.0] and raised.value.url == wiki.url


def test_an_error_the_api_means_is_not_retried(wiki: FakeWiki, waits: list[float]) -> None:
    """An error such as ``badvalue`` is raised at once with the API's own words."""
    wiki.script = [Reply(200, {"error": {"code": "badvalue", "info": 'Unrecognized value for parameter "prop": revisionz.'}})]
    with pytest.raises(FetchError, match="badvalue: Unrecognized value"):
        list(wikifilm.fetch("Actrius", api_url=wiki.url))
    assert waits == []


def test_an_address_that_is_not_an_api_says_so(wiki: FakeWiki) -> None:
    """An HTML page or a 404 where api.php should be: the error says to check the address."""
    with pytest.raises(FetchError, match=r"HTTP 404.*check api_url"):
        list(wikifilm.fetch("Actrius", api_url=wiki.url.replace("/w/api.php", "/wiki/api.php")))
    wiki.script = [Reply(200, "<!DOCTYPE html><html>Wikipedia, the free encyclopedia</html>")]
    with pytest.raises(FetchError, match=r"not JSON|other than JSON"):
        list(wikifilm.fetch("Actrius", api_url=wiki.url))


def test_an_unreachable_api_raises_after_retrying(waits: list[float]) -> None:
    """Nothing listening: retried with back-off, then an error naming the address and what to do."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match=r"cannot reach the API.*read a dump instead"):
        list(wikifilm.fetch("Actrius", api_url=f"http://127.0.0.1:{port}/w/api.php", retries=2))
    assert waits == [1.0, 2.0]


def test_titles_must_be_strings() -> None:
    """A title that is not a string is a TypeError naming fetch() and the value."""
    with pytest.raises(TypeError, match=r"fetch\(\): titles must be strings, got int 5"):
        wikifilm.fetch(["Heat", 5])  # type: ignore[list-item]


def test_fetch_errors_cross_process_boundaries() -> None:
    """FetchError pickles with its URL, like the other errors."""
    import pickle

    error = pickle.loads(pickle.dumps(FetchError("refused", url="http://127.0.0.1:1/w/api.php")))
    assert isinstance(error, OSError) and error.url == "http://127.0.0.1:1/w/api.php" and str(error).endswith("refused")
