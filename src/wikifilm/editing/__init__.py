"""Editing articles by meaning: an immutable :class:`Editor` whose changes touch only the
values they change (see docs/editing.md)."""

from wikifilm.editing.editor import Editor, edit
from wikifilm.editing.patch import EditError, Patch

__all__ = ["EditError", "Editor", "Patch", "edit"]
