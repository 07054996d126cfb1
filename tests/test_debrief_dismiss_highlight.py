"""After x in Across rounds the highlight stays on the finding just toggled.

A stranger's report: after x the list lost its highlight, so x again (which the
README says takes the dismissal back) did nothing, and Down jumped to the first
row instead of the next. The finding moves to "Dismissed by you" (or back), and
its old row number had landed on that list's disabled heading.
"""

from __future__ import annotations

from test_one_debrief import generated_loop
from textual.widgets import OptionList

from loops.store import save_session
from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen


async def test_x_keeps_the_highlight_on_the_finding_so_x_again_and_down_work(clock):
    session = generated_loop(5, probe=False)
    save_session(session)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(DebriefScreen(session))
        await pilot.pause()
        await pilot.press("2")  # Across rounds
        await pilot.pause()
        cross = app.screen.query_one("#cross-list", OptionList)

        def row() -> str:
            assert cross.highlighted is not None, "the list lost its highlight"
            return str(cross.get_option_at_index(cross.highlighted).prompt)

        def row_id() -> str:
            assert cross.highlighted is not None, "the list lost its highlight"
            return cross.get_option_at_index(cross.highlighted).id or ""

        async def press(*keys: str) -> None:
            await pilot.press(*keys)
            await app.workers.wait_for_complete()
            await pilot.pause()

        assert row().startswith("REUSED ")
        while not row_id().startswith("contra:"):  # down to the first contradiction
            await press("down")
        await press("x")
        assert row().startswith("NOT A CONFLICT "), row()
        assert session.dismissed
        await press("x")  # takes it back, at once
        assert row().startswith("CONTRADICTION "), row()
        assert not session.dismissed

        await press("home", "x")  # the first reuse: "not the same story"
        assert row().startswith("NOT THE SAME STORY "), row()
        at = cross.highlighted
        assert at is not None and at > 0
        await press("down")  # the next row, not the first
        assert cross.highlighted == at + 1
        assert row().startswith("NOT A CONFLICT "), row()
