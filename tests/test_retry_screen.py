"""Retry a question from the debrief and read what changed, as a candidate would."""

from __future__ import annotations

import re
from datetime import date

from debrief_fixture import STORY, finished_loop
from snapshot import screen_text, settled
from test_app_loop import _type
from test_store import with_draft
from textual.widgets import OptionList, Static

from loops.store import load_sessions
from tui.app import MockloopApp
from tui.screens.answer_view import CompareScreen
from tui.screens.debrief import DebriefScreen
from tui.screens.interview import InterviewScreen
from tui.screens.retry import RetryScreen

VOTE_WORDS = {"STRONGLY INCLINED", "INCLINED", "NOT INCLINED", "STRONGLY NOT INCLINED"}

CHANGED = STORY.replace("1.4 seconds", "2.6 seconds")
TODAY = date.today().isoformat()
"""The fixture's loop and the retry are both saved today: the dates shown are today's."""


async def play_retry(pilot, main: str) -> RetryScreen:
    """From the interview's intro to the comparison: the main answer, then each follow-up."""
    app = pilot.app
    assert isinstance(app.screen, InterviewScreen)
    await pilot.press("enter")  # past the interviewer's introduction
    await pilot.pause()
    await _type(pilot, main)
    pilot.app.clock.advance(95)
    while isinstance(app.screen, InterviewScreen):
        await pilot.press("ctrl+s")
        await pilot.pause()
        if isinstance(app.screen, InterviewScreen) and app.screen.phase == "answering":
            await _type(pilot, "I checked the dashboard myself every morning.")
            pilot.app.clock.advance(20)
    assert isinstance(app.screen, RetryScreen)
    await app.screen.workers.wait_for_complete()
    await pilot.pause()
    return app.screen


def lines(listing: OptionList) -> list[str]:
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_a_retried_figure_shows_as_a_contradiction_with_the_first_attempt(clock):
    loop = finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen)
        evidence = debrief.query_one("#evidence", OptionList)
        first = evidence.get_option_at_index(evidence.highlighted).id
        assert first is not None and first.startswith("ans:0:")  # round 1's first question
        await pilot.press("r")
        await pilot.pause()
        await settled(pilot)
        intro = " ".join(screen_text(app).split())
        assert "A retry: the Customer Obsession question from round 1 of your loop" in intro
        screen = await play_retry(pilot, CHANGED)

        shown = lines(screen.query_one("#retry-changes", OptionList))
        assert shown[0].startswith("CONTRADICTION (number)")
        assert '"1.4 seconds" then, "2.6 seconds" now' in shown[0]
        # The story says 1.4 seconds in two sentences and the retry 2.6 in both: one
        # change, one row (it was listed twice, word for word), naming both sentences.
        assert [s for s in shown if s.startswith("CONTRADICTION")] == [shown[0]]
        assert shown[0].endswith("now (2 sentences)")
        await settled(pilot)
        read = screen_text(app)
        assert '"1.4 seconds" then, "2.6 seconds" now' in read  # whole at 80 columns
        assert f"First attempt, {TODAY}" in read and "This retry" in read
        assert "1.4 seconds" in read and "2.6 seconds" in read
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        left = str(app.screen.query_one("#text-0", Static).render())
        right = str(app.screen.query_one("#text-1", Static).render())
        assert "1.4 seconds" in left and "2.6 seconds" in right
        # Both sentences that said it are marked on each side.
        assert [len(m) for m in (app.screen.left_marks, app.screen.right_marks)] == [2, 2]
        both = screen_text(app)
        assert f"First attempt, {TODAY}" in both and f"This retry, {TODAY}" in both

    saved = {s.id: s for s in load_sessions().sessions}
    [retry] = [s for s in saved.values() if s.origin.kind == "retry"]
    assert (retry.origin.source, retry.origin.round, retry.origin.question_index) == (
        loop.id,
        1,
        0,
    )
    assert retry.answers[0].text == CHANGED and retry.finished


