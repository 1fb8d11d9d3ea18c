"""A quicker ``__init__`` for the frozen attrs classes made thousands of times per article.

attrs' frozen ``__init__`` sets each field through ``object.__setattr__``, bound anew for every
instance, because the class's own ``__setattr__`` refuses. Setting the slots through their
descriptors does the same in about half the time (:class:`~wikifilm.span.Span` does it by hand).
:func:`slots_init` writes that ``__init__`` from the class's attrs fields, with the same
parameters, defaults and keyword-only markers, and refuses a class whose fields ask for more
(validators, converters, factories, ``init=False``, a post-init hook) rather than drop it.
Classes stay frozen: only construction changes.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Callable
from typing import Any, TypeVar, cast

import attrs

T = TypeVar("T")

ATTRS_INITS: dict[type, Callable[..., None]] = {}
"""attrs' own ``__init__`` of every class given a quicker one, kept so tests can compare them."""


def slots_init(cls: type[T]) -> type[T]:
    """Give the frozen, slotted attrs class ``cls`` an ``__init__`` that sets its slots directly."""
    if getattr(cls, "__attrs_attrs__", None) is None or "__slots__" not in cls.__dict__ or hasattr(cls, "__attrs_post_init__"):
        raise TypeError(f"{cls.__name__}: slots_init takes a slotted attrs class without a post-init hook")
    namespace: dict[str, Any] = {}
    positional: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    for field in attrs.fields(cast(Any, cls)):
        if field.validator is not None or field.converter is not None or not field.init or isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            raise TypeError(f"{cls.__name__}.{field.name}: slots_init sets plain fields only")
        descriptor = inspect.getattr_static(cls, field.name)
        if not isinstance(descriptor, types.MemberDescriptorType):
            raise TypeError(f"{cls.__name__}.{field.name} is not a slot")
        namespace[f"_set_{field.name}"] = descriptor.__set__
        parameter = field.alias
        if field.default is not attrs.NOTHING:
            namespace[f"_default_{field.name}"] = field.default
            parameter += f"=_default_{field.name}"
        (keyword if field.kw_only else positional).append(parameter)
        body.append(f"_set_{field.name}(self, {field.alias})")
    signature = ", ".join(["self", *positional, *(["*", *keyword] if keyword else [])])
    source = f"def __init__({signature}):\n    " + "\n    ".join(body or ["pass"]) + "\n"
    exec(compile(source, f"<slots_init {cls.__qualname__}>", "exec"), namespace)
    ATTRS_INITS[cls] = cls.__init__
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    setattr(cls, "__init__", init)  # noqa: B010 - assigning a method: mypy refuses the plain form
    return cls
