"""A short break between rounds, as in a real onsite."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from loops.planner import RoundPlan, kind_name
from loops.session import Session, say_answers
from tui.plain import plain


class BreakScreen(Screen[None]):
    BINDINGS = [Binding("enter", "continue", "Next round")]

    def __init__(self, session: Session, done: RoundPlan, upcoming: RoundPlan) -> None:
        super().__init__()
        self.session, self.done, self.upcoming = session, done, upcoming

    def compose(self) -> ComposeResult:
        n = len(self.session.plan.rounds)
        answered = say_answers(self.session.round_answers(self.done.index), "saved")
        kind = kind_name(self.upcoming.shown_kind)
        with Vertical(id="break"):
            yield Static("Break", classes="heading")
            # With the coach on, every answer was just voted on: "nothing is scored"
            # would be untrue.
            scored = (
                "The coach's notes judged each answer alone; the loop as a whole is judged "
                "at the debrief."
                if self.session.settings.coach
                else "Nothing is scored until the debrief."
            )
            text = (
                f"Round {self.done.index} of {n} is over: {answered}.\n\n"
                f"Stand up, drink some water, reset. {scored}\n\n"
                f"Next: round {self.upcoming.index}, {kind}, with {self.upcoming.interviewer}.\n\n"
                "Press Enter when you're ready."
            )
            yield Static(plain(text))
        yield Footer()

    def action_continue(self) -> None:
        self.dismiss(None)
