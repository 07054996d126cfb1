"""The shipped question bank, user question files, and `mockloop check-bank`."""

from __future__ import annotations

import re
from collections import Counter

from loops import paths
from loops.bank import FOLLOW_UP_KINDS, asks_about_past, load_bank
from loops.levels import LEVELS
from loops.principles import PRINCIPLES, TOP_TEN
from tui.cli import main

BANK = load_bank()


def test_every_principle_meets_its_question_count():
    counts = Counter(q.principle for q in BANK.questions)
    for p in PRINCIPLES:
        needed = 4 if p.slug in TOP_TEN else 2
        assert counts[p.slug] >= needed, f"{p.slug}: {counts[p.slug]} < {needed}"


def test_every_principle_can_be_asked_twice_at_every_level():
    for p in PRINCIPLES:
        for level in LEVELS:
            assert len(BANK.for_principle(p.slug, level)) >= 2, (p.slug, level)


def _norm(text: str) -> str:
    return re.sub(r"[^a-z ]", "", text.lower())


def test_no_duplicate_prompts_or_follow_ups():
    prompts = [_norm(q.prompt) for q in BANK.questions]
    assert len(prompts) == len(set(prompts))
    for q in BANK.questions:
        texts = [_norm(f.text) for f in q.follow_ups]
        assert len(texts) == len(set(texts)), q.id


def test_every_prompt_asks_about_past_behaviour():
    for q in BANK.questions:
        assert asks_about_past(q.prompt), q.prompt
        assert not re.search(r"\bwould you\b|\bwhat if\b", q.prompt, re.I), q.prompt
    assert not asks_about_past("What would you do if a customer complained?")


def test_follow_ups_cover_what_interviewers_probe():
    for q in BANK.questions:
        kinds = {f.kind for f in q.follow_ups}
        assert len(q.follow_ups) >= 3
        assert {"measurement", "individual", "reflection", "depth"} <= kinds, q.id
        if q.principle == "have-backbone":
            assert "commit" in kinds, q.id
    # Every kind has generic lines, but for the probe the Bar Raiser writes itself.
    assert {f.kind for f in BANK.generic} == set(FOLLOW_UP_KINDS) - {"consistency"}


GOOD_FILE = """\
version = 1

[[questions]]
id = "my-frugal-1"
principle = "frugality"
prompt = "Tell me about a time you shipped with half the hardware you asked for."
follow_ups = [
  { kind = "measurement", text = "What did it cost in the end?" },
  { kind = "individual", text = "What did you cut yourself?" },
  { kind = "reflection", text = "What would you cut first next time?" },
]
"""


def test_user_questions_are_merged_into_the_bank():
    folder = paths.user_questions_dir()
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(GOOD_FILE)
    bank = load_bank(folder)
    assert bank.by_id("my-frugal-1") is not None
    assert len(bank.questions) == len(BANK.questions) + 1
    assert bank.problems == []


def test_a_bad_user_file_is_skipped_with_file_line_and_field(tmp_path):
    folder = paths.user_questions_dir()
    folder.mkdir(parents=True)
    bad = GOOD_FILE.replace('principle = "frugality"', 'principle = "thriftiness"')
    path = folder / "bad.toml"
    path.write_text(bad)
    before = path.read_bytes()
    bank = load_bank(folder)
    assert bank.by_id("my-frugal-1") is None
    [problem] = bank.problems
    assert problem.path == path and problem.line == 5
    assert problem.field == "questions[0].principle"
    assert "thriftiness" in str(problem) and "bad.toml:5" in str(problem)
    assert path.read_bytes() == before


def test_check_bank_accepts_a_good_file(tmp_path, capsys):
    path = tmp_path / "good.toml"
    path.write_text(GOOD_FILE)
    assert main(["check-bank", str(path)]) == 0
    assert "OK, 1 question" in capsys.readouterr().out


def test_check_bank_names_line_and_field(tmp_path, capsys):
    cases = {
        "syntax": (GOOD_FILE.replace('id = "my-frugal-1"', 'id = "my-frugal-1'), ":4:", "TOML"),
        "hypothetical": (
            GOOD_FILE.replace(
                "Tell me about a time you shipped with half the hardware you asked for.",
                "What would you do with half the hardware?",
            ),
            ":6: questions[0].prompt",
            "past event",
        ),
        "too few follow-ups": (
            GOOD_FILE.replace(
                '  { kind = "reflection", text = "What would you cut first next time?" },\n', ""
            ),
            ":7: questions[0].follow_ups",
            "at least 3",
        ),
        "bad kind": (
            GOOD_FILE.replace('"measurement"', '"metrics"'),
            "questions[0].follow_ups[0].kind",
            "metrics",
        ),
        "unknown field": (
            GOOD_FILE.replace('principle = "frugality"', 'principle = "frugality"\ncolour = "red"'),
            ":6: questions[0].colour",
            "unknown field",
        ),
        "version": (
            GOOD_FILE.replace("version = 1", "version = 9"),
            ":1: version",
            "unknown version",
        ),
        "clash with built-in": (
            GOOD_FILE.replace("my-frugal-1", BANK.questions[0].id),
            "already in the built-in bank",
            "",
        ),
    }
    for name, (text, where, what) in cases.items():
        path = tmp_path / f"{name}.toml"
        path.write_text(text)
        assert main(["check-bank", str(path)]) == 2, name
        err = capsys.readouterr().err
        assert where in err and what in err, (name, err)


async def test_the_app_names_a_skipped_question_file_when_planning(clock):
    from tui.app import MockloopApp
    from tui.screens.schedule import ScheduleScreen

    folder = paths.user_questions_dir()
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(GOOD_FILE.replace("frugality", "thrift"))
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ScheduleScreen)  # the loop is still planned
        shown = [str(n.message) for n in app._notifications]
        assert any("mine.toml:5" in m and "questions[0].principle" in m for m in shown), shown
