"""Coach mode: the engine's notes on an answer, shown right after it.

Off by default, because a real loop gives no feedback until the debrief.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from loops.principles import BY_SLUG
from loops.review.analysis import answer_input
from loops.session import AnswerRecord
from scoring import analyze_answer
from scoring.model import VOTE_WORDS
from scoring.wording import plural, said_once
from tui.votes import clip


def coach_text(answer: AnswerRecord, failure: bool, spoken: bool = False) -> Text:
    result = analyze_answer(answer_input(answer, failure, spoken))
    text = Text(f"Coach: {BY_SLUG[answer.principle].name}\n", style="bold")
    if answer.kind == "main":
        text.append(f"Vote on this answer alone: {VOTE_WORDS[result.vote]}\n")
    s = result.signals
    text.append(
        f"{plural(s.word_count, 'word')}, I {s.i_count} / we {s.we_count}, "
        f"numbers: {', '.join(said_once(s.numbers)[:5]) or 'none'}\n\n"
    )
    if not result.flags:
        text.append("No red flags.\n")
    for flag in result.flags:
        text.append(f"{flag.name}: ", style="bold")
        text.append(clip(flag.message, 160) + "\n")
        if flag.quote:
            text.append(f'    "{clip(flag.quote, 120)}"\n', style="italic")
    return text


TIME_UP_NOTE = Text(
    "Time is up: your answer was saved as it stood. Typing here is not taken; "
    "read the notes, then press Enter for the next question.\n",
    style="bold",
)
"""At the top of the notes when strict timing took the answer mid-sentence."""
TYPING_NOTE = "Typing is not taken while the coach's notes are open: press Enter to carry on."


class CoachScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("enter", "close", "Carry on"),
        Binding("escape", "close", "Carry on", show=False),
    ]

    def __init__(
        self, answer: AnswerRecord, failure: bool, spoken: bool = False, time_up: bool = False
    ) -> None:
        super().__init__()
        self.answer, self.failure, self.spoken = answer, failure, spoken
        self.time_up = time_up
        """Opened by strict timing taking the answer, maybe while the candidate typed."""
        self._told_typing = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="coach-panel"):
            if self.time_up:
                yield Static(TIME_UP_NOTE, id="coach-time-up")
            yield Static(coach_text(self.answer, self.failure, self.spoken))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#coach-panel").focus()

    def on_key(self, event: events.Key) -> None:
        """Typing here goes nowhere (the answer is saved, the next box not open yet):
        said once, rather than dropped without a word."""
        if event.is_printable and event.key not in ("enter", "escape"):
            event.stop()
            if not self._told_typing:
                self._told_typing = True
                self.notify(TYPING_NOTE, severity="warning")

    def action_close(self) -> None:
        self.dismiss(None)
