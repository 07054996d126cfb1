"""A story told again in a follow-up: the reuse view shows the follow-up, marked.

A stranger answered round 3's main question about something else and told round
1's story again when asked the follow-up. Across rounds said REUSED, but Enter on
it showed the two main answers: round 3's side was the unrelated main answer,
with nothing marked on it.
"""

from __future__ import annotations

from debrief_fixture import OTHERS, RETOLD, STORY
from test_debrief_screen import marked_words
from textual.widgets import OptionList, Static

from loops.bank import load_bank
from loops.planner import plan_loop
from loops.review.debrief import build_debrief
from loops.session import LoopSettings, Session
from loops.store import save_session
from tui.app import MockloopApp
from tui.screens.answer_view import CompareScreen
from tui.screens.debrief import DebriefScreen

ELSEWHERE = "It was a busy quarter at Northwind and I had a lot on my plate with the team."
"""Round 3's main answer: no story in it."""


def follow_up_loop() -> Session:
    """Round 1 tells STORY in its main answer; round 3 tells it again (RETOLD) in the
    follow-up of a main answer that tells nothing."""
    s = Session(
        "20261120-100000-fu",
        LoopSettings("sde2", 4, "relaxed", 4),
        plan_loop(load_bank(), "sde2", 4, 4),
    )
    n = 0
    while (step := s.current_step()) is not None:
        first = step.question_index == 0
        if step.kind == "main":
            if first and step.round.index == 1:
                text = STORY
            elif first and step.round.index == 3:
                text = ELSEWHERE
            else:
                text, n = OTHERS[n], n + 1
            s.record(step, text, 70.0, follow_ups=list(step.question.follow_ups[:1]))
        else:
            text = RETOLD if first and step.round.index == 3 else "I checked it on a dashboard."
            s.record(step, text, 40.0)
    save_session(s)
    return s


async def test_the_reuse_view_shows_the_follow_up_that_tells_the_story_again(clock):
    session = follow_up_loop()
    [reuse] = build_debrief(session).reused
    assert session.answers[reuse.answers[1]].text == ELSEWHERE  # named by its main answer
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(DebriefScreen(session))
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        cross = app.screen.query_one("#cross-list", OptionList)
        labels = [str(cross.get_option_at_index(i).prompt) for i in range(cross.option_count)]
        cross.highlighted = next(n for n, t in enumerate(labels) if t.startswith("REUSED"))
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, CompareScreen)
        assert view.left.text == STORY and view.right.text == RETOLD
        heading = str(view.query_one("#side-1").query(Static).first().content)
        assert heading.startswith("Round 3") and "follow-up 1" in heading
        left = " ".join(marked_words(view.query_one("#text-0"))).lower()
        right = " ".join(marked_words(view.query_one("#text-1"))).lower()
        for shared in ("holiday sale", "300 ms", "nobody owned"):
            assert shared in left and shared in right, (shared, left, right)
