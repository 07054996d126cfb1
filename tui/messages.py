"""Messages the screens post; the app reacts to them and moves the loop on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from loops.session import LoopSettings, Session

if TYPE_CHECKING:
    from loops.stories import Story


@dataclass
class LoopRequested(Message):
    """Setup is done: plan a loop with these settings."""

    settings: LoopSettings


@dataclass
class DrillRequested(Message):
    """Drill this banked story at four lengths, typed or spoken (the mode)."""

    story: Story
    mode: str


@dataclass
class SessionChosen(Message):
    """Resume (or open the debrief of) this saved session."""

    session: Session


@dataclass
class LoopStarted(Message):
    """The candidate has read the schedule and begins round 1."""

    session: Session


@dataclass
class LoopFinished(Message):
    """The last answer of the last round is in."""

    session: Session


@dataclass
class SessionChanged(Message):
    """The candidate changed a saved loop outside the interview (a dismissed finding):
    the app saves it."""

    session: Session


@dataclass
class ScoreAhead(Message):
    """A loop the candidate may open next (highlighted, or just answered): score it in
    the background so its debrief opens at once. A path is read in the thread."""

    session: Session | Path


@dataclass
class LoopLeft(Message):
    """Back home: no loop is being played here, so its lock can go."""


@dataclass
class RetryRequested(Message):
    """Ask this question of ``session`` again, as a retry (loops/review/retry.py)."""

    session: Session
    round: int
    question_index: int
