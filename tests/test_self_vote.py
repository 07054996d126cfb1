"""Your own vote first: the candidate's votes, saved, beside the interviewers', and tracked."""

from __future__ import annotations

import dataclasses

import pytest
from debrief_fixture import finished_loop
from textual.widgets import OptionList, Static

from loops.problems import FileProblemError
from loops.review.debrief import build_debrief
from loops.review.history import load_history
from loops.store import save_session, session_from_toml, session_path
from tui.app import MockloopApp
from tui.cli import main
from tui.screens.debrief import DebriefScreen
from tui.screens.interview import InterviewScreen
from tui.screens.self_vote import SelfVoteScreen


def one_answer_left():
    """The fixture's loop with self-voting on and its last answer not yet given."""
    session = finished_loop()
    session.settings = dataclasses.replace(session.settings, self_vote=True)
    session.answers.pop()
    save_session(session)
    return session


def _lines(listing: OptionList) -> list[str]:
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def _answer_the_last_question(app: MockloopApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """From home: resume the loop at its last answer, answer it, and reach the votes."""
    await pilot.pause()
    await pilot.press("r")  # resume the loop at its last answer
    await pilot.pause()
    assert isinstance(app.screen, InterviewScreen)
    await pilot.press(*"Done.")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, SelfVoteScreen)


async def test_self_votes_come_before_the_debrief_and_show_beside_the_interviewers(clock):
    session = one_answer_left()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _answer_the_last_question(app, pilot)
        # Strongly inclined on every question: nobody in this loop earned that.
        for _ in app.screen.asked:
            await pilot.press("4")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        lines = _lines(screen.query_one("#evidence", OptionList))
        debrief = screen.debrief
        mains = [q for q in debrief.questions if q.main is not None]
        assert len(mains) == 9
        # Each question's line, then the candidate's vote on the line below it.
        for q in mains:
            at = next(
                n for n, line in enumerate(lines) if line.startswith(f"  {q.principle_name}: ")
            )
            assert lines[at + 1].startswith("    your vote: STRONGLY INCLINED (over-confident)")
        outcome = str(screen.query_one("#outcome", Static).render())
        assert (
            "Your own votes: 0 of 9 agree with the meeting, 9 over-confident, 0 too harsh"
            in outcome
        )
    saved = session_from_toml(session_path(session.id))
    assert [a.self_vote for a in saved.answers if a.kind == "main"] == ["strongly-inclined"] * 9


