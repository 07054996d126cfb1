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
