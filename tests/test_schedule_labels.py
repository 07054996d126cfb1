"""The schedule says what the loop simulates: a coding or system design round is played
as its behavioral part, so nobody sits down expecting a coding problem."""

from __future__ import annotations

import re
from pathlib import Path

from test_snapshots import to_schedule

from tui.app import MockloopApp
from tui.screens.schedule import ScheduleScreen

ROOT = Path(__file__).parent.parent


async def test_technical_rounds_are_labelled_as_their_behavioral_part(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await to_schedule(pilot)
        screen = app.screen
        assert isinstance(screen, ScheduleScreen)
        table = screen.query_one("#schedule").content
        rows = list(zip(*(col.cells for col in table.columns), strict=True))
        kinds = [r.kind for r in screen.session.plan.rounds]
        assert "coding" in kinds or "system-design" in kinds
        for rnd, (_n, _who, label, minutes) in zip(screen.session.plan.rounds, rows, strict=True):
            technical = rnd.kind in ("coding", "system-design")
            assert ("(behavioral part)" in str(label)) is technical
            # The time it takes here at its time limits, not a 60-minute slot.
            assert str(minutes) == f"~{-(-screen.session.round_budget_seconds(rnd) // 60)}"
        note = str(screen.query_one("#schedule-note").content)
        assert "asks no coding or design problem" in note


def test_cross_team_has_one_spelling():
    texts = [ROOT / "README.md", ROOT / "tui" / "help.md"]
    texts += sorted((ROOT / "tui").rglob("*.py")) + sorted((ROOT / "loops").rglob("*.py"))
    texts += sorted((ROOT / "loops" / "data").glob("*.toml"))
    for path in texts:
        found = re.findall(r"cross[ _]team", path.read_text(encoding="utf-8"), re.IGNORECASE)
        assert not found, f"{path}: {found}; write cross-team"
