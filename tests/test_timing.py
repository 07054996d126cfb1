"""Answer clocks: read from a monotonic clock, never accumulated from ticks."""

from __future__ import annotations

import random

from loops.timing import Stopwatch, beat_seconds, clock_face
from tui.widgets.clock import ClockBar


def test_no_drift_over_ten_minutes_of_irregular_ticks(clock):
    """Ticks arrive late, bunched or skipped (a loaded machine); the shown time stays true."""
    rng = random.Random(5)
    watch = Stopwatch(clock)
    watch.start()
    started = clock.now
    shown = 0.0
    while clock.now - started < 600:
        clock.advance(rng.choice((0.25, 0.25, 0.3, 0.9, 2.7, 0.01)) * rng.uniform(0.5, 1.5))
        shown = watch.elapsed
        assert abs(shown - (clock.now - started)) < 0.5
    face = clock_face(shown, 150, "relaxed", main=True)
    assert face.text.startswith("OVERTIME +7:")


def test_pauses_are_not_counted_and_resume_from_a_saved_value(clock):
    watch = Stopwatch(clock, already=42.0)
    watch.start()
    clock.advance(10)
    watch.pause()
    clock.advance(1000)
    assert watch.elapsed == 52.0 and not watch.running
    watch.start()
    clock.advance(3)
    assert watch.elapsed == 55.0


def test_clock_faces_say_it_in_words_as_well_as_colour():
    assert clock_face(10, 150, "relaxed", True).text == "2:20 left"
    assert "wrap up" in clock_face(95, 150, "relaxed", True).text
    assert "wrap up" not in clock_face(60, 90, "relaxed", False).text
    assert "LAST 30s" in clock_face(125, 150, "strict", True).text
    strict = clock_face(155, 150, "strict", True)
    assert "TIME UP" in strict.text and not strict.expired
    assert clock_face(160, 150, "strict", True).expired
    assert not clock_face(900, 150, "relaxed", True).expired
    assert clock_face(900, 150, "untimed", True).text == "15:00 elapsed"


def test_beats_run_to_the_next_mark():
    marks = [("situation", 2.0), ("task", 20.0), ("action", 30.0), ("situation", 90.0)]
    assert beat_seconds(marks, 100.0) == {"situation": 28.0, "task": 10.0, "action": 60.0}


async def test_a_tick_repaints_only_the_clock(clock):
    """The clock line changes by itself; nothing else on the screen is refreshed by it."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    refreshed: list[str] = []

    class Counting(Static):
        def render(self):
            refreshed.append(self.id or "")
            return super().render()

    class ClockApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Counting("question", id="other")
            yield ClockBar(id="clock")

    app = ClockApp()
    async with app.run_test(size=(80, 24)) as pilot:
        watch = Stopwatch(clock)
        watch.start()
        bar = app.query_one(ClockBar)
        bar.track(watch, 150, "relaxed", True, 600)
        await pilot.pause()
        refreshed.clear()
        before = str(bar.render())
        clock.advance(5)
        for _ in range(50):  # a tick, however late a busy box runs it (up to 5 s)
            await pilot.pause(0.1)
            if "2:25 left" in str(bar.render()):
                break
        assert str(bar.render()) != before and "2:25 left" in str(bar.render())
        assert refreshed == []
