"""Every command exits 2 on bad input and names the file, line and field on stderr.

A script (or a shell's ``&&``) must be able to tell "done" from "a file you gave me,
or one I read for you, could not be used". Commands that skip a bad file (a question
file, a saved session, the story bank) still do the rest of their work, then exit 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_store import answer_some, make_session

from loops import paths
from loops.store import save_session
from tui.cli import main

GOOD_ANSWERS = '[[answers]]\nround = 1\nprinciple = "ownership"\ntext = "I owned it."\n'
BAD_ANSWERS = '[[answers]]\nround = "one"\nprinciple = "ownership"\ntext = "I owned it."\n'
BAD_QUESTIONS = '[[questions]]\nid = "Not An Id"\nprinciple = "ownership"\n'
BAD_STORIES = "version = 1\n\n[[stories]]\ntitle = 3\n"


def bad_session() -> Path:
    """A saved loop with one hand edit the app cannot use (line 9: settings.timing)."""
    session = make_session()
    answer_some(session, 3)
    path = save_session(session)
    text = path.read_text()
    assert text.splitlines()[8] == 'timing = "strict"'
    path.write_text(text.replace('timing = "strict"', 'timing = "fast"'))
    return path


def good_session() -> None:
    session = make_session("20261122-000001-abcd")
    answer_some(session, 3)
    save_session(session)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.write_text(text)
    return path


# (what is bad, the command with {file} for the bad file, where the message points)
CASES = {
    "plan: a question file": ("questions", ["plan"], "mine.toml:2: questions[0].id"),
    "check-bank": ("questions", ["check-bank", "{file}"], "mine.toml:2: questions[0].id"),
    "analyze": ("answers", ["analyze", "{file}"], "answers.toml:2: answers[0].round"),
    "import": ("answers", ["import", "{file}", "--no-open"], "answers.toml:2: answers[0].round"),
    "import: the story bank": ("bank", ["import", "{good}", "--json"], "stories.toml:4:"),
    "debrief": ("session", ["debrief", "{file}"], "abcd.toml:9: settings.timing"),
    "history": ("session", ["history"], "abcd.toml:9: settings.timing"),
    "history --json": ("session", ["history", "--json"], "abcd.toml:9: settings.timing"),
    "stories list": ("bank", ["stories", "list"], "stories.toml:4: stories[0].title"),
    "stories add": ("bank", ["stories", "add", "--title", "New"], "stories.toml:4:"),
    "stories export": ("bank", ["stories", "export", "{out}"], "stories.toml:4:"),
    "stories import": ("stories", ["stories", "import", "{file}"], "import.toml:4:"),
    "stories wear": ("session", ["stories", "wear"], "abcd.toml:9: settings.timing"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_every_command_exits_2_on_a_bad_file_and_names_it(case, tmp_path, capsys):
    what, argv, where = CASES[case]
    good = write(tmp_path / "good.toml", GOOD_ANSWERS)
    if what == "questions":
        bad = write(paths.user_questions_dir() / "mine.toml", BAD_QUESTIONS)
        paths.user_questions_dir().chmod(0o700)
    elif what == "answers":
        bad = write(tmp_path / "answers.toml", BAD_ANSWERS)
    elif what == "bank":
        bad = write(paths.stories_file(), BAD_STORIES)
    elif what == "stories":
        bad = write(tmp_path / "import.toml", BAD_STORIES)
    else:
        good_session()
        bad = bad_session()
    args = [a.format(file=bad, good=good, out=tmp_path / "out.md") for a in argv]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert where in err, err


def test_a_command_that_skips_a_bad_session_still_does_the_rest(capsys):
    good_session()
    bad_session()
    assert main(["history", "--json"]) == 2
    captured = capsys.readouterr()
    assert '"20261122-000001-abcd"' in captured.out  # the good loop is listed
    assert "settings.timing" in captured.err
