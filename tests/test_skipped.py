"""A question skipped (Ctrl+S twice on an empty answer) is passed over, not answered.

The stranger's report, at 80x24: after a skipped main question the runner still
asked its follow-ups ("How has it held up over time?" about an answer never
given). One rule says what was skipped (``loops.session.said_nothing``); these
tests hold each place that asks it to what the candidate sees.
"""

from __future__ import annotations

from textual.widgets import Static

from loops.bank import load_bank
from loops.planner import plan_loop
from loops.runner import LoopRunner
from loops.session import LoopSettings, Session
from tui.app import MockloopApp
from tui.screens.interview import InterviewScreen

GIVEN = (
    "I noticed checkout p99 latency had crept up to 1.4 seconds and nobody owned it. "
    "I profiled it myself, found an N+1 query and shipped one batched call. p99 fell "
    "from 1.4 seconds to 300 ms."
)


def _runner(rounds: int = 4) -> LoopRunner:
    bank = load_bank()
    settings = LoopSettings("sde2", rounds, "relaxed", 11)
    return LoopRunner(
        Session("20261201-060000-skip", settings, plan_loop(bank, "sde2", rounds, 11)), bank
    )


def test_a_skipped_main_question_gets_no_follow_ups_and_the_next_main_is_asked():
    runner = _runner()
    first = runner.begin()
    assert first is not None and first.kind == "main"
    record = runner.answer("  \n ", 3.0)  # what Ctrl+S twice on an empty editor saves
    assert record.skipped and record.follow_ups == []
    step = runner.begin()
    assert step is not None
    assert (step.kind, step.round.index, step.question_index) == ("main", 1, 1)


def test_an_answered_main_question_still_gets_its_follow_ups():
    runner = _runner()
    runner.begin()
    record = runner.answer(GIVEN, 80.0)
    assert not record.skipped and record.follow_ups
    step = runner.begin()
    assert step is not None and step.kind == "follow-up"


def test_a_spoken_answer_with_beats_marked_and_no_note_is_not_skipped():
    runner = _runner()
    runner.begin()
    record = runner.answer("", 80.0, marks=[("situation", 0.0), ("action", 30.0)])
    assert not record.skipped and record.follow_ups


def test_follow_ups_saved_for_a_skipped_question_by_an_older_version_are_not_asked():
    """Backward compatible: a file written before the fix may hold follow-ups chosen
    for a skipped question; resuming it goes on to the next main question."""
    runner = _runner()
    first = runner.begin()
    assert first is not None
    chosen = runner.listen(runner.session, first, "")
    assert chosen
    runner.session.record(first, "", 3.0, follow_ups=chosen)
    step = runner.begin()
    assert step is not None
    assert (step.kind, step.question_index) == ("main", 1)


async def test_skipping_a_main_question_in_the_app_asks_the_next_main_question(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        from test_app_loop import start_loop

        await start_loop(pilot)
        await pilot.press("enter", "enter")  # begin round 1; leave its intro
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.phase == "answering"
        second = screen.session.plan.rounds[0].questions[1].prompt
        await pilot.press("ctrl+s")  # empty: asks to press again to skip
        await pilot.pause()
        await pilot.press("ctrl+s")  # skipped
        await pilot.pause()
        assert screen.step is not None and screen.step.kind == "main"
        shown = str(screen.query_one("#prompt", Static).content)
        assert second in shown, shown
