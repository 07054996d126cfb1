"""x on a story told twice says how many contradictions went with it, and x undoes it.

A stranger pressed x ("not the same story") on a REUSED row: the notice said
"Dismissed: not counted in the votes" while the two contradictions found between
the tellings left the list and the votes too, with no word; nothing said that x
again would bring them back.
"""

from __future__ import annotations

from test_debrief_dismiss_reuse import _bred, _open
from test_one_debrief import RETOLD, STORY, generated_loop
from textual.widgets import Static

from loops.store import save_session
from tui.app import MockloopApp

TWO_CHANGED = RETOLD.replace("abandonment fell 3%", "abandonment fell 7%")
"""Round 3's telling with a second figure changed: two contradictions with round 1."""


async def test_the_notice_names_the_contradictions_the_story_took_and_x_brings_them_back(clock):
    session = generated_loop(5, probe=False, told=(STORY, TWO_CHANGED))
    save_session(session)
    full, reuse, bred = _bred(session)
    assert len(bred) == 2
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, labels, press_x_on = await _open(app, pilot, session)
        outcome = str(screen.query_one("#outcome", Static).render())
        n = [r.key for r in full.reused].index(reuse.key)
        said = await press_x_on(f"reuse:{n}")
        between = f"{len(bred)} contradictions between rounds 1 and 3"
        assert f"{between} went with it; x again on it brings them back." in said, said
        assert (
            "Judging the loop again" not in said
        )  # the notice while judging is replaced by this one
        d = screen.debrief
        assert not {c.key for c in bred} & {c.key for c in d.contradictions}
        assert session.dismissed == [reuse.key]
        # x again, on the row the highlight followed it to: everything comes back.
        said = await press_x_on("dreuse:0")
        assert "Restored: counted again." in said and f"{between} came back with it." in said
        d = screen.debrief
        assert {c.key for c in bred} <= {c.key for c in d.contradictions}
        assert session.dismissed == [] and d.outcome == full.outcome
        assert str(screen.query_one("#outcome", Static).render()) == outcome
        assert not any(label.startswith("NOT ") for label in labels().values())


async def test_one_contradiction_is_named_as_one(clock):
    session = generated_loop(5, probe=False)
    save_session(session)
    full, reuse, bred = _bred(session)
    assert len(bred) == 1
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        _screen, _labels, press_x_on = await _open(app, pilot, session)
        said = await press_x_on(f"reuse:{[r.key for r in full.reused].index(reuse.key)}")
        assert (
            "1 contradiction between rounds 1 and 3 went with it; x again on it brings it " in said
        )
