"""History names the file an imported interview was read from.

The stranger's report: two imports in history read "SDE II  2  import" alike, with
nothing to tell which interview each was. The row now says "import: <file name>",
the name cut in the middle when the 80-column table has no room for all of it (the
table never scrolls sideways); ``mockloop history --json`` gives it whole.
"""

from __future__ import annotations

import dataclasses
import json

from debrief_fixture import finished_loop
from test_import import TRANSCRIPT
from textual.widgets import DataTable

from loops.review.imports import import_session, read_import
from loops.store import save_session
from tui.app import MockloopApp
from tui.cli import main
from tui.screens.history import HistoryScreen

LONG = "onsite-2026-11-30-amazon-sde2-interview-notes-final.txt"


def _two_imports_and_a_loop(tmp_path, level: str = "sde2") -> None:
    """Two imports of one transcript under different file names, and a loop at
    ``level`` (Staff / Principal is the widest the Level column holds)."""
    path = tmp_path / "transcript.txt"
    path.write_text(TRANSCRIPT)
    for n, name in enumerate(("phone-screen.txt", LONG)):
        session = import_session(read_import(path), name, "sde2", f"20261201-09000{n}-imp{n}")
        session.created_at = session.updated_at = f"2026-12-0{n + 1}T09:00:00+00:00"
        save_session(session)
    loop = finished_loop()
    settings = dataclasses.replace(loop.settings, level=level)
    save_session(dataclasses.replace(loop, settings=settings))


async def _outcome_cells(clock) -> tuple[dict[str, str], DataTable]:
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one("#loops", DataTable)
        # The whole table is on screen at 80 columns: nothing scrolls sideways.
        assert table.virtual_size.width <= table.size.width and table.max_scroll_x == 0
        return {key: str(table.get_row(key)[3]) for key in (SHORT_ID, LONG_ID)}, table


SHORT_ID, LONG_ID = "20261201-090000-imp0", "20261201-090001-imp1"


async def test_history_rows_say_import_and_the_file_name(clock, tmp_path):
    _two_imports_and_a_loop(tmp_path)
    cells, _ = await _outcome_cells(clock)
    assert cells[SHORT_ID] == "import: phone-screen.txt"
    head, cut, tail = cells[LONG_ID].removeprefix("import: ").partition("…")
    assert cut and LONG.startswith(head) and LONG.endswith(tail), cells
    assert len(head) >= 6 and tail.endswith(".txt"), cells


async def test_beside_the_widest_level_the_file_name_is_kept_over_the_word_import(clock, tmp_path):
    _two_imports_and_a_loop(tmp_path, "staff")
    cells, _ = await _outcome_cells(clock)
    for sid, name in ((SHORT_ID, "phone-screen.txt"), (LONG_ID, LONG)):
        head, _, tail = cells[sid].partition("…")
        assert name.startswith(head) and name.endswith(tail) and len(head) >= 4, cells


def test_mockloop_history_names_the_file(tmp_path, capsys):
    _two_imports_and_a_loop(tmp_path)
    capsys.readouterr()
    assert main(["history", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)["loops"]}
    assert rows["20261201-090001-imp1"]["source"] == LONG
    assert rows["20261120-100000-demo"]["source"] == ""
    assert main(["history"]) == 0
    printed = capsys.readouterr().out
    assert "import: phone-screen.txt" in printed
    # Cut in its middle to the column's room, as on the history screen: start and end kept.
    cut = next(line for line in printed.splitlines() if "…" in line)
    assert LONG[:6] in cut and LONG[-8:] in cut
