"""Sessions on disk: atomic, owner-only, read back exactly, bad files reported and kept."""

from __future__ import annotations

import os
import stat

import pytest

from loops import paths
from loops.bank import load_bank
from loops.planner import plan_loop
from loops.session import LoopSettings, Session
from loops.store import load_sessions, save_session, session_from_toml, session_to_dict
from tui.app import MockloopApp
from tui.screens.home import HomeScreen

BANK = load_bank()


def make_session(sid: str = "20261122-000000-abcd", seed: int = 3) -> Session:
    settings = LoopSettings(level="sde2", rounds=4, timing="strict", seed=seed)
    return Session(id=sid, settings=settings, plan=plan_loop(BANK, "sde2", 4, seed))


def answer_some(session: Session, n: int) -> None:
    for i in range(n):
        step = session.current_step()
        assert step is not None
        fus = list(step.question.follow_ups[:2]) if step.kind == "main" else None
        session.record(
            step, f"answer {i} — naïve café, 数字 100%\nsecond line", 40.5 + i, follow_ups=fus
        )


def with_draft(session: Session, text: str, seconds: float) -> None:
    """A draft typed into the session's current question, as a quit mid-answer leaves it."""
    step = session.current_step()
    assert step is not None
    session.set_draft(step, text, seconds)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_folders_are_0700_and_files_0600():
    os.umask(0o022)
    session = make_session()
    path = save_session(session)
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert mode(paths.data_dir()) == 0o700
    # Rewriting keeps the permissions and leaves no temporary files behind.
    answer_some(session, 2)
    save_session(session)
    assert mode(path) == 0o600
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_a_session_reads_back_exactly():
    session = make_session()
    answer_some(session, 5)
    step = session.current_step()
    session.set_draft(step, "half a thought", 12.25)
    path = save_session(session)
    back = session_from_toml(path)
    assert session_to_dict(back) == session_to_dict(session)
    assert back.current_step().key == step.key
    assert back.draft_for(back.current_step()).text == "half a thought"


def test_beat_marks_in_a_draft_read_back_and_a_bad_one_is_named():
    session = make_session()
    step = session.current_step()
    session.set_draft(step, "", 41.0, [("situation", 0.0), ("action", 30.5)])
    path = save_session(session)
    back = session_from_toml(path)
    assert back.draft is not None and back.draft.marks == [("situation", 0.0), ("action", 30.5)]
    text = path.read_text()
    path.write_text(text.replace('beat = "action"', 'beat = "acting"'))
    [problem] = load_sessions().problems
    assert problem.field == "draft.marks[1].beat" and "not one of" in problem.message
    assert path.read_text().splitlines()[problem.line - 1].strip().startswith("marks")


def test_where_you_are_follows_the_answers():
    session = make_session()
    first = session.current_step()
    assert first.kind == "main" and first.round.index == 1
    answer_some(session, 1)
    follow = session.current_step()
    assert follow.kind == "follow-up" and follow.follow_up_index == 0
    assert follow.prompt == first.question.follow_ups[0].text
    with pytest.raises(ValueError):
        session.record(first, "again", 1.0)


BAD_FILES = {
    "corrupt.toml": ('version = 1\nid = "x\n', 2, None, "not valid TOML"),
    "future.toml": ("version = 7\n", 1, "version", "unknown session version 7"),
}


def test_bad_session_files_are_reported_and_left_alone():
    good = make_session()
    answer_some(good, 3)
    save_session(good)
    folder = paths.sessions_dir()
    # A hand edit that breaks one field deep inside the file.
    text = (folder / f"{good.id}.toml").read_text()
    broken = text.replace("seconds = 41.5", 'seconds = "forty"', 1)
    assert broken != text
    (folder / "handedit.toml").write_text(broken.replace(good.id, "handedit"))
    for name, (content, *_rest) in BAD_FILES.items():
        (folder / name).write_text(content)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    found = load_sessions()
    assert [s.id for s in found.sessions] == [good.id]
    by_file = {p.path.name: p for p in found.problems}
    assert set(by_file) == {"corrupt.toml", "future.toml", "handedit.toml"}
    for name, (_content, line, field, message) in BAD_FILES.items():
        assert by_file[name].line == line and by_file[name].field == field
        assert message in str(by_file[name])
    hand = by_file["handedit.toml"]
    assert hand.field == "answers[1].seconds" and "expected" in hand.message
    assert broken.splitlines()[hand.line - 1].strip().startswith("seconds =")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


async def test_the_app_starts_despite_bad_files_and_says_which(clock):
    folder = paths.sessions_dir()
    folder.mkdir(parents=True)
    (folder / "corrupt.toml").write_text('version = 1\nid = "x\n')
    before = (folder / "corrupt.toml").read_bytes()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        note = str(app.screen.query_one("#problems").render())
        assert "corrupt.toml:2" in note and "left untouched" in note
        await pilot.press("n")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # a new loop is written when its first round begins
        await pilot.pause()
    assert (folder / "corrupt.toml").read_bytes() == before
    assert len(list(folder.glob("*.toml"))) == 2


def test_table_line_is_not_fooled_by_a_blank_line_above_the_header():
    from loops.problems import key_line, table_line

    text = "version = 1\n\n[[answers]]\nround = 1\n\n\n[[answers]]\n\nround = 2\n"
    assert table_line(text, "answers", 0) == 3
    assert table_line(text, "answers", 1) == 7
    assert key_line(text, "round", 7) == 9


def test_a_practice_session_keeps_where_it_came_from_and_a_bad_kind_is_named(tmp_path):
    from loops.problems import FileProblemError
    from loops.session import Origin

    session = make_session()
    session.origin = Origin("retry", source="20261101-000000-beef", round=2, question_index=1)
    path = save_session(session, tmp_path)
    back = session_from_toml(path)
    assert back.origin == session.origin and back.origin.practice
    assert not session_from_toml(
        save_session(make_session("20261122-000001-abcd"), tmp_path)
    ).origin.practice

    path.write_text(path.read_text().replace('kind = "retry"', 'kind = "rerun"'))
    with pytest.raises(FileProblemError) as caught:
        session_from_toml(path)
    message = str(caught.value)
    assert path.name in message and "origin.kind" in message and "rerun" in message


def test_every_saved_field_is_declared_once_for_both_writing_and_reading():
    """A field added to a saved dataclass without its ``Field`` in loops/store.py would be
    silently lost on save; this names it instead."""
    import dataclasses

    from loops import settings, store
    from loops.planner import LoopPlan, PlannedQuestion, RoundPlan
    from loops.session import AnswerRecord, Draft, LoopSettings, Origin
    from loops.settings import Settings

    for cls, fields in [
        (Session, store.SESSION_FIELDS),
        (LoopSettings, store.SETTINGS_FIELDS),
        (AnswerRecord, store.ANSWER_FIELDS),
        (Draft, store.DRAFT_FIELDS),
        (Origin, store.ORIGIN_FIELDS),
        (Settings, settings.FIELDS),
        (LoopPlan, store.PLAN_FIELDS),
        (RoundPlan, store.ROUND_FIELDS),
        (PlannedQuestion, store.QUESTION_FIELDS),
    ]:
        declared = [f.name for f in fields]
        assert len(declared) == len(set(declared)), cls.__name__
        assert set(declared) == {f.name for f in dataclasses.fields(cls)}, cls.__name__
