"""Coach mode: the engine's notes on an answer, shown right after it.

Off by default, because a real loop gives no feedback until the debrief.
"""

from __future__ import annotations

from rich.text import Text
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


class CoachScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("enter", "close", "Carry on"),
        Binding("escape", "close", "Carry on", show=False),
    ]

    def __init__(self, answer: AnswerRecord, failure: bool, spoken: bool = False) -> None:
        super().__init__()
        self.answer, self.failure, self.spoken = answer, failure, spoken

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="coach-panel"):
            yield Static(coach_text(self.answer, self.failure, self.spoken))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#coach-panel").focus()

    def action_close(self) -> None:
        self.dismiss(None)
