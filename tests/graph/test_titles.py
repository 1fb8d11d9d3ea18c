"""Link targets and titles compared as MediaWiki stores them; Wikidata properties of roles."""

from __future__ import annotations

import pytest

from wikifilm.graph.titles import normalize_title, strip_disambiguation
from wikifilm.graph.wikidata import CREDIT_PROPERTIES, cast_property


@pytest.mark.parametrize(("link", "title"), [
    ("Yo Oizumi", "Yo Oizumi"),
    ("yo_Oizumi", "Yo Oizumi"),  # first letter and underscores, as MediaWiki stores titles
    ("Barry Lyndon#Cast", "Barry Lyndon"),  # a section link names its page
    (":Dan  Hicks (actor)", "Dan Hicks (actor)"),
    ("#Cast", None),
    ("", None),
    (None, None),
])
def test_normalize_title(link: str | None, title: str | None) -> None:
    """A link target's page title."""
    assert normalize_title(link) == title


def test_strip_disambiguation() -> None:
    """The name in a person's title: the trailing parenthetical goes, a bare title stays."""
    assert strip_disambiguation("Kim Min-jae (actor, born 1979)") == "Kim Min-jae"
    assert strip_disambiguation("Deva (music director)") == "Deva"
    assert strip_disambiguation("Ilaiyaraaja") == "Ilaiyaraaja"


def test_cast_property_and_role_table() -> None:
    """P725 for a dub's cast, P161 otherwise; every credit role has an entry."""
    assert cast_property("English dub") == cast_property("Hindi dubbed version") == "P725"
    assert cast_property("English (Disney, 2005)", "Japanese") == "P725"  # My Neighbor Totoro's dubs
    assert cast_property("Japanese", "Japanese") == "P161"  # its original cast
    assert cast_property(None) == cast_property("Theatrical", "English") == cast_property("English", None) == "P161"
    assert CREDIT_PROPERTIES["director"] == "P57" and CREDIT_PROPERTIES["editing"] == "P1040"
    assert set(CREDIT_PROPERTIES) == {"director", "writer", "producer", "starring", "cast", "narrator", "music",
                                      "cinematography", "editing", "nominee"}
