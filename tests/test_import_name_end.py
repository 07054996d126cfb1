"""A long import name keeps its end in view: two transcripts named alike differ at
the end ("...-final-v1.txt", "...-final-v2.txt"), and a name cut there read the same
for both, in ``mockloop history`` and on home."""

from __future__ import annotations

import io
import re

from rich.console import Console
from snapshot import screen_text, settled
from test_import import TRANSCRIPT

from loops.review.imports import import_session, read_import
from loops.store import save_session
from tui.app import MockloopApp
from tui.debrief_cmd import run_history

NAMES = [f"amazon-onsite-transcript-2026-11-28-sde2-notes-final-v{n}.txt" for n in (1, 2)]


def _two_imports(tmp_path) -> None:
    path = tmp_path / "transcript.txt"
    path.write_text(TRANSCRIPT)
    for n, name in enumerate(NAMES):
        session = import_session(read_import(path), name, "sde2", f"20261201-09000{n}-imp{n}")
        session.created_at = session.updated_at = f"2026-12-0{n + 1}T09:00:00+00:00"
        save_session(session)


def test_history_text_cuts_a_long_import_name_in_its_middle(tmp_path):
    _two_imports(tmp_path)
    out = io.StringIO()
    assert run_history(False, Console(file=out, width=80, color_system=None)) == 0
    rows = [line for line in out.getvalue().splitlines() if line.startswith("2026-12-0")]
    assert len(rows) == 2  # one line each: the name is not wrapped onto a second
    assert all(len(row) <= 80 for row in rows)
    assert "import: amazon-o" in rows[0] and "…" in rows[0]
    assert "v2.txt" in rows[0] and "v1.txt" in rows[1]  # newest first


async def test_home_keeps_the_end_of_a_long_import_name(tmp_path, clock):
    _two_imports(tmp_path)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await settled(pilot)
        lines = [line for line in screen_text(app).splitlines() if "(imported)" in line]
        assert len(lines) == 2
        for line, end in zip(lines, ("v2.txt (imported)", "v1.txt (imported)"), strict=True):
            assert end in line and "amazon-" in line
            assert re.search(r"answers?; \d\d \w{3} \d\d:\d\d", line)  # all on one line