async def test_history_keeps_every_attempt_and_its_trend_and_retries_from_there(clock):
    from test_retry import play

    from loops.review.retry import start_retry
    from loops.store import save_session
    from tui.screens.history import HistoryScreen
    from tui.screens.retry import AttemptsScreen

    loop = finished_loop()
    vague = "We worked on it together as a team and we were happy with how it went."
    retry = play(start_retry(loop, 1, 0, "20261121-090000-retr"), vague, 20.0)
    retry.created_at = retry.updated_at = "2026-11-21T09:00:00+00:00"
    save_session(retry)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        table = history.query_one("#loops")
        assert [table.get_row_at(i)[3] for i in range(table.row_count)] == ["retry", "NO HIRE"]
        # The retry is listed, but it is no loop: the trends count the one loop.
        assert "Trends over 1 finished loop" in str(history.query_one("#trends").content)

        await pilot.press("r")  # on the retry's row: its loop's questions
        await pilot.pause()
        assert isinstance(app.screen, AttemptsScreen)
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        read = screen_text(app)
        # Oldest first, read as a sequence: "INCLINED > STRONGLY NOT INCLINED" read as
        # a comparison of two votes, the weaker one "greater".
        said = " ".join(read.split())
        # As the debrief counts it: a contradiction lowered the loop's telling.
        assert "Round 1 Customer Obsession: 2 attempts: NOT INCLINED, then STRONGLY NOT" in said
        assert ">" not in read
        # A question tried once shows its one vote, as the heading promises.
        assert "not retried yet" not in read
        once = re.findall(r"Round \d [^:\n]+: 1 attempt: ([A-Z ]+)", read)
        assert once and all(v.strip() in VOTE_WORDS for v in once), read
        await pilot.press("enter")  # retry it a second time
        await pilot.pause()
        screen = await play_retry(pilot, CHANGED)
        await settled(pilot)
        read = screen_text(app)
        # Compared with the attempt just before it: the first retry, not the loop's.
        assert f"Retry, {TODAY}" in read and "CONTRADICTION" not in read

    retries = [s for s in load_sessions().sessions if s.origin.kind == "retry"]
    assert len(retries) == 2 and {s.origin.source for s in retries} == {loop.id}
    assert screen.comparison is not None and screen.comparison.before.session_id == retry.id


async def test_home_leaves_finished_retries_to_history_and_resumes_one_left_half_way(clock):
    from test_retry import play

    from loops.review.retry import start_retry
    from loops.store import save_session

    loop = finished_loop()
    done = play(start_retry(loop, 1, 0, "20261121-090000-done"), STORY)
    save_session(done)
    half = start_retry(loop, 2, 0, "20261122-090000-half")
    with_draft(half, "I owned the pager rotation", 30.0)
    save_session(half)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        menu = app.screen.query_one("#menu", OptionList)
        shown = lines(menu)
        assert [line.split(":")[0] for line in shown] == [
            "New loop",
            "Resume retry",
            "Debrief",
            "Quit",
        ]
        assert "Resume retry: 0 answers, draft saved; relaxed, typed;" in shown[1]
        assert "\n" not in screen_text(app).split("Resume retry")[1].split("▎")[0]  # one line
        assert menu.highlighted == 1  # the retry left half-way, ready for Enter
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.session.id == half.id


async def test_a_short_retry_of_the_same_story_shows_its_changed_figure_not_another_story(clock):
    from test_retry import DEPLOY_RETOLD, deploy_loop

    deploy_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("r")
        await pilot.pause()
        await play_retry(pilot, DEPLOY_RETOLD)
        await settled(pilot)
        read = screen_text(app)
        assert 'CONTRADICTION (number): "12%" then, "15%" now' in read
        assert "different story" not in read


async def test_the_retry_asks_the_follow_up_asked_in_the_loop_as_its_intro_promises(clock):
    loop = finished_loop()
    [then] = [a for a in loop.answers if (a.round, a.question_index, a.kind) == (1, 0, "main")]
    [follow_up] = then.follow_ups
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await settled(pilot)
        assert "the same follow-ups" in " ".join(screen_text(app).split())
        await pilot.press("enter")
        await pilot.pause()
        await _type(pilot, STORY)  # holds what that follow-up asked for: chosen anew, not asked
        clock.advance(90)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await settled(pilot)
        assert isinstance(app.screen, InterviewScreen) and app.screen.phase == "answering"
        assert follow_up.text in " ".join(screen_text(app).split())


async def test_esc_on_the_retry_intro_cancels_it_and_leaves_no_session_to_resume(clock):
    from test_palette import palette

    from loops.trash import trash_dir
    from tui.screens.home import HomeScreen

    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("r")  # started by mistake
        await pilot.pause()
        await settled(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert "Esc cancels the retry" in " ".join(screen_text(app).split())
        assert "Cancel the retry" in "\n".join(await palette(pilot, "cancel"))
        await pilot.press("escape")  # closes the palette
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)  # back where it was started
        assert [s.origin.kind for s in load_sessions().sessions] == ["loop"]
        assert len(list(trash_dir().glob("*.toml"))) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Resume retry" not in screen_text(app)


async def test_esc_on_the_comparison_returns_to_where_the_retry_was_started(clock):
    from tui.screens.history import HistoryScreen
    from tui.screens.retry import AttemptsScreen

    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await play_retry(pilot, CHANGED)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("r")
        await pilot.pause()
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")  # the question retried above, a second time
        await pilot.pause()
        await play_retry(pilot, STORY)
        await pilot.press("r")  # and once more from the comparison
        await pilot.pause()
        await play_retry(pilot, STORY)
        await pilot.press("escape")
        await pilot.pause()
        attempts = app.screen
        assert isinstance(attempts, AttemptsScreen)
        await attempts.workers.wait_for_complete()
        await pilot.pause()
        assert "Round 1 Customer Obsession: 4 attempts" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
