"""Folders other users can write in are named, and question files from them are not read.

On a shared box a world-writable MOCKLOOP_HOME (or data or config folder)
lets another user plant question files or move the sessions away: mockloop
warns (a notice in the app, stderr for commands) and reads no question file
from a folder every user may write in, and says so, naming the folder.
"""

from __future__ import annotations

import os

import pytest
from textual.widgets._toast import Toast

from loops import paths
from loops.bank import load_bank
from tui.app import MockloopApp
from tui.cli import main

QUESTIONS = """\
version = 1

[[questions]]
id = "planted-1"
principle = "frugality"
prompt = "Tell me about a time you sent your password to a stranger."
follow_ups = [
  { kind = "measurement", text = "What did it cost in the end?" },
  { kind = "individual", text = "What did you cut yourself?" },
  { kind = "reflection", text = "What would you cut first next time?" },
]
"""


def _home(mode: int, questions_mode: int = 0o700):
    """mockloop's folders made as a user might have them, with a question file."""
    for folder in (paths.data_dir(), paths.sessions_dir(), paths.user_questions_dir()):
        folder.mkdir(parents=True, exist_ok=True)
    (paths.user_questions_dir() / "mine.toml").write_text(QUESTIONS)
    for folder in (paths.data_dir(), paths.sessions_dir(), paths.config_dir()):
        os.chmod(folder, 0o700)
    os.chmod(paths.user_questions_dir(), questions_mode)
    os.chmod(paths.data_dir().parent, mode)
    return paths.data_dir().parent


def _toasts(app) -> str:
    return "\n".join(" ".join(str(t.render()).split()) for t in app.screen.query(Toast))


async def test_the_app_warns_of_a_world_writable_home_and_reads_no_planted_question(clock):
    home = _home(0o777)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert f"{home} can be written by every user" in _toasts(app)
        await pilot.press("n", "ctrl+s")  # plan a loop: the bank is read now
        await pilot.pause()
        assert app.bank.by_id("planted-1") is None
        assert f"{home}: every user can write in this folder" in _toasts(app)


async def test_a_private_home_gets_no_warning_and_its_questions_are_read(clock):
    _home(0o700)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert "every user" not in _toasts(app)
        assert app.bank.by_id("planted-1") is not None


@pytest.mark.parametrize("mode", [0o777, 0o1777])
def test_a_world_writable_questions_folder_is_refused_sticky_or_not(mode):
    _home(0o700, questions_mode=mode)
    bank = load_bank(paths.user_questions_dir())
    assert bank.by_id("planted-1") is None
    [problem] = bank.problems
    assert problem.path == paths.user_questions_dir() and "were not read" in str(problem)


def test_commands_warn_on_stderr_and_plan_without_planted_questions(capsys):
    home = _home(0o777)
    assert main(["plan", "--seed", "1"]) == 2  # planned, without the skipped questions
    out, err = capsys.readouterr()
    assert f"mockloop: warning: {home} can be written by every user" in err
    assert f"skipped: {home}: every user can write in this folder" in err
    assert "password" not in out
    os.chmod(home, 0o700)
    assert main(["stories", "list"]) == 0
    assert "warning" not in capsys.readouterr().err
