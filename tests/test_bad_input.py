"""Hand-edited files with values the app cannot use: named (file, line, field) and skipped.

TOML accepts nan, inf and any integer, and a hand edit can name a level, a
mode, a principle or a round that does not exist. Each such value must be
refused where the file is read, with the same kind of message as every
other bad value, so nothing further on (resume, the debrief, history,
``mockloop debrief``) crashes on it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tomli_w
from test_store import answer_some, make_session

from loops import paths
from loops.bank import parse_bank_file
from loops.problems import FileProblemError
from loops.settings import load_settings
from loops.store import load_summaries, save_session, session_from_toml, session_to_dict
from loops.stories import parse_toml
from tui.app import MockloopApp
from tui.cli import main
from tui.screens.history import HistoryScreen
from tui.screens.home import HomeScreen


def saved_session_text() -> str:
    """A loop five answers in (two of them follow-ups), with a spoken draft."""
    session = make_session()
    answer_some(session, 5)
    session.set_draft(session.current_step(), "half a thought", 12.5, [("situation", 1.0)])
    return save_session(session).read_text()


def edit(text: str, anchor: str, nth: int, old: str, new: str) -> str:
    """Replace the first line ``old`` after the ``nth`` line that is ``anchor``."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if line == anchor]
    for i in range(starts[nth], len(lines)):
        if lines[i].strip() == old:
            lines[i] = lines[i].replace(old, new)
            return "\n".join(lines)
    raise AssertionError(f"{old!r} not found after {anchor!r} #{nth}")


# (anchor line, which one, line as saved, line as hand-edited, the field named)
SESSION_EDITS = {
    "nan seconds": ("[[answers]]", 1, "seconds = 41.5", "seconds = nan", "answers[1].seconds"),
    "inf seconds": ("[[answers]]", 0, "seconds = 40.5", "seconds = inf", "answers[0].seconds"),
    "-inf elapsed": ("[draft]", 0, "elapsed = 12.5", "elapsed = -inf", "draft.elapsed"),
    "nan beat mark": (
        "[draft]",
        0,
        '{ beat = "situation", at = 1.0 },',
        '{ beat = "situation", at = nan },',
        "draft.marks[0].at",
    ),
    "unknown level": ("[settings]", 0, 'level = "sde2"', 'level = "intern"', "settings.level"),
    "unknown plan level": ("[plan]", 0, 'level = "sde2"', 'level = "ceo"', "plan.level"),
    "unknown mode": ("[settings]", 0, 'mode = "typed"', 'mode = "sung"', "settings.mode"),
    "unknown timing": ("[settings]", 0, 'timing = "strict"', 'timing = "lax"', "settings.timing"),
    "main_seconds 0": (
        "[settings]",
        0,
        "main_seconds = 150",
        "main_seconds = 0",
        "settings.main_seconds",
    ),
    "huge follow_up_seconds": (
        "[settings]",
        0,
        "follow_up_seconds = 90",
        "follow_up_seconds = 9223372036854775807",
        "settings.follow_up_seconds",
    ),
    "negative seconds": ("[[answers]]", 0, "seconds = 40.5", "seconds = -3", "answers[0].seconds"),
    "huge seconds": ("[[answers]]", 2, "seconds = 42.5", "seconds = 1e300", "answers[2].seconds"),
    "nan elapsed": ("[draft]", 0, "elapsed = 12.5", "elapsed = nan", "draft.elapsed"),
    "not a principle": (
        "[[answers]]",
        0,
        'principle = "dive-deep"',
        'principle = "be-nice"',
        "answers[0].principle",
    ),
    "round 99": ("[[answers]]", 0, "round = 1", "round = 99", "answers[0].round"),
    "draft in round 99": ("[draft]", 0, "round = 1", "round = 99", "draft.round"),
    "negative question_index": (
        "[[answers]]",
        3,
        "question_index = 1",
        "question_index = -1",
        "answers[3].question_index",
    ),
    "question_index past the round": (
        "[[answers]]",
        3,
        "question_index = 1",
        "question_index = 9",
        "answers[3].question_index",
    ),
    "negative follow_up_index": (
        "[[answers]]",
        1,
        "follow_up_index = 0",
        "follow_up_index = -1",
        "answers[1].follow_up_index",
    ),
    "follow-up never asked": (
        "[[answers]]",
        1,
        "follow_up_index = 0",
        "follow_up_index = 5",
        "answers[1].follow_up_index",
    ),
    "negative draft question_index": (
        "[draft]",
        0,
        "question_index = 1",
        "question_index = -4",
        "draft.question_index",
    ),
    "unknown round kind": (
        "[[plan.rounds]]",
        0,
        'kind = "coding"',
        'kind = "lunch"',
        "plan.rounds[0].kind",
    ),
    "plan question principle": (
        "[[plan.rounds.questions]]",
        0,
        'principle = "dive-deep"',
        'principle = "nope"',
        "plan.rounds[0].questions[0].principle",
    ),
    "negative round index": (
        "[[plan.rounds]]",
        1,
        "index = 2",
        "index = -2",
        "plan.rounds[1].index",
    ),
}


def write_bad(name: str) -> tuple[Path, str]:
    anchor, nth, old, new, _field = SESSION_EDITS[name]
    text = edit(saved_session_text(), anchor, nth, old, new)
    folder = paths.sessions_dir()
    for p in folder.glob("*.toml"):
        p.unlink()
    path = folder / "handedit.toml"
    path.write_text(text)
    return path, new


