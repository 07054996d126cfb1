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


# --- 2. skips are not counted as answers --------------------------------------------


def _round_one_with_skips(runner: LoopRunner) -> tuple[int, int]:
    """Answer round 1's first question (and its follow-ups), skip its other main
    questions; (answers given, questions skipped)."""
    given = skipped = 0
    while (step := runner.begin()) is not None and step.round.index == 1:
        if step.kind == "main" and step.question_index > 0:
            runner.answer("", 2.0)
            skipped += 1
        else:
            runner.answer(GIVEN, 60.0)
            given += 1
    return given, skipped


def test_home_and_the_debrief_count_only_answers_given(tmp_path):
    from loops.review.debrief import build_debrief
    from loops.review.exports import render
    from loops.store import load_summaries, save_session
    from tui.screens.home import describe

    runner = _runner()
    given, skipped = _round_one_with_skips(runner)
    assert given >= 2 and skipped >= 1
    session = runner.session
    save_session(session, tmp_path)
    [summary] = load_summaries(tmp_path).summaries
    assert summary.answers == given
    assert f"round 2/4, {given} answers;" in describe(summary), describe(summary)
    facts = build_debrief(session).to_json()["session"]
    assert (facts["answer_count"], facts["skipped_count"]) == (given, skipped)
    assert f"{given} answers, {skipped} skipped," in render(build_debrief(session).to_json(), "md")


def test_an_index_written_before_the_fix_is_read_again():
    """Backward compatible: home's index from an older version counted skips; its
    entries are not trusted, so home shows the count without them."""
    import json

    from loops import paths
    from loops.store import load_summaries, save_session

    runner = _runner()
    given, _ = _round_one_with_skips(runner)
    path = save_session(runner.session)
    folder = path.parent
    load_summaries(folder)  # writes the index
    index = paths.session_index_file(folder)
    data = json.loads(index.read_text())
    data["version"] = "index-6"
    for entry in data["files"].values():
        entry["value"]["summary"]["answers"] = len(runner.session.answers)
    index.write_text(json.dumps(data))
    [summary] = load_summaries(folder).summaries
    assert summary.answers == given


async def test_the_break_says_how_many_answers_were_saved_and_skipped(clock):
    from test_app_loop import _type, start_loop

    from tui.screens.breaks import BreakScreen

    app = MockloopApp(clock=clock)
    given = skipped = 0
    async with app.run_test(size=(80, 24)) as pilot:
        await start_loop(pilot)
        await pilot.press("enter", "enter")  # begin round 1; leave its intro
        await pilot.pause()
        while isinstance(screen := app.screen, InterviewScreen):
            assert screen.step is not None
            if screen.step.kind == "main" and screen.step.question_index > 0:
                await pilot.press("ctrl+s", "ctrl+s")  # skip it
                skipped += 1
            else:
                await _type(pilot, GIVEN)
                await pilot.press("ctrl+s")
                given += 1
            await pilot.pause()
        assert isinstance(app.screen, BreakScreen)
        text = " ".join(str(s.content) for s in app.screen.query(Static))
        assert skipped >= 1
        assert f"Round 1 of 4 is over: {given} answers saved, {skipped} skipped." in text, text
