"""A story drafted from an answer quotes each figure once, in whole words.

A stranger banked a banking answer that said "cut errors by 30% and we had zero
downtime"; the story form's figures read "30% and; 30% and we had zero dow": the
engine's jot of each figure reached over "and" into the next, so "30% and" came twice.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from pathlib import Path

from textual.widgets import Input

from loops.review.matching import story_from_answer
from tui.app import MockloopApp
from tui.screens.debrief import DraftStoryForm

BANKING = (
    "At the bank I owned the nightly reconciliation job, which kept failing. Working "
    "with two analysts over a quarter, I rewrote the matching rules and added alerts. "
    "It cut errors by 30% and we had zero downtime during the cutover."
)
LOOSE = {"and", "but", "or", "so", "to", "of", "by", "for", "from", "the", "a", "an", "with"}


def test_the_banking_answer_gives_each_figure_once():
    assert story_from_answer(BANKING, "ownership").figures == (
        "It cut errors by 30%",
        "we had zero downtime",
    )


def test_figures_of_every_labelled_answer_are_whole_words_said_once():
    path = Path(__file__).parent / "labelled" / "answers.toml"
    answers = tomllib.loads(path.read_text(encoding="utf-8"))["answers"]
    seen = 0
    for a in answers:
        text = " ".join(a["text"].split())
        figures = story_from_answer(a["text"], a["principle"]).figures
        spans = []
        for f in figures:
            seen += 1
            m = re.search(r"(?<!\S)" + re.escape(f) + r"(?=[\s.,;:!?]|$)", text)
            assert m, (a["id"], f)  # whole words of the answer, as said
            assert f.split()[-1].lower() not in LOOSE, (a["id"], f)
            spans.append(m.span())
        spans.sort()
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start, (a["id"], figures)  # no words said in two figures
    assert seen > 50


async def test_the_story_form_shows_them_at_80_columns(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(DraftStoryForm(story_from_answer(BANKING, "ownership")))
        await pilot.pause()
        shown = app.screen.query_one("#f-figures", Input).value
    assert shown == "It cut errors by 30%; we had zero downtime"
