"""The schedule, as the candidate would receive it from a recruiter.

The principles each interviewer grades are hidden by default, as in a real
loop; `p` reveals them for practice. The Bar Raiser appears as a
cross-team interview unless revealed.
"""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static

from loops.levels import level_name
from loops.principles import BY_SLUG
from loops.session import Session
from tui.messages import LoopStarted
from tui.plain import plain

_KIND_NAMES = {
    "behavioral": "Behavioral",
    "coding": "Coding",
    "system-design": "System design",
    "cross-team": "Cross-team",
    "bar-raiser": "Bar Raiser",
}


def schedule_table(session: Session, reveal: bool) -> Table:
    table = Table(expand=True, show_lines=False, header_style="bold")
    table.add_column("#", width=2, no_wrap=True)
    table.add_column("Interviewer", ratio=3)
    table.add_column("Round", ratio=2)
    table.add_column("Min", width=3, justify="right", no_wrap=True)
    if reveal:
        table.add_column("Grades", ratio=3)
    for r in session.plan.rounds:
        kind = _KIND_NAMES[r.kind if reveal else r.shown_kind]
        row = [str(r.index), plain(f"{r.interviewer}\n{r.title}"), kind, str(r.minutes)]
        if reveal:
            row.append(plain("\n".join(BY_SLUG[p].name for p in r.principles)))
        table.add_row(*row)
    return table


class ScheduleScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "begin", "Begin round 1"),
        Binding("p", "toggle_principles", "Show/hide principles"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    reveal: reactive[bool] = reactive(False)
    """Whether the principles each round grades are shown (hidden in a real loop)."""

    def __init__(self, session: Session) -> None:
        from loops.stories import load_stories

        super().__init__()
        self.session = session
        # Read once: toggling `p` must not re-read the bank from disk.
        self.stories, self.story_problems = load_stories()

    def compose(self) -> ComposeResult:
        s = self.session
        timing = s.settings.timing
        yield Static(
            plain(
                f"Your loop: {level_name(s.settings.level)}, {len(s.plan.rounds)} interviews, "
                f"timing {timing}, seed {s.plan.seed}"
            ),
            classes="heading",
        )
        with VerticalScroll(id="schedule-body"):
            yield Static(id="schedule")
            yield Static(id="schedule-note")
        yield Footer()

    def story_note(self, reveal: bool) -> str:
        """Whether the story bank can give each principle slot its own story."""
        from loops.stories import can_cover

        stories, problems = self.stories, self.story_problems
        if problems:
            return f"Story bank unreadable, not checked: {problems[0]}"
        if not stories:
            return "No story bank yet: press b on the home screen to plan your stories."
        slots = [p for r in self.session.plan.rounds for p in r.principles]
        ok, uncovered = can_cover(stories, slots)
        if ok:
            return f"Your {len(stories)} banked stories can cover every principle here once each."
        names = ", ".join(sorted({BY_SLUG[p].name for p in uncovered}))
        which = names if reveal else "press p to see which"
        return (
            f"STORY GAP: your bank cannot give {len(uncovered)} of the {len(slots)} "
            f"principle slots a story of their own ({which})."
        )

    def watch_reveal(self, reveal: bool) -> None:
        self.query_one("#schedule", Static).update(schedule_table(self.session, reveal))
        note = (
            "Principles shown. In a real loop you would not see them."
            if reveal
            else "Principles are hidden, as in a real loop: press p to reveal them."
        )
        self.query_one("#schedule-note", Static).update(
            plain(
                note + "\n" + self.story_note(reveal) + "\nEach round spends its behavioral "
                "time on one question per principle, then follow-ups. Press Enter to begin."
            )
        )

    def action_toggle_principles(self) -> None:
        self.reveal = not self.reveal

    def action_begin(self) -> None:
        self.post_message(LoopStarted(self.session))
