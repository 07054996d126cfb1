"""x on a conflict that a dismissed reuse took with it: said plainly, nothing toggled.

A tester pressed x on a REUSED row, then x on the "NOT A CONFLICT" row it took
with it: the messages alternated "Dismissed" / "Restored" while the row, the votes
and the outcome never moved, and after the story was restored the conflict stayed
dismissed without a word.
"""

from __future__ import annotations

from test_one_debrief import generated_loop
from textual.widgets import OptionList, Static

from loops.review.debrief import build_debrief
from loops.store import save_session, session_from_toml, session_path
from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen


def _bred(session):
    """The reuse of the story told in rounds 1 and 3, and the conflicts it breeds."""
    full = build_debrief(session)
    reuse = next(r for r in full.reused if {0} & set(r.answers))
    bred = [c for c in full.contradictions if 0 in c.answers]
    assert bred
    return full, reuse, bred


async def _open(app, pilot, session):
    app.push_screen(DebriefScreen(session))
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, DebriefScreen)
    await pilot.press("2")
    await pilot.pause()
    cross = screen.query_one("#cross-list", OptionList)

    def labels() -> dict[str, str]:
        return {
            cross.get_option_at_index(n).id or "": str(cross.get_option_at_index(n).prompt)
            for n in range(cross.option_count)
        }

    async def press_x_on(option_id: str) -> str:
        app.clear_notifications()
        ids = [cross.get_option_at_index(n).id for n in range(cross.option_count)]
        cross.highlighted = ids.index(option_id)
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        return " ".join(str(n.message) for n in app._notifications)

    return screen, labels, press_x_on


def _row_of(screen, labels, key: str) -> str:
    d = screen.debrief
    n = [c.key for c in d.dismissed_contradictions].index(key)
    assert f"dcontra:{n}" in labels()
    return f"dcontra:{n}"


async def test_x_on_a_conflict_dismissed_with_its_story_says_so_and_changes_nothing(clock):
    session = generated_loop(5, probe=False)
    save_session(session)
    full, reuse, bred = _bred(session)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, labels, press_x_on = await _open(app, pilot, session)
        n = [r.key for r in full.reused].index(reuse.key)
        said = await press_x_on(f"reuse:{n}")
        assert "Dismissed" in said
        dismissed = list(session.dismissed)
        outcome = str(screen.query_one("#outcome", Static).render())
        row = _row_of(screen, labels, bred[0].key)
        assert "(with its story)" in labels()[row]
        for _ in range(2):  # twice: it used to flip between Dismissed and Restored
            said = await press_x_on(row)
            assert "restore the reuse first" in said and "Nothing changed" in said
            assert "Restored" not in said and "Dismissed:" not in said
            assert session.dismissed == dismissed
            assert session_from_toml(session_path(session.id)).dismissed == dismissed
            assert str(screen.query_one("#outcome", Static).render()) == outcome
        # Restoring the story brings back everything it took with it.
        said = await press_x_on("dreuse:0")
        assert "Restored: counted again." in said and "Still dismissed" not in said
        d = screen.debrief
        assert session.dismissed == []
        assert {c.key for c in bred} <= {c.key for c in d.contradictions}
        assert d.outcome == full.outcome
        assert not any(label.startswith("NOT A CONFLICT") for label in labels().values())


async def test_restoring_a_story_names_the_conflict_you_dismissed_yourself(clock):
    session = generated_loop(5, probe=False)
    save_session(session)
    full, reuse, bred = _bred(session)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, labels, press_x_on = await _open(app, pilot, session)
        conflict = [c.key for c in full.contradictions].index(bred[0].key)
        await press_x_on(f"contra:{conflict}")  # the conflict first, by itself
        n = [r.key for r in screen.debrief.reused].index(reuse.key)
        await press_x_on(f"reuse:{n}")  # then the story
        assert "(with its story)" not in labels()[_row_of(screen, labels, bred[0].key)]
        said = await press_x_on("dreuse:0")
        assert "Restored: counted again." in said
        assert "Still dismissed by you: 1 conflict" in said
        assert session.dismissed == [bred[0].key]
        assert bred[0].key in {c.key for c in screen.debrief.dismissed_contradictions}
