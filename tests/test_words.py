"""One rule for counting words: the status bar, the saved answer and the engine agree."""

from __future__ import annotations

from test_interview import first_question
from textual.widgets import Static, TextArea

from loops.store import load_sessions
from scoring import AnswerInput, analyze_answer
from scoring.wording import plural, word_count
from tui.app import MockloopApp

TEXT = "Wrong rejections fell from 4% to 0.1% — for list[int] ids x[/b] in the end-of-line check."


def test_words_are_counted_as_a_listener_hears_them():
    assert word_count(TEXT) == 15  # "0.1%", "list[int]", "end-of-line": one each; "—": none
    assert analyze_answer(AnswerInput(1, "ownership", TEXT)).signals.word_count == 15


def test_a_count_agrees_with_its_noun():
    assert [plural(n, "answer") for n in (0, 1, 2)] == ["0 answers", "1 answer", "2 answers"]
    assert plural(2, "analysis", "analyses") == "2 analyses"


async def test_the_status_bar_counts_what_the_debrief_counts(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "relaxed")
        screen.query_one("#answer", TextArea).insert(TEXT)
        await pilot.pause()
        assert str(screen.query_one("#words", Static).render()).strip() == "15 words"
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.writer.flush()
    [session] = load_sessions().sessions
    assert session.answers[0].words == 15
