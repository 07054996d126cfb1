"""Answer clocks, kept from a monotonic clock rather than by counting ticks.

A tick only asks 'what time is it now'; it never adds a fixed step, so a
slow or late tick on a loaded machine cannot make the shown time drift.
The clock is a plain callable so tests pass a fake one.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from scoring.model import STAR_BEATS

Clock = Callable[[], float]

WRAP_UP_AFTER_SECONDS = 90
"""Into a main answer, the interviewer's 'time to wrap up' cue."""
WARNING_SECONDS_LEFT = 30
STRICT_GRACE_SECONDS = 10
SUSPEND_GAP_SECONDS = 5.0
"""Clock ticks this far apart mean the process stood still, not that the candidate spoke."""


class Stopwatch:
    """Elapsed time of one answer, pausable, resumable from a saved value."""

    def __init__(self, clock: Clock, already: float = 0.0) -> None:
        self.clock = clock
        self._banked = already
        self._since: float | None = None

    def start(self) -> None:
        if self._since is None:
            self._since = self.clock()

    def pause(self) -> None:
        if self._since is not None:
            self._banked += self.clock() - self._since
            self._since = None

    def forgive(self, seconds: float) -> None:
        """Leave ``seconds`` of the running answer uncounted: the process was suspended."""
        if self._since is not None:
            self._since += seconds

    @property
    def running(self) -> bool:
        return self._since is not None

    @property
    def elapsed(self) -> float:
        live = self.clock() - self._since if self._since is not None else 0.0
        return self._banked + live


class SuspendWatch:
    """Notices a suspended process (SIGSTOP, a closed laptop lid, a stalled SSH link).

    The answer clock ticks four times a second. Two ticks more than
    SUSPEND_GAP_SECONDS apart mean nothing ran in between, so nobody was
    answering: that time is not charged. ``ticks`` times the gaps (the
    monotonic clock; tests pass a fake one that jumps). What is given back is
    what the answer clock moved during the gap, so a fake answer clock in a
    test is never credited for a slow real tick, and in the app, where both
    clocks are the same, it is the whole gap.

    A gap in which the process was busy is not a suspension: ticks also stop while
    mockloop works (6,800 keys typed one by one once kept it busy for 35 s), and
    "mockloop was suspended" was said then. A stopped or stalled process uses no
    CPU, so a gap is given back only when the process's CPU time (``cpu``) moved
    less than half of it.
    """

    def __init__(
        self, ticks: Clock, limit: float = SUSPEND_GAP_SECONDS, cpu: Clock = time.process_time
    ) -> None:
        self._ticks, self._limit, self._cpu = ticks, limit, cpu
        self._last: tuple[float, float, float] | None = None
        """(ticks, answer clock, CPU time) at the last tick seen."""

    def reset(self) -> None:
        """A new answer: its first tick starts afresh."""
        self._last = None

    def check(self, stopwatch: Stopwatch) -> float:
        """Call at each tick: the seconds given back to a running ``stopwatch`` (0 if none)."""
        now = (self._ticks(), stopwatch.clock(), self._cpu())
        last, self._last = self._last, now
        if last is None or not stopwatch.running or now[0] - last[0] <= self._limit:
            return 0.0
        if now[2] - last[2] >= (now[0] - last[0]) / 2:  # busy, not stopped
            return 0.0
        credit = max(0.0, min(now[0] - last[0], now[1] - last[1]))
        stopwatch.forgive(credit)
        return credit


def fmt_seconds(seconds: float) -> str:
    s = int(abs(seconds))
    return f"{s // 60}:{s % 60:02d}"


@dataclass(frozen=True)
class ClockFace:
    """What the answer clock shows, in words as well as colour."""

    text: str
    phase: str
    """ok | wrap-up | warning | overtime | stopwatch"""
    expired: bool
    """Strict timing: zero plus the grace has passed; the answer is taken as it stands."""


def clock_face(elapsed: float, target: int, timing: str, main: bool) -> ClockFace:
    if timing == "untimed":
        return ClockFace(f"{fmt_seconds(elapsed)} elapsed", "stopwatch", False)
    left = target - elapsed
    if left < 0:
        expired = timing == "strict" and -left >= STRICT_GRACE_SECONDS
        if timing == "strict":
            if expired:  # taken: nothing is still to come on this answer's clock
                return ClockFace(f"TIME UP +{fmt_seconds(-left)}  answer saved", "overtime", True)
            grace = STRICT_GRACE_SECONDS + left
            return ClockFace(
                f"TIME UP +{fmt_seconds(-left)}  moving on in {math.ceil(grace)}s",
                "overtime",
                False,
            )
        return ClockFace(f"OVERTIME +{fmt_seconds(-left)}", "overtime", False)
    if left <= WARNING_SECONDS_LEFT:
        return ClockFace(f"{fmt_seconds(left)} left  LAST 30s", "warning", False)
    if main and elapsed >= WRAP_UP_AFTER_SECONDS:
        return ClockFace(f"{fmt_seconds(left)} left  wrap up", "wrap-up", False)
    return ClockFace(f"{fmt_seconds(left)} left", "ok", False)


def round_clock(timing: str, budget: float, used: float) -> str:
    """The round's clock beside the answer's: time left (or over) when the loop is
    timed; in untimed practice a stopwatch too, counting the round's time up."""
    if timing == "untimed":
        return f"round {fmt_seconds(used)} so far"
    left = budget - used
    return f"round {fmt_seconds(left)} left" if left >= 0 else f"round over by {fmt_seconds(-left)}"


BEATS = STAR_BEATS
"""The beats a spoken answer is marked in: the engine's STAR parts, one list for both."""
SITUATION_TASK_TARGET = 50
ACTION_SHARE_TARGET = 0.7


def beat_seconds(marks: list[tuple[str, float]], end: float) -> dict[str, float]:
    """Seconds per beat from (beat, elapsed-at-mark) pairs; each runs to the next mark.

    Time before the first mark is not given to any beat. A beat marked twice
    (the candidate went back to the situation, say) adds up.
    """
    out: dict[str, float] = {}
    ordered = sorted(marks, key=lambda m: m[1])
    for n, (beat, start) in enumerate(ordered):
        stop = ordered[n + 1][1] if n + 1 < len(ordered) else end
        out[beat] = round(out.get(beat, 0.0) + max(0.0, stop - start), 2)
    return out


@dataclass(frozen=True)
class BeatSplit:
    """How a spoken answer spent its time, against what interviewers like to hear."""

    situation_task: float
    action_share: float
    total: float

    @property
    def setup_too_long(self) -> bool:
        return self.situation_task > SITUATION_TASK_TARGET


def beat_split(beats: dict[str, float], total: float) -> BeatSplit:
    st = beats.get("situation", 0.0) + beats.get("task", 0.0)
    share = beats.get("action", 0.0) / total if total > 0 else 0.0
    return BeatSplit(round(st, 2), round(share, 3), total)
