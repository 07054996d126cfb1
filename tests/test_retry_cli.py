"""`mockloop retry`: the questions you can retry (text and JSON), one retried, bad input."""

from __future__ import annotations

import json

from debrief_fixture import finished_loop
from test_retry import play

from loops import paths
from loops.review.retry import start_retry
from loops.store import save_session
from tui.app import MockloopApp
from tui.cli import main
from tui.screens.interview import InterviewScreen


def test_with_nothing_saved_it_says_so(capsys):
    assert main(["retry"]) == 0
    assert "No answered question to retry yet" in capsys.readouterr().out


def test_the_list_gives_every_answered_question_and_each_attempts_vote(capsys):
    loop = finished_loop()
    vague = "We worked on it together as a team and we were happy with how it went."
    save_session(play(start_retry(loop, 2, 1, "20261121-090000-retr"), vague, 20.0))
    assert main(["retry", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["questions"]
    answered = {(a.round, a.question_index) for a in loop.answers if a.kind == "main"}
    assert {(q["round"], q["question_index"]) for q in listed} == answered
    [retried] = [q for q in listed if len(q["attempts"]) > 1]
    assert (retried["session"], retried["round"], retried["question"]) == (loop.id, 2, 2)
    assert [a["retry"] for a in retried["attempts"]] == [False, True]
    assert retried["attempts"][1]["vote"] == "strongly-not-inclined"

    assert main(["retry"]) == 0
    out = capsys.readouterr().out
    assert f"{loop.id} (loop of 2026-11-20)" in out
    assert "2 attempts: " in out and ", then strongly not inclined" in out
    assert " > " not in out  # read as "greater than", not as "then"


def test_bad_input_exits_2_and_says_what_exists(capsys):
    loop = finished_loop()
    assert main(["retry", loop.id, "1", "9"]) == 2
    assert "has questions 1 to 2, not 9" in capsys.readouterr().err
    assert main(["retry", loop.id, "7", "1"]) == 2
    err = capsys.readouterr().err
    assert f"loop {loop.id} has rounds 1 to 4; there is no round 7." in err
    assert "counts from" not in err
    # An id, an id with .toml (the file's name) or the path: all name the loop.
    for named in (f"{loop.id}.toml", str(paths.sessions_dir() / f"{loop.id}.toml")):
        assert main(["retry", named, "1", "9"]) == 2
        assert "has questions 1 to 2, not 9" in capsys.readouterr().err
    assert main(["retry", "20991231-000000-none", "1", "1"]) == 2
    assert "no session with id '20991231-000000-none'" in capsys.readouterr().err
    assert main(["retry", loop.id, "1"]) == 2
    assert "give all three" in capsys.readouterr().err
    # A saved session that cannot be read is named, the rest listed, and the exit is 2.
    broken = paths.sessions_dir() / "20261101-000000-bad.toml"
    broken.write_text('version = 1\nid = "x"\n[settings]\nlevel = "intern"\n')
    assert main(["retry", "--json"]) == 2
    captured = capsys.readouterr()
    assert "20261101-000000-bad.toml" in captured.err and "settings" in captured.err
    assert json.loads(captured.out)["questions"]


def test_a_good_question_starts_the_app_on_its_retry(monkeypatch):
    loop = finished_loop()
    started = []
    monkeypatch.setattr(MockloopApp, "run", lambda self: started.append(self._first_retry))
    assert main(["retry", loop.id, "2", "1"]) == 0
    [(session, round_index, question_index)] = started
    assert (session.id, round_index, question_index) == (loop.id, 2, 0)


async def test_the_app_started_on_a_retry_asks_that_question(clock):
    loop = finished_loop()
    app = MockloopApp(clock=clock, retry=(loop, 2, 0))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.session.origin.kind == "retry"
        assert screen.step is not None
        assert screen.step.prompt == loop.plan.rounds[1].questions[0].prompt


async def test_an_imported_interview_is_named_as_one_in_the_list_and_the_intro(
    tmp_path, capsys, clock
):
    from snapshot import screen_text, settled
    from test_import import TRANSCRIPT, _import_json

    from loops.store import load_sessions

    path = tmp_path / "onsite.txt"
    path.write_text(TRANSCRIPT)
    sid = _import_json(capsys, path)["session"]
    assert main(["retry"]) == 0
    out = capsys.readouterr().out
    assert f"{sid} (interview imported from onsite.txt, " in out and "loop of" not in out
    [imported] = load_sessions().sessions
    app = MockloopApp(clock=clock, retry=(imported, 1, 0))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        intro = " ".join(screen_text(app).split())
        assert "from round 1 of the interview imported from onsite.txt" in intro
        assert "of your loop" not in intro