async def test_a_loop_quit_mid_vote_resumes_at_the_votes_with_those_given(clock):
    """Quitting among the votes used to leave a loop home called finished: Enter on it
    opened the debrief (the interviewers' votes) and the rest of the votes were never
    asked. Now home offers to resume it, at the votes, with the ones given."""
    session = one_answer_left()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _answer_the_last_question(app, pilot)
        await pilot.press("4", "2")  # two of nine, then quit
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()

    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        menu = app.screen.query_one("#menu", OptionList)
        assert _lines(menu)[1].startswith("Resume: SDE II, your votes 2/9; ")
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SelfVoteScreen)
        listing = screen.query_one("#self-votes", OptionList)
        rows = _lines(listing)
        assert rows[0].endswith(": STRONGLY INCLINED")
        assert rows[1].endswith(": NOT INCLINED")
        assert all(row.endswith(": -") for row in rows[2:])
        assert listing.highlighted == 2  # at the first question not voted yet
        for _ in rows[2:]:
            await pilot.press("3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
    saved = session_from_toml(session_path(session.id))
    votes = [a.self_vote for a in saved.answers if a.kind == "main"]
    assert votes == ["strongly-inclined", "not-inclined"] + ["inclined"] * 7
    assert not saved.voting  # done: opened again, it is the debrief

    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert _lines(app.screen.query_one("#menu", OptionList))[1].startswith("Debrief: ")


async def test_escape_skips_to_the_debrief_with_no_votes(clock):
    one_answer_left()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _answer_the_last_question(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        assert not any("your vote" in line for line in _lines(screen.query_one("#evidence")))


def test_self_votes_round_trip_and_a_bad_one_is_named(tmp_path):
    session = finished_loop()
    session.settings = dataclasses.replace(session.settings, self_vote=True)
    session.vote_self(1, 0, "inclined")
    session.vote_self(2, 1, "strongly-not-inclined")
    path = save_session(session, tmp_path)
    back = session_from_toml(path)
    assert back.settings.self_vote
    assert [(a.round, a.question_index, a.self_vote) for a in back.answers if a.self_vote] == [
        (1, 0, "inclined"),
        (2, 1, "strongly-not-inclined"),
    ]
    # A loop saved before self-votes existed reads as none given.
    plain = save_session(finished_loop(), tmp_path / "before")
    assert "self_vote" not in plain.read_text()
    assert not session_from_toml(plain).settings.self_vote
    assert not session_from_toml(plain).voting  # nor votes left to give

    text = path.read_text()
    path.write_text(text.replace('self_vote = "inclined"', 'self_vote = "hire"'))
    with pytest.raises(FileProblemError) as caught:
        session_from_toml(path)
    problem = caught.value.problems[0]
    assert problem.field == "answers[0].self_vote" and "'hire'" in problem.message
    line = path.read_text().splitlines()[problem.line - 1]
    assert line == 'self_vote = "hire"'


def test_history_counts_how_often_the_candidate_agreed(capsys):
    session = finished_loop()
    debrief = build_debrief(session)
    asked = [q for q in debrief.questions if q.counted is not None]
    # One vote the same as the meeting's, one better, one worse.
    same = asked[0]
    better = next(q for q in asked[1:] if q.counted != "strongly-inclined")
    worse = next(q for q in asked[1:] if q.counted != "strongly-not-inclined" and q != better)
    session.vote_self(same.round, same.index, same.counted)
    session.vote_self(better.round, better.index, "strongly-inclined")
    session.vote_self(worse.round, worse.index, "strongly-not-inclined")
    save_session(session)
    row = load_history().rows[0]
    assert (row["self_votes"], row["self_agree"], row["self_over"], row["self_harsh"]) == (
        3,
        1,
        1,
        1,
    )
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert "Your own votes 1 of 3 agree with the meeting, 1 over-confident, 1 too harsh" in (
        " ".join(out.split())
    )


def test_exports_show_the_candidates_vote_beside_the_meetings():
    from loops.review.debrief import debrief_data
    from loops.review.exports import render

    session = finished_loop()
    session.vote_self(1, 0, "strongly-inclined")
    data = debrief_data(session)
    first = data["rounds"][0]["questions"][0]
    assert first["self_vote"] == "strongly-inclined"
    assert first["final_vote"] != "strongly-inclined" and first["self_verdict"] == "over-confident"
    assert data["self_check"]["votes"] == 1
    md = render(data, "md")
    html = render(data, "html")
    said = f"your vote: STRONGLY INCLINED ({first['self_verdict']})"
    assert said in md
    assert "your vote: " in html and first["self_verdict"] in html


async def test_the_screen_says_a_vote_moves_on_and_down_after_it_skips_a_row(clock):
    """A stranger pressed 4, then Down, then 3: the 3 landed on the row after next,
    leaving one principle unvoted, as nothing said a vote moves the cursor."""
    from snapshot import screen_text
    from test_enter_in_footer import footer

    session = finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SelfVoteScreen(session))
        shown = await footer(pilot)
        assert "1234 Vote, next" in shown, shown
        assert "A vote moves you to the next principle; Up goes back" in screen_text(app)
        listing = app.screen.query_one("#self-votes", OptionList)
        await pilot.press("4")
        assert listing.highlighted == 1  # as the screen says
        await pilot.press("up", "3")  # back to the first: its vote changes, nothing skipped
        lines = _lines(listing)
        assert lines[0].endswith("INCLINED") and not lines[0].endswith("STRONGLY INCLINED")
        assert lines[1].endswith(": -") and listing.highlighted == 1
