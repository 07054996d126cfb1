"""The debrief at 80x24: a lowered vote keeps its reason, the Stories tab its figures."""

from __future__ import annotations

import dataclasses
import re

from snapshot import screen_text
from story_fixture import STORIES
from test_one_debrief import generated_loop

from loops.review.debrief import build_debrief
from loops.store import save_session
from loops.stories import save_stories
from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen

LONG = "broad-responsibility"  # the longest name: "Success and Scale Bring Broad Responsibility"


def _read(app) -> str:
    """The screen's words, wrapped lines joined, the list's borders and scrollbar out."""
    return " ".join(re.sub(r"[\u2580-\u259f]", " ", screen_text(app)).split())


def _lowered_loop():
    """A loop whose lowered question grades the principle with the longest name."""
    session = generated_loop(5, probe=False)
    lowered = next(q for q in build_debrief(session).questions if q.lowered_by)
    rounds = list(session.plan.rounds)
    rnd = rounds[lowered.round - 1]
    questions = list(rnd.questions)
    questions[lowered.index] = dataclasses.replace(questions[lowered.index], principle=LONG)
    rounds[lowered.round - 1] = dataclasses.replace(rnd, questions=tuple(questions))
    session.plan = dataclasses.replace(session.plan, rounds=tuple(rounds))
    save_session(session)
    return session


async def test_a_lowered_vote_keeps_its_reason_at_80_columns(clock):
    session = _lowered_loop()
    d = build_debrief(session)
    lowered = next(q for q in d.questions if q.lowered_by)
    assert lowered.principle == LONG
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(DebriefScreen(session))
        await pilot.pause()
        text = _read(app)
        was = lowered.vote.replace("-", " ")
        assert f"(was {was}; lowered by a contradiction)" in text
        assert "…" not in text.split(f"{lowered.principle_name}:")[1][:60]


async def test_the_stories_tab_quotes_a_new_story_without_cutting_a_figure(clock):
    from textual.widgets import OptionList

    save_stories(STORIES)
    session = generated_loop(5, probe=False)
    save_session(session)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(DebriefScreen(session))
        await pilot.pause()
        await pilot.press("5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        listing = app.screen.query_one("#story-list", OptionList)
        rows = [str(listing.get_option_at_index(n).prompt) for n in range(listing.option_count)]
        new = [r for r in rows if "NEW STORY" in r]
        assert new
        texts = [" ".join(a.text.split()) for a in session.answers]
        for row in new:
            quote = row.split('"', 1)[1].removesuffix('"')
            cut = quote.removesuffix("…")
            whole = next(t for t in texts if t.startswith(cut))
            if cut == whole:
                continue
            # More than a 40-character stub, and cut where a word ends, never in a figure.
            assert len(cut) > 100 and whole[len(cut)] == " ", row
        # The new story's quote is on screen, wrapped, up to its last whole word.
        shown = _read(app)
        first = new[0].split('"', 1)[1]
        assert first[:60] in shown
