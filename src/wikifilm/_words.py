"""Small English for messages: counts with the right noun form."""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 page``, ``2 pages``, ``0 pages``; ``nouns`` for irregular plurals."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"
