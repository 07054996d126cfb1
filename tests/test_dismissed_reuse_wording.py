"""A reuse the candidate dismissed (x: not the same story) says whose word is whose.

A stranger read "NOT THE SAME STORY round 1 (...) and round 3 (...): same story,
similarity 0.59" on the debrief, which contradicts itself; the Markdown and HTML
exports said "Not the same story: Round 1 ... tell the same story".
"""

from __future__ import annotations

from test_one_debrief import generated_loop
from textual.widgets import OptionList

from loops.review.debrief import build_debrief, debrief_data
from loops.review.exports import to_html, to_markdown
from loops.store import save_session
from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen


def _dismissed_one():
    session = generated_loop(5, probe=False)
    reuse = build_debrief(session).reused[0]
    session.toggle_dismissed(reuse.key)
    return session


async def test_the_dismissed_row_says_you_said_two_and_mockloop_read_one(clock):
    session = _dismissed_one()
    save_session(session)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(DebriefScreen(session))
        await pilot.pause()
        await pilot.press("2")  # Across rounds
        await pilot.pause()
        cross = app.screen.query_one("#cross-list", OptionList)
        rows = [str(cross.get_option_at_index(n).prompt) for n in range(cross.option_count)]
    [row] = [r for r in rows if r.startswith("NOT THE SAME STORY ")]
    assert "you said two stories; mockloop had read one, similarity" in row, row
    assert ": same story" not in row, row


def test_the_exports_say_it_the_same_way():
    data = debrief_data(_dismissed_one())
    md, page = to_markdown(data), to_html(data)
    [line] = [line for line in md.splitlines() if line.startswith("- Not the same story:")]
    assert "you said two stories; mockloop had read one (similarity" in line, line
    assert "tell the same story" not in line, line
    assert "Dismissed by you: not the same story.</strong> Round 1" in page
    assert "you said two stories; mockloop had read one (similarity" in page
