"""A skipped question is counted as skipped, not as an answer or as nothing at all.

The faults: the outcome's "2 of 2 votes inclined" did not say seven more questions
were skipped (on the debrief and in the exports); the exports' principle grid showed
a principle whose question was skipped as "-" (read as never asked) where the
debrief's grid says skipped; history's trends drew a loop of nothing but skips as a
loop answered at 0 s an answer with no vote inclined.
"""

from __future__ import annotations

from snapshot import screen_text
from test_skip_not_scored import SKIPS, _loop
from test_skip_timing_vote import EVERY_QUESTION, open_debrief

from loops.review.debrief import build_debrief
from loops.review.exports import render
from loops.review.history import summarize, trends
from loops.store import save_session
from tui.app import MockloopApp


async def test_the_outcome_says_how_many_questions_were_skipped(clock):
    session = _loop(SKIPS)
    save_session(session)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_debrief(app, pilot)
        out = screen.debrief.outcome
        text = screen_text(app)
    said = f"({out.inclined} of {out.total} votes inclined; {len(SKIPS)} skipped, not counted)"
    assert said in text, text


def test_exports_say_skipped_in_the_outcome_and_the_principle_grid():
    data = build_debrief(_loop(SKIPS)).to_json()
    skipped_names = {
        q["principle_name"] for r in data["rounds"] for q in r["questions"] if q["skipped"]
    }
    only_skipped = {p["name"] for p in data["principles"] if p["probed"] and not p["votes"]}
    assert skipped_names and skipped_names <= only_skipped
    md, page = render(data, "md"), render(data, "html")
    o = data["outcome"]
    outcome = f"{o['inclined']} of {o['total']} votes inclined; {len(SKIPS)} skipped, not counted."
    assert outcome in md and outcome in page
    for name in skipped_names:
        row = next(line for line in md.splitlines() if line.startswith(f"| {name} |"))
        assert row.split(" | ")[3] == "skipped", row
        cells = page.split(f"<td>{name}</td>", 1)[1].split("</tr>", 1)[0]
        assert "<td>skipped</td>" in cells, cells


def test_trends_leave_out_a_loop_whose_every_question_was_skipped():
    answered, skipped = _loop(set()), _loop(EVERY_QUESTION)
    skipped.id = "20261121-100000-skip"
    skipped.created_at = skipped.updated_at = "2026-11-21T10:00:00+00:00"
    rows = [summarize(answered), summarize(skipped)]
    assert rows[1]["finished"] and rows[1]["answers"] == 0
    got = trends(rows)
    assert got["avg_seconds"] == [rows[0]["avg_seconds"]], got  # one loop, not a 0 s one
    assert all(len(values) == 1 for values in got.values()), got
