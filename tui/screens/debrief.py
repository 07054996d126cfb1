"""The debrief: every round, every answer, its length and its time.

Scoring (votes, flags, reused and contradicting stories) is added by the
scoring engine; this screen lays out what was said first, round by round.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from loops.levels import level_name
from loops.principles import BY_SLUG
from loops.session import Session
from loops.timing import fmt_seconds


def round_table(session: Session, round_index: int) -> Table:
    table = Table(expand=True, header_style="bold", show_lines=False)
    table.add_column("Asked", ratio=5)
    table.add_column("Words", justify="right", width=5, no_wrap=True)
    table.add_column("Time / target", justify="right", width=14, no_wrap=True)
    for a in session.round_answers(round_index):
        asked = Text(("Q: " if a.kind == "main" else "  follow-up: ") + a.prompt)
        over = a.seconds > a.target_seconds
        time_text = f"{fmt_seconds(a.seconds)} / {fmt_seconds(a.target_seconds)}"
        if a.auto_submitted:
            time_text += " cut"
        elif over:
            time_text += " over"
        table.add_row(asked, str(a.words), Text(time_text, style="bold" if over else ""))
    return table


class DebriefScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Home"),
        Binding("q", "app.pop_screen", "Home", show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        s = self.session
        total = sum(a.seconds for a in s.answers)
        yield Static(
            f"Debrief: {level_name(s.settings.level)} loop, {len(s.plan.rounds)} rounds, "
            f"{len(s.answers)} answers, {fmt_seconds(total)} speaking time",
            classes="heading",
        )
        with VerticalScroll(id="debrief-body"):
            for rnd in s.plan.rounds:
                kind = "Bar Raiser" if rnd.is_bar_raiser else rnd.kind.replace("-", " ")
                graded = ", ".join(BY_SLUG[p].name for p in rnd.principles)
                yield Static(
                    f"Round {rnd.index}: {rnd.interviewer} ({kind})\nGraded: {graded}",
                    classes="round-title",
                )
                yield Static(round_table(s, rnd.index), classes="round-table")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#debrief-body").focus()
