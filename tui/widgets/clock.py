"""The answer clock and the round clock, on one line that ticks by itself.

A tick re-renders only this widget. The time shown is read from the
stopwatch (monotonic clock) at each tick, never accumulated from ticks.
Ticks that stop for seconds mean the process was suspended: that time is
given back to the candidate (loops/timing.py, SuspendWatch).
"""

from __future__ import annotations

import time

from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from loops.timing import (
    Clock,
    ClockFace,
    Stopwatch,
    SuspendWatch,
    clock_face,
    round_clock,
)

TICK_SECONDS = 0.25


class ClockBar(Static):
    class Expired(Message):
        """Strict timing: time and grace are up; the answer is taken as it stands."""

    face: reactive[ClockFace | None] = reactive(None, layout=False)
    """What the answer clock says now; changing it repaints this widget only."""

    def __init__(self, *, id: str | None = None, tick_clock: Clock = time.monotonic) -> None:
        super().__init__("", id=id)
        self.suspended = SuspendWatch(tick_clock)
        """Gives back time the process spent stopped (SIGSTOP, a lid, an SSH stall)."""
        self.stopwatch: Stopwatch | None = None
        self.target = 0
        self.timing = "relaxed"
        self.main = True
        self.round_budget = 0.0
        """The round's behavioral time."""
        self.round_used = 0.0
        """Round time used before the current answer started."""
        self.context: str | None = None
        """Said instead of the round clock when a round's time means nothing (a drill)."""
        self._expired_sent = False
        self._shown: Text | None = None

    def on_mount(self) -> None:
        self.set_interval(TICK_SECONDS, self.tick)

    def track(
        self,
        stopwatch: Stopwatch,
        target: int,
        timing: str,
        main: bool,
        round_budget: float,
        round_used: float = 0.0,
        context: str | None = None,
    ) -> None:
        self.stopwatch, self.target, self.timing, self.main = stopwatch, target, timing, main
        self.round_budget, self.round_used = round_budget, round_used
        self.context = context
        self._expired_sent = False
        self.suspended.reset()
        self.tick()

    def tick(self) -> None:
        if self.stopwatch is None:
            return
        credit = self.suspended.check(self.stopwatch)
        if credit:
            self.notify(
                f"Clock paused for {credit:.0f} s while mockloop was suspended: "
                "that time is not counted against you.",
                timeout=10,
            )
        face = clock_face(self.stopwatch.elapsed, self.target, self.timing, self.main)
        if face != self.face:
            self.face = face
        else:
            self._render_line()  # the round clock may still have moved
        if face.expired and not self._expired_sent:
            self._expired_sent = True
            self.post_message(self.Expired())

    def watch_face(self, face: ClockFace | None) -> None:
        for phase in ("ok", "wrap-up", "warning", "overtime", "stopwatch"):
            self.set_class(face is not None and face.phase == phase, f"-{phase}")
        self._render_line()

    def _render_line(self) -> None:
        if self.face is None or self.stopwatch is None:
            return
        # An answer taken at time up is over, not paused ("moving on in 0s  PAUSED").
        paused = "" if self.stopwatch.running or self.face.expired else "  PAUSED"
        round_text = self.context or round_clock(
            self.timing, self.round_budget, self.round_used + self.stopwatch.elapsed
        )
        line = Text()
        style = "bold reverse" if self.face.phase in ("overtime", "warning") else "bold"
        line.append(f" Answer {self.face.text}{paused} ", style=style)
        line.append(f"   {round_text}")
        if line != self._shown:  # four ticks a second; most change nothing on screen
            self._shown = line
            self.update(line)
