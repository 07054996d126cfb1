"""Absurd sizes are refused with a message, never read for seconds or minutes.

A 50 MB draft made start-up take 7 s and resuming 94 s. Files over
MAX_FILE_BYTES are refused before they are read (named, with their size);
an answer, draft or story text over MAX_TEXT_CHARS is refused at load; the
editor stops at MAX_TEXT_CHARS with a notice.
"""

from __future__ import annotations

import pytest
from test_interview import first_question
from test_store import answer_some, make_session
from test_story_integration import CHECKOUT
from textual import events

from loops import paths
from loops.bank import parse_bank_file
from loops.problems import MAX_FILE_BYTES, MAX_TEXT_CHARS, FileProblemError
from loops.review.answers import load_answers_file
from loops.store import load_summaries, save_session, session_from_toml
from loops.stories import parse_markdown, parse_toml, save_stories, to_toml
from tui.app import MockloopApp
from tui.cli import main

TOO_LONG = "word " * (MAX_TEXT_CHARS // 5 + 1)


def saved_with_draft(text: str):
    session = make_session()
    answer_some(session, 2)
    session.set_draft(session.current_step(), text, 30.0)
    return save_session(session)


def test_a_session_file_over_the_limit_is_refused_by_its_size(capsys):
    path = saved_with_draft("x" * (MAX_FILE_BYTES + 1))
    [problem] = load_summaries().problems
    assert problem.path == path and "the file is 8.0 MB" in problem.message
    assert f"up to {MAX_FILE_BYTES // 2**20} MB" in problem.message
    assert main(["debrief", str(path)]) == 2
    assert f"{path}: the file is 8.0 MB" in capsys.readouterr().err


def test_a_draft_over_the_text_limit_is_refused_at_load():
    path = saved_with_draft(TOO_LONG)
    with pytest.raises(FileProblemError) as caught:
        session_from_toml(path)
    [problem] = caught.value.problems
    assert problem.field == "draft.text" and f"{len(TOO_LONG):,} characters" in problem.message
    assert path.read_text().splitlines()[problem.line - 1].startswith("text = ")


def test_an_answer_at_the_limit_is_kept_and_one_over_it_refused():
    session = make_session()
    step = session.current_step()
    session.record(step, "y" * MAX_TEXT_CHARS, 60.0)
    path = save_session(session)
    assert session_from_toml(path).answers[0].text == "y" * MAX_TEXT_CHARS
    path.write_text(path.read_text().replace("y" * MAX_TEXT_CHARS, "y" * (MAX_TEXT_CHARS + 1)))
    with pytest.raises(FileProblemError) as caught:
        session_from_toml(path)
    assert caught.value.problems[0].field == "answers[0].text"


def test_analyze_refuses_an_answer_over_the_limit_and_a_file_over_the_size(tmp_path):
    path = tmp_path / "answers.toml"
    path.write_text(f'[[answers]]\nround = 1\nprinciple = "ownership"\ntext = "{TOO_LONG}"\n')
    with pytest.raises(FileProblemError, match=r"answers.toml:4: answers\[0\].text: .*at most"):
        load_answers_file(path)
    path.write_text("# padding\n" * (MAX_FILE_BYTES // 10 + 1))
    with pytest.raises(FileProblemError, match=r"the file is 8\.0 MB"):
        load_answers_file(path)


def test_story_texts_and_imports_over_the_limits_are_refused(tmp_path):
    from dataclasses import replace

    path = tmp_path / "bank.toml"
    path.write_text(to_toml([replace(CHECKOUT, summary=TOO_LONG)]))
    with pytest.raises(FileProblemError) as caught:
        parse_toml(path)
    assert caught.value.problems[0].field == "stories[0].summary"
    big = tmp_path / "stories.md"
    big.write_text("## A story\n" + "x" * (MAX_FILE_BYTES + 10))
    with pytest.raises(FileProblemError, match=r"the file is 8\.0 MB"):
        parse_markdown(big)
    save_stories([CHECKOUT])
    assert main(["stories", "import", str(big)]) == 2


def test_a_question_prompt_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[questions]]\nid = "long-one"\nprinciple = "ownership"\n'
        f'prompt = "Tell me about a time {TOO_LONG}"\n'
        'follow_ups = [{kind = "depth", text = "a"}, {kind = "outcome", text = "b"}, '
        '{kind = "reflection", text = "c"}]\n'
    )
    with pytest.raises(FileProblemError) as caught:
        parse_bank_file(path)
    [problem] = caught.value.problems
    assert problem.field == "questions[0].prompt" and "at most 20,000" in problem.message


async def test_the_editor_stops_at_the_limit_with_a_notice(clock):
    app = MockloopApp(clock=clock)
    notes: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "untimed")
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        editor = screen.query_one("#answer")
        app.post_message(events.Paste("z" * (MAX_TEXT_CHARS + 1)))
        await pilot.pause()
        assert editor.text == "" and any("at most 20,000" in n for n in notes)
        app.post_message(events.Paste("z" * (MAX_TEXT_CHARS - 2)))
        await pilot.pause()
        await pilot.press("a", "b", "c", "d")
        await pilot.pause()
        assert editor.text == "z" * (MAX_TEXT_CHARS - 2) + "ab"
        assert sum("was not added" in n for n in notes) == 3, notes
        screen.save_draft_now()
    [summary] = load_summaries().summaries
    assert summary.draft_saved and not load_summaries().problems
    assert paths.sessions_dir().is_dir()