@pytest.mark.parametrize("name", list(SESSION_EDITS))
def test_a_bad_session_value_is_named_and_the_file_skipped(name, capsys):
    path, new = write_bad(name)
    field = SESSION_EDITS[name][4]

    with pytest.raises(FileProblemError) as caught:
        session_from_toml(path)
    [problem] = caught.value.problems
    assert problem.field == field
    assert problem.line is not None
    shown = path.read_text().splitlines()[problem.line - 1].strip()
    # A beat mark sits in an inline array: the line named is the array's own.
    assert shown == ("marks = [" if field.startswith("draft.marks") else new)

    listed = load_summaries()
    assert listed.summaries == [] and [p.field for p in listed.problems] == [field]

    assert main(["debrief", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"handedit.toml:{problem.line}: {field}:" in err

    assert main(["history"]) == 2  # listed without it, and said so
    err = capsys.readouterr().err
    assert "skipped" in err and f"handedit.toml:{problem.line}: {field}:" in err


def test_an_empty_plan_is_named():
    session = make_session()
    data = session_to_dict(session)
    data["plan"]["rounds"] = []
    path = paths.sessions_dir() / "empty.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(tomli_w.dumps(data))
    [problem] = load_summaries().problems
    assert problem.field == "plan.rounds" and "no rounds" in problem.message
    assert path.read_text().splitlines()[problem.line - 1] == "rounds = []"


async def test_the_app_lists_bad_sessions_as_skipped_and_history_opens(clock):
    good = make_session("20261122-000000-good")
    answer_some(good, 3)
    save_session(good)
    text = saved_session_text()
    folder = paths.sessions_dir()
    for n, (anchor, nth, old, new, _field) in enumerate(SESSION_EDITS.values()):
        (folder / f"bad-{n:02}.toml").write_text(edit(text, anchor, nth, old, new))
    (folder / "20261122-000000-abcd.toml").unlink()  # the unedited copy
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        note = str(app.screen.query_one("#problems").render())
        assert f"Skipped {len(SESSION_EDITS)} unreadable files" in note
        assert [s.id for s in app.screen.sessions.summaries] == [good.id]
        await pilot.press("h")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.history is not None
        assert [r["id"] for r in app.screen.history.rows] == [good.id]
        assert len(app.screen.history.problems) == len(SESSION_EDITS)


# --- question banks, settings, story banks --------------------------------------------------

QUESTION = """
[[questions]]
id = "own-1"
principle = "ownership"
prompt = "Tell me about a time you took on something outside your role."
follow_ups = [
    { kind = "measurement", text = "How did you measure it?" },
    { kind = "individual", text = "What did you do yourself?" },
    { kind = "outcome", text = "How did it end?" },
]
"""

# (file, the field named, the line it is named at)
BANK_CASES = {
    "generic not a list": ('version = 1\ngeneric = "oops"\n' + QUESTION, "generic", 2),
    "generic a table": (f'version = 1\n{QUESTION}\n[generic]\nkind = "depth"\n', "generic", 13),
    "questions a string": ('version = 1\nquestions = "oops"\n', "questions", 2),
}


@pytest.mark.parametrize("name", list(BANK_CASES))
def test_a_bad_question_bank_value_is_named(tmp_path, name, capsys):
    text, field, line = BANK_CASES[name]
    path = tmp_path / "mine.toml"
    path.write_text(text)
    with pytest.raises(FileProblemError) as caught:
        parse_bank_file(path)
    problems = {p.field: p for p in caught.value.problems}
    assert field in problems and problems[field].line == line
    assert main(["check-bank", str(path)]) != 0
    assert f"mine.toml:{line}: {field}:" in capsys.readouterr().err


SETTINGS_CASES = {
    "main_seconds 0": ("main_seconds = 0", "main_seconds", "out of range (15 to 1200)"),
    "negative follow-ups": ("follow_up_seconds = -90", "follow_up_seconds", "out of range"),
    "rounds 99": ("rounds = 99", "rounds", "out of range (4 to 6)"),
    "nan seconds": ("main_seconds = nan", "main_seconds", "expected int, found float"),
    "unknown level": ('level = "intern"', "level", "not one of sde1, sde2, senior, staff"),
}


@pytest.mark.parametrize("name", list(SETTINGS_CASES))
def test_a_bad_setting_is_named_and_the_default_kept(tmp_path, name):
    line, field, message = SETTINGS_CASES[name]
    path = tmp_path / "settings.toml"
    path.write_text(f'timing = "strict"\n{line}\n')
    loaded = load_settings(path)
    [problem] = loaded.problems
    assert (problem.field, problem.line) == (field, 2) and message in problem.message
    assert loaded.settings.timing == "strict"


STORY = '[[stories]]\ntitle = "Checkout latency"\nprinciples = ["dive-deep"]\n'

STORY_CASES = {
    "id with spaces": ('id = "Checkout Latency!"', "stories[0].id", "lower-case-with-dashes"),
    "empty id": ('id = ""', "stories[0].id", "lower-case-with-dashes"),
    "not a principle": ('principles = ["be-nice"]', "stories[0].principles", "'be-nice'"),
    "nan as a field": ("when = nan", "stories[0].when", "expected a string"),
}


@pytest.mark.parametrize("name", list(STORY_CASES))
def test_a_bad_story_value_is_named(tmp_path, name):
    line, field, message = STORY_CASES[name]
    path = tmp_path / "stories.toml"
    key = line.split(" ")[0]
    body = re.sub(rf"(?m)^{key} = .*\n", "", STORY)
    path.write_text(f"version = 1\n\n{body}{line}\n")
    with pytest.raises(FileProblemError) as caught:
        parse_toml(path)
    [problem] = caught.value.problems
    assert problem.field == field and message in problem.message
    assert path.read_text().splitlines()[problem.line - 1] == line
