"""Cast-line grammar: shortcuts that must not change what the patterns find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wikifilm.normalize.cast import _ROLE_THEN_ACTOR, _may_end_with_actor_in_brackets

_PIECES = st.sampled_from(["Dorcas", "' ", "'s ", "father", " ", "(", ")", "Dick Rich", "Rich", "a", "A", "(Dick Rich)", "’s", "-", "."])


@settings(max_examples=3000)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_bracketed_actor_pattern_runs_only_where_it_can_match(text: str) -> None:
    """The linear pre-test never skips a line the role-then-actor pattern would read."""
    if _ROLE_THEN_ACTOR.match(text):
        assert _may_end_with_actor_in_brackets(text)


def test_bracketed_actor_after_a_role_is_read() -> None:
    """``Dorcas' Father (Dick Rich)`` passes the pre-test and the pattern."""
    assert _may_end_with_actor_in_brackets("Dorcas' Father (Dick Rich)")
    match = _ROLE_THEN_ACTOR.match("Dorcas' Father (Dick Rich)")
    assert match is not None and match.group("actor") == "Dick Rich"
