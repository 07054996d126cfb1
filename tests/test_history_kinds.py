"""History: practice (a drill, a retry) is listed as what it is, never as a loop."""

from __future__ import annotations

import dataclasses
import json

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
    rows = {line.split()[1]: line for line in out.splitlines() if "2026-11-2" in line}
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
