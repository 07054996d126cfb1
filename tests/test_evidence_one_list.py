"""The Rounds tab and the exports list the same evidence behind a vote.

A stranger's Rounds tab credited Customer Obsession with '+ quantified result: "...support
tickets about stock fell by half."' (said in a follow-up) while the Markdown export and
the JSON's vote_evidence listed only 'own action' (the main answer's). One list owns
it: the telling's, every answer of it; the tab shows its first two.
"""

from __future__ import annotations

import re

from debrief_fixture import finished_loop
from test_debrief_screen import open_debrief
from textual.widgets import OptionList

from loops.review.exports import to_markdown
from tui.app import MockloopApp


async def test_every_piece_the_rounds_tab_shows_is_in_the_exports(clock):
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_debrief(pilot)
        rows = screen.query_one("#evidence", OptionList)
        ids = [rows.get_option_at_index(k).id or "" for k in range(rows.option_count)]
        shown = {
            (int(m[1]), int(m[2]), int(m[3]))
            for m in (re.fullmatch(r"ans:(\d+):(-?\d+):(-?\d+):ev\d+", oid) for oid in ids)
            if m
        }
        data = screen.debrief.to_json()
    listed = {
        (ev["answer"], ev["start"], ev["end"]): ev
        for rnd in data["rounds"]
        for q in rnd["questions"]
        for ev in q["vote_evidence"]
    }
    mains = {q["main_answer"] for rnd in data["rounds"] for q in rnd["questions"]}
    # The fixture's Best Employer telling is credited in its follow-up too.
    assert any(i not in mains for i, _s, _e in shown), shown
    assert shown <= set(listed), shown - set(listed)
    md = to_markdown(data)
    for key in shown:
        ev = listed[key]
        if ev["quote"]:
            assert f"({ev['note']}, answer #{key[0] + 1})" in md, ev
