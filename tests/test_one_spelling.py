"""The outcome and a round's kind read the same on every screen, report and export:
"NO HIRE" (not "NO-HIRE" or "no hire") and "Cross-team" / "System design" (not
"cross team"), from one owner each (loops.review.debrief.decision_words and
loops.planner.kind_name). JSON keeps the machine values."""

from __future__ import annotations

import io
import json

from debrief_fixture import finished_loop
from rich.console import Console
from textual.widgets import OptionList, Static

from loops.review.analysis import analyze_session
from loops.review.debrief import debrief_data
from loops.review.exports import render as export
from tui.analyze_cmd import render as analyze_report
from tui.app import MockloopApp
from tui.debrief_cmd import run_history
from tui.screens.breaks import BreakScreen


def _console() -> Console:
    return Console(width=120, file=io.StringIO(), record=True, color_system=None)


def test_reports_and_exports_say_no_hire_and_name_round_kinds_as_the_schedule_does(capsys):
    session = finished_loop()  # a no-hire loop: the Bar Raiser vetoes
    data = debrief_data(session)
    assert data["outcome"]["decision"] == "no-hire"  # the machine value stays
    for fmt in ("md", "html"):
        text = export(data, fmt)
        assert "NO HIRE" in text and "NO-HIRE" not in text
        assert "(System design)" in text and "(Bar Raiser)" in text
        assert "system design" not in text
    assert '"decision": "no-hire"' in export(data, "json")

    console = _console()
    analyze_report(analyze_session(session), console)
    shown = console.export_text()
    assert "Outcome: NO HIRE" in shown and "NO-HIRE" not in shown

    console = _console()
    assert run_history(False, console) == 0
    assert "NO HIRE" in console.export_text()
    capsys.readouterr()
    assert run_history(True) == 0
    assert json.loads(capsys.readouterr().out)["loops"][0]["outcome"] == "no-hire"


async def test_the_debrief_and_the_break_name_round_kinds_as_the_schedule_does(clock):
    session = finished_loop()
    *_, before, bar_raiser = session.plan.rounds
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        rounds = app.screen.query_one("#evidence", OptionList)
        labels = [str(rounds.get_option_at_index(i).prompt) for i in range(rounds.option_count)]
        heads = [label for label in labels if label.startswith("Round ")]
        assert any(h.endswith("(System design)") for h in heads), heads
        assert any(h.endswith("(Bar Raiser)") for h in heads), heads
        app.push_screen(BreakScreen(session, before, bar_raiser))
        await pilot.pause()
        text = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert f"round {bar_raiser.index}, Cross-team, with" in text
