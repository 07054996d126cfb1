"""The export's notice gives a path that reads and copies whole at 80 columns.

A stranger at 80x24 in tmux pressed m in a debrief and read "Saved /home/..." folded
at the notice's edge wherever it fell, mid-name ("...exports/2026" then
"1201-...md"). The path is now home-relative ("~/...", which a shell reads back)
and broken only after a "/": the folder on one line, the file's name on the next.
"""

from __future__ import annotations

from pathlib import Path

from debrief_fixture import finished_loop
from snapshot import screen_text, settled
from test_debrief_screen import open_debrief

from tui.app import MockloopApp


async def test_the_saved_path_is_home_relative_and_no_name_is_cut(tmp_path, monkeypatch, clock):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("MOCKLOOP_HOME", str(tmp_path / ".local" / "share" / "mockloop"))
    session = finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_debrief(pilot)
        await pilot.press("m")
        await settled(pilot)
        toast = [
            line.split("▌", 1)[1].strip() for line in screen_text(app).splitlines() if "▌" in line
        ]
    folder, name = "~/.local/share/mockloop/data/exports/", f"{session.id}.md"
    assert "Saved the debrief as Markdown:" in toast, toast
    assert folder in toast and name in toast, toast  # each whole, on a line of its own
    written = Path(str(folder + name).replace("~", str(tmp_path), 1))
    assert written.is_file()
