"""Answer clocks, kept from a monotonic clock rather than by counting ticks.

A tick only asks 'what time is it now'; it never adds a fixed step, so a
slow or late tick on a loaded machine cannot make the shown time drift.
The clock is a plain callable so tests pass a fake one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Clock = Callable[[], float]

WRAP_UP_AFTER_SECONDS = 90
"""Into a main answer, the interviewer's 'time to wrap up' cue."""
WARNING_SECONDS_LEFT = 30
STRICT_GRACE_SECONDS = 10


class Stopwatch:
    """Elapsed time of one answer, pausable, resumable from a saved value."""

    def __init__(self, clock: Clock, already: float = 0.0) -> None:
        self._clock = clock
        self._banked = already
        self._since: float | None = None

    def start(self) -> None:
        if self._since is None:
            self._since = self._clock()

    def pause(self) -> None:
        if self._since is not None:
            self._banked += self._clock() - self._since
            self._since = None

    @property
    def running(self) -> bool:
        return self._since is not None

    @property
    def elapsed(self) -> float:
        live = self._clock() - self._since if self._since is not None else 0.0
        return self._banked + live


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
            grace = max(0.0, STRICT_GRACE_SECONDS + left)
            return ClockFace(
                f"TIME UP +{fmt_seconds(-left)}  moving on in {grace:.0f}s", "overtime", expired
            )
        return ClockFace(f"OVERTIME +{fmt_seconds(-left)}", "overtime", False)
    if left <= WARNING_SECONDS_LEFT:
        return ClockFace(f"{fmt_seconds(left)} left  LAST 30s", "warning", False)
    if main and elapsed >= WRAP_UP_AFTER_SECONDS:
        return ClockFace(f"{fmt_seconds(left)} left  wrap up", "wrap-up", False)
    return ClockFace(f"{fmt_seconds(left)} left", "ok", False)


BEATS = ("situation", "task", "action", "result", "reflection")
"""STAR and the reflection after it, in the order they are usually told."""
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
