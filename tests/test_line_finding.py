"""Lines are found only to report an error, and are still right when one is reported.

Finding the line of the n-th ``[[answers]]`` rescans the file; doing it for every
answer of a good file made reading 500 answers quadratic. These tests count the
line look-ups a good file costs (none) and check the line a bad one is named at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli_w
from test_store import answer_some, make_session
from test_story_integration import CHECKOUT

import loops.bank
import loops.problems
import loops.review.answers
import loops.store
import loops.stories
from loops.bank import builtin_bank_path, parse_bank_file
from loops.problems import FileProblemError
from loops.review.answers import load_answers_file
from loops.store import save_session, session_from_toml
from loops.stories import parse_toml, save_stories

TEXT = "I owned the rollout and cut the error rate from 3% to 0.2% in two weeks."


@pytest.fixture
def lookups(monkeypatch) -> list[str]:
    """Every table_line/key_line call made through the loaders' modules."""
    calls: list[str] = []
    for module in (loops.review.answers, loops.bank, loops.stories, loops.store, loops.problems):
        for name in ("table_line", "key_line"):
            real = getattr(module, name, None)
            if real is None:
                continue

            def counting(*args, _real=real, _name=name, **kwargs):
                calls.append(_name)
                return _real(*args, **kwargs)

            monkeypatch.setattr(module, name, counting)
    return calls


def header_line(text: str, header: str, n: int) -> int:
    """The line of the n-th ``[[header]]``, counted by hand."""
    found = [i for i, line in enumerate(text.splitlines(), 1) if line == f"[[{header}]]"]
    return found[n]


def answers_file(tmp_path: Path, bad_at: int | None = None) -> Path:
    answers = [{"round": 1 + i % 5, "principle": "ownership", "text": TEXT} for i in range(300)]
    if bad_at is not None:
        answers[bad_at]["principle"] = "be-nice"
    path = tmp_path / "answers.toml"
    path.write_text(tomli_w.dumps({"answers": answers}, multiline_strings=True))
    return path


def test_a_good_answers_file_finds_no_lines(tmp_path, lookups):
    answers, _ = load_answers_file(answers_file(tmp_path))
    assert len(answers) == 300
    assert lookups == []


def test_a_bad_answer_is_still_named_at_its_line(tmp_path, lookups):
    path = answers_file(tmp_path, bad_at=250)
    with pytest.raises(FileProblemError) as caught:
        load_answers_file(path)
    line = header_line(path.read_text(), "answers", 250) + 2  # the principle's own line
    assert path.read_text().splitlines()[line - 1].startswith("principle = ")
    assert str(caught.value).startswith(f"{path}:{line}: answers[250].principle:")
    assert 0 < len(lookups) <= 2


def test_the_question_bank_finds_no_lines_and_names_a_bad_question(tmp_path, lookups):
    parse_bank_file(builtin_bank_path())
    assert lookups == []
    text = builtin_bank_path().read_text()
    n = 40
    line = header_line(text, "questions", n)
    lines = text.splitlines()
    principle_at = next(i for i in range(line, len(lines)) if lines[i].startswith("principle"))
    lines[principle_at] = 'principle = "be-nice"'
    path = tmp_path / "mine.toml"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(FileProblemError) as caught:
        parse_bank_file(path)
    [problem] = caught.value.problems
    assert problem.field == f"questions[{n}].principle" and problem.line == principle_at + 1


def test_the_story_bank_finds_no_lines_and_names_a_bad_story(lookups):
    from dataclasses import replace

    stories = [replace(CHECKOUT, id=f"story-{i}", title=f"Story {i}") for i in range(60)]
    path = save_stories(stories)
    lookups.clear()
    assert len(parse_toml(path)) == 60
    assert lookups == []
    text = path.read_text().replace('title = "Story 45"', 'title = "Story 45"\ncolour = "red"')
    path.write_text(text)
    with pytest.raises(FileProblemError) as caught:
        parse_toml(path)
    [problem] = caught.value.problems
    assert problem.field == "stories[45].colour"
    assert text.splitlines()[problem.line - 1] == 'colour = "red"'


def test_a_session_finds_no_lines(lookups):
    session = make_session()
    answer_some(session, 8)
    session.set_draft(session.current_step(), "so far", 3.0, [("situation", 1.0)])
    path = save_session(session)
    lookups.clear()
    assert session_from_toml(path).draft is not None
    assert lookups == []
