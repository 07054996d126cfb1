"""Home says when each loop was played in one format.

A stranger at 80x24 read "Resume: SDE II, round 1/5, 0 answers, draft saved;
relaxed; 02 Dec 06:48" above "Debrief: SDE II, 4 rounds, 18 answers; relaxed, typed;
Fri 20 Nov 10:00": lines built to fit 80 columns dropped the weekday, others kept
it. Every line now ends with ``played_at``'s date, and only it spells one.
"""

from __future__ import annotations

import re
from datetime import datetime

from debrief_fixture import finished_loop
from test_home_rows import menu_labels
from test_store import answer_some, make_session, with_draft

from loops.store import save_session
from tui.app import MockloopApp
from tui.screens.home import played_at

THIS_YEAR = re.compile(r"; \d\d [A-Z][a-z]{2} \d\d:\d\d$")
OTHER_YEAR = re.compile(r"; \d\d [A-Z][a-z]{2} \d{4}$")


async def test_every_home_line_says_its_date_one_way(clock):
    year = datetime.now().year
    finished_loop()  # "Debrief: SDE II, 4 rounds, 18 answers; relaxed, typed; <date>"
    s = make_session(f"{year}1202-040000-aaaa")
    answer_some(s, 1)
    with_draft(s, "I cut errors by 30%", 12.0)  # the long line, fitted to 80 columns
    s.updated_at = f"{year}-12-02T04:00:00+00:00"
    save_session(s)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = menu_labels(app)[1:-1]  # between New loop and Quit
    assert len(lines) == 2, lines
    for line in lines:
        assert THIS_YEAR.search(line) or OTHER_YEAR.search(line), line
    assert lines[0].endswith(f"; {played_at(s.updated_at)}"), lines


def test_played_at_is_day_month_and_time_or_year():
    year = datetime.now().year
    assert THIS_YEAR.search("; " + played_at(f"{year}-06-15T12:00:00+00:00"))
    assert OTHER_YEAR.search("; " + played_at(f"{year - 1}-06-15T12:00:00+00:00"))
