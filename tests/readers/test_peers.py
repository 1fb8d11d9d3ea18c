"""Robustness corpus: every tokenizer test input of mwparserfromhell (see fixtures/SOURCES.md)
reads losslessly under both readers and extracts without raising."""

from __future__ import annotations

import json

import pytest

import wikifilm
from tests.conftest import FIXTURES
from wikifilm.document.render import check_tiling
from wikifilm.readers.detect import detect_format

PEER_INPUTS = [
    json.loads(line)
    for line in (FIXTURES / "peers" / "mwparserfromhell-tokenizer-inputs.jsonl").read_text(encoding="utf-8").splitlines()
]


def test_the_corpus_is_complete() -> None:
    """All 571 inputs are there, each once, and both readers are picked by detection for some."""
    assert len(PEER_INPUTS) == 571
    assert len({case["id"] for case in PEER_INPUTS}) == 571
    assert {detect_format(case["text"]) for case in PEER_INPUTS} == {"wikitext", "plaintext"}


@pytest.mark.parametrize("case", PEER_INPUTS, ids=[case["id"] for case in PEER_INPUTS])
def test_peer_input_round_trips_and_extracts_under_both_readers(case: dict[str, str]) -> None:
    """Detected, forced wikitext and forced plain text: the leaves tile the input and join back to
    it exactly, and extraction returns a record."""
    text = case["text"]
    for format in (None, "wikitext", "plaintext"):
        document = wikifilm.read(text, format=format)  # type: ignore[arg-type]
        assert document.render() == text
        check_tiling(document)
    for format in ("wikitext", "plaintext"):
        film = wikifilm.extract(text, format=format, title="Peer")  # type: ignore[arg-type]
        assert film.page_title == "Peer"
