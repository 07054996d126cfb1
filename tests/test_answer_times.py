"""One answer, one length, said so that the clock and the estimate are not confused.

The stranger's report: one typed answer showed three times, the too-short flag's
"14 seconds (estimated from 36 words...)", the answer view's "60s of 150s" and the
Timing tab's "1:00 / 2:30". The clock counts how long the question was on screen
(typing, for a typed answer); the flag judges how long the answer would take said
aloud, estimated from its words. The flag now says which it is, in the clock's own
m:ss, and the exports name the clock; a spoken answer's flag shows the Timing tab's
time exactly.
"""

from __future__ import annotations

import dataclasses
import io
import re

from rich.console import Console
from textual.widgets import OptionList, Static

from loops.bank import load_bank
from loops.planner import plan_loop
from loops.review.debrief import build_debrief
from loops.review.exports import render
from loops.session import LoopSettings, Session
from loops.store import save_session
from loops.timing import fmt_seconds
from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen

SHORT = (
    "I noticed checkout p99 latency had crept up to 1.4 seconds and nobody owned it. "
    "I profiled it myself, found an N+1 query and shipped one batched call. p99 fell "
    "from 1.4 seconds to 300 ms."
)
CLOCK = 37.6
"""Seconds on the answer clock: rounded (38) and cut (0:37) they used to read apart."""


def _loop(mode: str) -> Session:
    bank = load_bank()
    settings = LoopSettings("sde2", 4, "relaxed", 4, mode=mode)
    s = Session("20261120-100000-time", settings, plan_loop(bank, "sde2", 4, 4))
    beats = {"situation": 8.0, "action": 20.0, "result": 9.6} if mode == "spoken" else None
    while (step := s.current_step()) is not None:
        fus = list(step.question.follow_ups[:1]) if step.kind == "main" else None
        s.record(step, SHORT, CLOCK, follow_ups=fus, beats=beats)
    s.created_at = s.updated_at = "2026-11-20T10:00:00+00:00"
    return s


def _too_short(data: dict) -> str:
    flags = [f for r in data["rounds"] for q in r["questions"] for f in q["flags"]]
    return next(f["message"] for f in flags if f["name"] == "too-short")


def test_a_typed_answers_length_flag_says_it_is_an_estimate_of_speaking_not_the_clock():
    data = build_debrief(_loop("typed")).to_json()
    message = _too_short(data)
    first = data["answers"][0]
    estimate = fmt_seconds(first["spoken_seconds"])
    assert estimate != fmt_seconds(CLOCK)  # typing took longer than saying it would
    assert message.startswith(f"about {estimate} spoken, estimated from 36 words"), message
    assert "not the typing time on the clock" in message and message.endswith("under 0:45.")
    md = render(data, "md")
    assert f"clock {fmt_seconds(CLOCK)} of 2:30 · 36 words, about {estimate} spoken" in md


def test_a_spoken_answers_length_flag_shows_the_timing_tabs_time():
    data = build_debrief(_loop("spoken")).to_json()
    assert _too_short(data) == f"{fmt_seconds(CLOCK)} spoken, as timed; under 0:45."
    first = data["answers"][0]
    assert first["spoken_measured"] and first["spoken_seconds"] == CLOCK
    meta = render(data, "md").split("#### #1")[1].split("\n\n")[1]
    assert f"clock {fmt_seconds(CLOCK)} of 2:30 · 36 words ·" in meta  # no estimate: timed


async def test_in_the_debrief_the_flag_and_the_timing_tab_read_the_same_time(clock):
    session = _loop("spoken")
    save_session(dataclasses.replace(session))
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        evidence = screen.query_one("#evidence", OptionList)
        lines = [str(evidence.get_option_at_index(k).prompt) for k in range(evidence.option_count)]
        flag = next(line for line in lines if "flag too-short" in line)
        await pilot.press("4")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        console = Console(width=80, record=True, color_system=None, file=io.StringIO())
        for w in screen.query("#timing-body Static").results(Static):
            console.print(w.content)
        timing = console.export_text()
    said = fmt_seconds(CLOCK)
    assert f"too-short: {said} spoken, as timed" in flag, flag
    assert f"{said} / 2:30" in timing


def test_analyze_says_which_length_is_estimated_and_which_timed(tmp_path, capsys):
    from test_analyze_report_names import FILE

    from tui.cli import main

    path = tmp_path / "answers.toml"
    path.write_text(FILE, encoding="utf-8")
    assert main(["analyze", str(path)]) == 0
    out = " ".join(capsys.readouterr().out.replace("│", " ").split())
    assert re.search(r"\d+ words · about 0:\d\d spoken \(from its words\)", out), out
    assert re.search(r"\d+ words · 1:35 spoken, as timed", out), out  # seconds = 95 in the file
    assert re.search(r"too-short: about 0:\d\d spoken, estimated from \d+ words at 150", out)
    assert "~" not in out
