"""The one registry of long-lived caches, so that :func:`clear_caches` empties them all.

Only functions of immutable text are cached here (names, keys, plain text of short fragments):
no cache holds a tree, a Document or anything mutable, so none keeps an article alive.
Per-article work is cached on the article's own objects instead.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_REGISTRY: list[Any] = []


def cached(maxsize: int) -> Callable[[F], F]:
    """``functools.lru_cache(maxsize)``, registered so that :func:`clear_caches` reaches it."""

    def wrap(function: F) -> F:
        wrapper = functools.lru_cache(maxsize=maxsize)(function)
        _REGISTRY.append(wrapper)
        return wrapper  # type: ignore[return-value]

    return wrap


def clear_caches() -> None:
    """Empty every registered cache: the next article is read as if it were the first.

    Tables built once per process (word lists, the Korean syllable table) are not caches and
    are kept.
    """
    for wrapper in _REGISTRY:
        wrapper.cache_clear()
