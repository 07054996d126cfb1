"""What the plan says a loop takes is what it takes at its time limits.

`mockloop plan` said every round took 60 minutes (a real onsite's slot), the
schedule rounded its own sum of the time limits up to 15 or 25, and the round's
clock counted down from a third sum. A round's length now has one owner
(``RoundPlan.seconds_at``, the per-question time limits added up): the round's
clock counts down from it and the schedule and the plan say it in minutes.
"""

from __future__ import annotations

import json
import math
import re

from test_snapshots import to_schedule

from loops import paths
from loops.bank import load_bank
from loops.planner import plan_loop
from tui.app import MockloopApp
from tui.cli import main
from tui.screens.interview import InterviewScreen
from tui.screens.schedule import ScheduleScreen
from tui.widgets.clock import ClockBar


def _limits(main_seconds: int, follow_up_seconds: int) -> None:
    paths.config_dir().mkdir(parents=True, exist_ok=True)
    (paths.config_dir() / "settings.toml").write_text(
        f"main_seconds = {main_seconds}\nfollow_up_seconds = {follow_up_seconds}\n"
    )


def _clock_minutes(text: str) -> float:
    """The round clock's 'round 11:00 left' as minutes."""
    found = re.search(r"round (\d+):(\d\d) left", text)
    assert found, text
    return int(found.group(1)) + int(found.group(2)) / 60


async def test_the_schedule_says_what_the_round_clock_counts_down_from(clock):
    _limits(120, 60)  # 2 minutes a main answer, 1 a follow-up
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await to_schedule(pilot, seed=5, rounds=5)
        screen = app.screen
        assert isinstance(screen, ScheduleScreen)
        table = screen.query_one("#schedule").content
        said = [int(str(cell).lstrip("~")) for cell in table.columns[3].cells]
        rounds = screen.session.plan.rounds
        # Each question: its 2-minute answer and two 1-minute follow-ups (three for the
        # Bar Raiser), at the limits set, not a 60-minute slot nor a rounding to 5.
        expected = [len(r.questions) * (2 + (3 if r.is_bar_raiser else 2)) for r in rounds]
        assert said == expected
        heading = str(screen.query_one(".heading").content)
        assert f"5 interviews, ~{sum(expected)} min," in heading
        note = str(screen.query_one("#schedule-note").content)
        assert "2:00 a main answer and 1:00 a follow-up" in note

        await pilot.press("enter")  # begin round 1
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        interview = app.screen
        assert isinstance(interview, InterviewScreen)
        line = str(interview.query_one(ClockBar).content)
        assert line.strip().startswith("Answer 2:00 left")  # the question's time limit
        assert _clock_minutes(line) == said[0]  # the round's clock: what the schedule said


def test_the_plan_says_the_minutes_the_time_limits_add_up_to(capsys):
    plan = plan_loop(load_bank(), "sde2", 5, 7)

    def seconds_at(main_seconds: int, follow_up_seconds: int) -> list[int]:
        return [
            len(r.questions) * (main_seconds + (3 if r.is_bar_raiser else 2) * follow_up_seconds)
            for r in plan.rounds
        ]

    for main_seconds, follow_up_seconds in ((150, 90), (120, 60)):  # the defaults, then set
        if (main_seconds, follow_up_seconds) != (150, 90):
            _limits(main_seconds, follow_up_seconds)
        seconds = seconds_at(main_seconds, follow_up_seconds)
        expected = [math.ceil(s / 60) for s in seconds]
        assert main(["plan", "--level", "sde2", "--rounds", "5", "--seed", "7"]) == 0
        out = capsys.readouterr().out
        assert "60 min" not in out  # the real onsite's slot is not what is played here
        assert re.findall(r"~(\d+) min$", out, re.M) == [str(m) for m in expected]
        total = math.ceil(sum(seconds) / 60)
        assert out.startswith(f"Level SDE II, seed 7: ~{total} min at the time limits")
        assert main(["plan", "--level", "sde2", "--rounds", "5", "--seed", "7", "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert [r["minutes"] for r in data["rounds"]] == expected
