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


# --- 3. a skipped answer is not a story and not an attempt ---------------------------

SKIPPED_AT = (2, 0)
"""(round, question index) of the question skipped in ``_loop_with_a_skip``."""


def _loop_with_a_skip() -> Session:
    """A finished, saved 4-round loop with every question answered but one, skipped."""
    from loops.store import save_session

    runner = _runner()
    n = 0
    while (step := runner.begin()) is not None:
        n += 1
        if step.kind == "main" and (step.round.index, step.question_index) == SKIPPED_AT:
            runner.answer("", 2.0)
        else:
            runner.answer(f"Story {n}: I rebuilt the billing export for team {n}. " + GIVEN, 60.0)
    session = runner.session
    session.created_at = session.updated_at = "2026-11-20T10:00:00+00:00"
    save_session(session)
    return session


def test_a_skipped_answer_is_not_matched_or_offered_as_a_story():
    from loops.review.matching import match_answers

    session = _loop_with_a_skip()
    skipped = [i for i, a in enumerate(session.answers) if a.skipped]
    assert len(skipped) == 1
    matched = [m.answer for m in match_answers(session, [])]
    mains = [i for i, a in enumerate(session.answers) if a.kind == "main"]
    assert matched == [i for i in mains if i not in skipped]


def test_a_skipped_question_is_not_listed_or_started_as_a_retry(capsys):
    import json

    import pytest

    from loops.review.retry import RetryError, retryable, start_retry
    from tui.cli import main

    session = _loop_with_a_skip()
    listed = {(r.ref.round, r.ref.question_index) for r in retryable([session])}
    mains = {(a.round, a.question_index) for a in session.answers if a.kind == "main"}
    assert listed == mains - {SKIPPED_AT}
    with pytest.raises(RetryError, match="never answered"):
        start_retry(session, *SKIPPED_AT, "20261201-070000-retr")

    assert main(["retry", "--json"]) == 0
    questions = json.loads(capsys.readouterr().out)["questions"]
    assert (SKIPPED_AT[0], SKIPPED_AT[1]) not in {
        (q["round"], q["question_index"]) for q in questions
    }
    assert len(questions) == len(mains) - 1
    assert main(["retry", session.id, str(SKIPPED_AT[0]), str(SKIPPED_AT[1] + 1)]) == 2
    assert "never answered" in capsys.readouterr().err


async def test_the_stories_tab_offers_no_skipped_answer_to_bank(clock):
    from debrief_fixture import open_stories_tab
    from textual.widgets import OptionList

    from loops.principles import BY_SLUG

    session = _loop_with_a_skip()
    rnd, qi = SKIPPED_AT
    name = BY_SLUG[session.plan.rounds[rnd - 1].questions[qi].principle].name
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories_tab(app, pilot)
        listing = app.screen.query_one("#story-list", OptionList)
        labels = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
    new = [label for label in labels if "NEW STORY" in label]
    assert new and not [label for label in new if label.endswith('""')], labels
    assert not [label for label in labels if label.startswith(f"Round {rnd} {name}:")], labels


async def test_history_counts_only_answers_given_for_an_unfinished_loop(clock):
    from textual.widgets import DataTable

    from loops.review.history import summarize
    from loops.store import save_session
    from tui.screens.history import HistoryScreen

    runner = _runner()
    given, skipped = _round_one_with_skips(runner)
    assert skipped
    session = runner.session
    assert summarize(session)["answers"] == given
    save_session(session)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one("#loops", DataTable)
        cells = [str(c) for c in table.get_row(session.id)]
    assert f"unfinished ({given})" in cells, cells
