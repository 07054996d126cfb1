"""The debrief's outcome at 80x24: readable, in as few rows as say it.

A stranger found the boxed outcome (a line per fact, in a border) took about 8 of 24
rows, leaving the votes and their evidence little room. The outcome is now one
paragraph under the heading: decision, count, reason and Bar Raiser, each said once.
"""

from __future__ import annotations

from debrief_fixture import finished_loop
from snapshot import screen_text
from textual.widgets import OptionList

from loops.review.debrief import SelfCheck
from scoring.model import Outcome
from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen, outcome_text


async def test_the_outcome_takes_two_rows_at_80x24_and_the_votes_get_the_rest(clock):
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        rows = screen_text(app).splitlines()
        # Heading, then the outcome: the decision, its count, the veto and why, whole.
        assert rows[1].startswith(" NO HIRE (1 of 9 votes inclined). The Bar Raiser (round 4)")
        said = " ".join(" ".join(rows[1:3]).split())
        assert "voted STRONGLY NOT INCLINED: a veto." in said
        assert "1 contradiction across rounds lowered the votes involved." in said
        assert rows[3].lstrip().startswith("1 Rounds")  # the tabs right under it
        assert screen.query_one("#outcome").region.height == 2  # was 6, in a box
        # The Bar Raiser's vote is in the reason: not said a second time.
        assert "Bar Raiser: STRONGLY" not in said and said.count("STRONGLY NOT INCLINED") == 1
        # The rounds list shows 16 rows of votes and evidence (it showed 12).
        evidence = screen.query_one("#evidence", OptionList)
        assert evidence.scrollable_content_region.height == 16


def _outcome(decision: str, reason: str, br_vote: str, inclined: int, total: int) -> Outcome:
    return Outcome(decision, reason, 4, br_vote, {}, inclined, total)  # type: ignore[arg-type]


def test_each_fact_of_the_outcome_is_said_once():
    """The count is shown unless the reason gives it; the Bar Raiser's vote unless the
    reason names it (a veto); skipped questions beside the count; own votes below."""
    hire = outcome_text(
        _outcome("hire", "6 of 9 votes inclined and no Bar Raiser veto.", "inclined", 6, 9)
    )
    assert hire.plain == "HIRE. 6 of 9 votes inclined and no Bar Raiser veto. Bar Raiser: INCLINED."
    few = outcome_text(_outcome("no-hire", "Only 3 of 9 votes are inclined.", "inclined", 3, 9))
    assert few.plain == "NO HIRE. Only 3 of 9 votes are inclined. Bar Raiser: INCLINED."
    skips = outcome_text(
        _outcome("no-hire", "Only 1 of 3 votes are inclined.", "inclined", 1, 3), skipped=2
    )
    assert skips.plain.startswith("NO HIRE (2 skipped, not counted). Only 1 of 3 votes")
    veto = "The Bar Raiser (round 4) voted NOT INCLINED: a veto."
    mine = SelfCheck(votes=9, agree=7, over=1, harsh=1)
    shown = outcome_text(_outcome("no-hire", veto, "not-inclined", 7, 9), mine)
    assert shown.plain == (
        f"NO HIRE (7 of 9 votes inclined). {veto}\n"
        "Your own votes: 7 of 9 agree with the meeting, 1 over-confident, 1 too harsh"
    )
