"""A loop's line on home fits one line at 80 columns.

A stranger at 80x24 in tmux saw "Resume: SDE II, round 1/5, 0 answers, draft saved;
relaxed, typed; Wed 02 Dec 04:00" wrap onto a second line. Each line still says which
loop it is (level, when) and where it stopped (round, answers, a draft).
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from test_store import answer_some, make_session, with_draft
from textual.widgets import OptionList

from loops.levels import LEVELS
from loops.session import MODES, TIMINGS
from loops.store import SessionSummary, save_session
from tui.app import MockloopApp
from tui.screens.home import LINE_ROOM, describe

THIS_YEAR = f"{datetime.now().year}-12-02T04:00:00+00:00"
LAST_YEAR = f"{datetime.now().year - 1}-12-02T04:00:00+00:00"


def summary(**fields: object) -> SessionSummary:
    base = SessionSummary(
        id="x",
        path=Path("x.toml"),
        updated_at=THIS_YEAR,
        level="sde2",
        rounds=5,
        answers=0,
        finished=False,
        current_round=1,
        draft_saved=True,
        timing="relaxed",
        mode="typed",
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def test_every_loop_line_fits_and_says_which_loop_and_where():
    for level, timing, mode, answers, draft, when in itertools.product(
        LEVELS, TIMINGS, MODES, (0, 1, 18, 72), (True, False), (THIS_YEAR, LAST_YEAR)
    ):
        s = summary(
            level=level,
            timing=timing,
            mode=mode,
            answers=answers,
            draft_saved=draft,
            updated_at=when,
            rounds=6,
            current_round=6,
        )
        for line in (
            describe(s),
            describe(replace(s, voting=True, votes_given=17, votes_asked=18, current_round=None)),
            describe(replace(s, finished=True, current_round=None, draft_saved=False)),
        ):
            assert len(line) <= LINE_ROOM, line
            assert LEVELS[level] in line and "Dec" in line, line
        line = describe(s)
        assert f"round 6/6, {answers} answer" in line, line
        assert ("draft" in line) == draft, line


def test_the_reported_line_keeps_its_timing():
    line = describe(summary())
    assert line.startswith("Resume: SDE II, round 1/5, 0 answers, draft saved; relaxed")
    assert len(line) <= LINE_ROOM


async def test_resume_line_is_one_row_at_80_columns(clock):
    s = make_session("20261130-090000-aaaa")
    s.settings = replace(s.settings, timing="relaxed", mode="typed")
    answer_some(s, 1)
    with_draft(s, "I cut errors by 30%", 12.0)
    save_session(s)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        menu = app.screen.query_one("#menu", OptionList)
        prompt = str(menu.get_option_at_index(1).prompt)
        assert prompt.startswith("Resume: SDE II, round 1/4, 1 answer, draft saved;"), prompt
        # New loop, the resume line, Quit: three rows inside the menu's border.
        assert menu.virtual_size.height == 3, menu.virtual_size
