"""The list of an answer's figures ('numbers: ...' beside the answer, in the coach's
note, the exports and a retry's comparison) reads as a reader says each figure.

It showed '900 a', '6 and' and '80 thousand, thousand': the engine reads any word after
a number as its unit and reads 'thousand' again on its own, and listed what it read. It
also listed an HTTP status ('a 500 error'), a model ('iPhone 12') and a version ('Python
2.7 to 3.11') as figures. Each answer below is ours; each says both what must still be
listed and what must not."""

from __future__ import annotations

import re

import pytest

from loops.review.analysis import answer_input
from loops.session import AnswerRecord
from scoring import AnswerInput, analyze_answer, analyze_loop
from scoring.wording import said_once
from tui.screens.answer_view import answer_header
from tui.screens.coach import coach_text


def _listed(text: str) -> tuple[str, ...]:
    result = analyze_loop([AnswerInput(1, "dive-deep", text)])
    return said_once(result.answers[0].signals.numbers)


ANSWERS = [
    (
        "Our product page was slow on phones. I profiled it and found a 2 MB hero image and "
        "a blocking font. I lazy-loaded the image and preloaded the font, and the page "
        "loaded in 900 ms, down from 2.1 seconds. We now serve about 900 a day without "
        "complaints, and I check image sizes in every review.",
        ["900 ms", "2.1 seconds", "900 a day"],
        ["900 a", "900 ms,"],
    ),
    (
        "Checkout had nine screens. I mapped where people dropped out, merged the address "
        "and delivery forms, and cut the flow from 9 steps to 6 and conversion rose 4% in "
        "a month. It took 6 and a half weeks with the design team.",
        ["9 steps", "6", "4%", "6 and a half weeks"],
        ["6 and"],
    ),
    (
        "The order queue backed up to 80 thousand messages during the sale. I added a "
        "second consumer group and a dead-letter queue, and the backlog cleared in 40 "
        "minutes. We handle 2 million orders a month on it now.",
        ["80 thousand", "40 minutes", "2 million"],
        ["thousand", "million"],
    ),
    (
        "After a deploy, users saw a 500 error on checkout and some got HTTP 503 from the "
        "cart. I rolled back within 20 minutes, then found the missing config key. We "
        "returned 404s on old links too, so I added redirects. Failed checkouts fell 30%.",
        ["20 minutes", "30%"],
        ["500 error", "500", "503", "404s", "404"],
    ),
    (
        "Our test rig ran on an iPhone 12 and builds used Python 2.7 to 3.11 in different "
        "jobs. In sprint 12 I moved everything to one image, and the build took 40 minutes "
        "instead of 95 minutes across 14 repositories.",
        ["40 minutes", "95 minutes", "14 repositories"],
        ["12 test", "12", "2.7 to", "2.7", "3.11 and", "3.11"],
    ),
]


@pytest.mark.parametrize(("text", "listed", "not_listed"), ANSWERS)
def test_the_figures_read_as_said_and_names_are_not_figures(
    text: str, listed: list[str], not_listed: list[str]
) -> None:
    shown = _listed(text)
    assert [f for f in shown if f in listed] == listed, shown
    for item in not_listed:
        assert item not in shown, shown


def test_a_count_of_errors_with_a_rate_is_still_a_figure() -> None:
    text = (
        "At peak we were throwing 500 errors a minute from one bad host. I drained it and "
        "the error rate fell to 0.1%. Acme's 40 stores and our 12 Windows 10 laptops at the "
        "help desk were unaffected."
    )
    shown = _listed(text)
    assert "500 errors" in shown and "0.1%" in shown and "40 stores" in shown, shown
    assert "12 Windows" in shown and not any(f.startswith("10") for f in shown), shown


def test_the_coach_and_the_answer_view_list_the_figures_as_said() -> None:
    """What the candidate reads: the coach's note and the answer view's header."""
    text = ANSWERS[1][0]
    answer = AnswerRecord(1, 0, "q1", "dive-deep", "main", "Tell me about a time.", text, 90.0, 150)
    coach = coach_text(answer, False).plain
    header = answer_header(answer, analyze_answer(answer_input(answer, False))).plain
    for shown in (coach, header):
        line = next(ln for ln in shown.splitlines() if "numbers: " in ln)
        said = line.split("numbers: ")[1]
        assert said.startswith("nine, 9 steps, 6, 4%, 6 and a half weeks"), line


def test_the_no_metric_note_names_figures_as_said() -> None:
    text = (
        "I was asked to help with onboarding. I sat with 3 of the new starters, wrote a "
        "checklist with 12 steps and walked them through it over 2 weeks and everyone was "
        "happier with it."
    )
    result = analyze_loop([AnswerInput(1, "dive-deep", text)])
    notes = [f.message for f in result.answers[0].flags if f.name == "no-metric"]
    assert notes and not re.search(r'"\d+ (?:of|and|with)"', notes[0]), notes
