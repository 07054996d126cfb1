"""Two tellings that share only theme words, at low similarity, are a check, not a reuse.

A teacher's two stories from one term both speak of mock papers and exams; nothing more
particular (a figure, a name, a phrase) is shared. A careful interviewer would not write
"same story" on that, and neither does mockloop: it lists the pair as a check, with the
words it rests on, and counts nothing against a vote. Two tellings that share a figure
and a phrase of one event are still one story.
"""

from __future__ import annotations

import debrief_fixture
from test_debrief_screen import across_rounds, open_debrief

from scoring import AnswerInput, analyze_loop
from tui.app import MockloopApp

ANXIETY = (
    "I teach chemistry at a sixth-form college. One spring a Year 13 student who was strong "
    "in lessons scored 31% in her mock paper and would not say why. Instead of pushing about "
    "the paper I set short untimed practice with her twice a week after lessons, then timed "
    "ones. After a month she told me she panicked in the exam hall. I arranged a smaller "
    "room and rest breaks with the exams office. She got a B in the summer."
)
CLASH = (
    "Chemistry teacher, same college. The mock timetable put chemistry paper 2 and biology "
    "paper 1 in the same exam slot for two classes, and the cover team was short of "
    "invigilators with the mocks a week away. I rebuilt the two-week timetable with the "
    "biology lead, booked the library as a second room and found three extra invigilators "
    "from the staff room. Every mock ran on time with no clash."
)


def _loop(a: str, b: str):
    return analyze_loop([AnswerInput(1, "earn-trust", a), AnswerInput(2, "ownership", b)])


def test_theme_words_alone_make_a_check_naming_them() -> None:
    result = _loop(ANXIETY, CLASH)
    assert result.reused == ()
    assert result.contradictions == ()
    [check] = [c for c in result.checks if c.kind == "story"]
    assert check.rounds == (1, 2)
    assert "maybe one story told twice" in check.detail
    assert "mock" in check.detail and "paper" in check.detail


def test_a_shared_figure_and_phrase_still_make_one_story() -> None:
    retold = (
        "The student I think of is a Year 13 chemist who scored 31% in her mock paper. "
        "I did untimed practice with her twice a week, then timed practice, and she told "
        "me about panicking in the exam hall. With the exams office we arranged rest "
        "breaks and a smaller room, and she got a B."
    )
    result = _loop(ANXIETY, retold)
    assert len(result.reused) == 1
    assert not [c for c in result.checks if c.kind == "story"]


async def test_the_debrief_lists_the_pair_as_a_check_not_a_reuse(clock, monkeypatch):
    monkeypatch.setattr(debrief_fixture, "STORY", ANXIETY)
    monkeypatch.setattr(debrief_fixture, "RETOLD", CLASH)
    debrief_fixture.finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_debrief(pilot)
        _cross, labels = await across_rounds(pilot, screen)
        assert not any(label.startswith("REUSED") for label in labels)
        assert any(
            label.startswith("CHECK (story)") and "not counted against a vote" in label
            for label in labels
        )
