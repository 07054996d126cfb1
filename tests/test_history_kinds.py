"""History: practice (a drill, a retry) is listed as what it is, never as a loop."""

from __future__ import annotations

import dataclasses
import json
import re

from debrief_fixture import finished_loop

from loops.session import Origin
from loops.store import save_session
from tui.cli import main


def _loop_drill_and_retry() -> None:
    loop = finished_loop()
    drill = dataclasses.replace(
        loop, id="20261121-100000-dril", origin=Origin("drill", story="checkout")
    )
    drill.created_at = drill.updated_at = "2026-11-21T10:00:00+00:00"
    retry = dataclasses.replace(
        loop,
        id="20261122-100000-retr",
        origin=Origin("retry", source=loop.id, round=1, question_index=0),
    )
    retry.created_at = retry.updated_at = "2026-11-22T10:00:00+00:00"
    save_session(drill)
    save_session(retry)


def test_the_history_table_says_drill_and_retry_not_hire(capsys):
    _loop_drill_and_retry()
    capsys.readouterr()
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    rows = {
        next(w for w in line.split() if w.startswith("2026-11-2")): line.lower()
        for line in out.splitlines()
        if "2026-11-2" in line
    }
    assert "drill" in rows["2026-11-21"] and "hire" not in rows["2026-11-21"]
    assert "retry" in rows["2026-11-22"] and "hire" not in rows["2026-11-22"]
    assert "hire" in rows["2026-11-20"]  # the loop keeps its outcome
    assert "Trends over 1 finished loop," in out


def test_history_json_gives_each_row_its_kind_and_trends_only_loops(capsys):
    _loop_drill_and_retry()
    capsys.readouterr()
    assert main(["history", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(r["date"], r["kind"]) for r in data["loops"]] == [
        ("2026-11-22", "retry"),
        ("2026-11-21", "drill"),
        ("2026-11-20", "loop"),
    ]
    assert all(len(values) == 1 for values in data["trends"].values())


async def test_history_shows_what_was_changed_on_the_debrief_opened_from_it(clock):
    from test_one_debrief import generated_loop
    from textual.widgets import DataTable, OptionList, Static

    from loops.review.debrief import build_debrief
    from tui.app import MockloopApp
    from tui.screens.debrief import DebriefScreen
    from tui.screens.history import HistoryScreen

    session = generated_loop(5, probe=False)
    # The candidate's own votes, each the meeting's as it stands before the dismissal.
    for q in build_debrief(session).questions:
        if q.counted is not None:
            session.vote_self(q.round, q.index, q.counted)
    save_session(session)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        table = history.query_one("#loops", DataTable)

        def shown() -> tuple[list[str], str]:
            cells = [str(c) for c in table.get_row(session.id)]
            return cells, " ".join(str(history.query_one("#trends", Static).render()).split())

        before = shown()
        await pilot.press("enter")
        await pilot.pause()
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen)
        await pilot.press("2")
        await pilot.pause()
        cross = debrief.query_one("#cross-list", OptionList)
        ids = [cross.get_option_at_index(n).id for n in range(cross.option_count)]
        cross.highlighted = ids.index("reuse:0")
        await pilot.press("x")  # not the same story: its conflicts go with it
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = " ".join(str(debrief.query_one("#outcome", Static).render()).split())
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is history
        after = shown()
        # The debrief's own figures, now in history: votes agreed, inclined share, conflicts.
        agreed = re.search(r"Your own votes: (\d+ of \d+ agree)", said)
        inclined = re.search(r"\((\d+) of (\d+) votes inclined\)", said)
        assert agreed and inclined
        assert agreed.group(1) not in before[1]  # the dismissal did change it
        assert f"Your own votes {agreed.group(1)} with the meeting" in after[1]
        share = int(inclined.group(1)) / int(inclined.group(2))
        assert after[0][4] == f"{share:.0%}" != before[0][4]
        assert int(after[0][7]) < int(before[0][7])  # its conflicts went with the story
