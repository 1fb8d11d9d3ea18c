"""Shared fixtures: hypothesis profiles and loaders for the copied corpus (see fixtures/SOURCES.md)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = sorted((FIXTURES / "articles").glob("*.wikitext"))
SEED = FIXTURES / "plaintext" / "escape_2024.txt"

settings.register_profile("dev", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def article_text(stem: str) -> str:
    """The text of a copied corpus article, by file stem (``Barry_Lyndon``)."""
    return (FIXTURES / "articles" / f"{stem}.wikitext").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The founding article in the plain-text rendering."""
    return SEED.read_text(encoding="utf-8")
