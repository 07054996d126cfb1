"""The schedule, as the candidate would receive it from a recruiter.

The principles each interviewer grades are hidden by default, as in a real
loop; `p` reveals them for practice. The Bar Raiser appears as a
cross-team interview unless revealed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static

from loops.levels import level_name
from loops.planner import RoundPlan, kind_name, minutes
from loops.principles import BY_SLUG
from loops.session import Session
from loops.timing import fmt_seconds
from tui.folders import sessions_folder
from tui.messages import LoopStarted
from tui.plain import plain

if TYPE_CHECKING:
    from loops.review.wear import Suggestion, Wear

_TECHNICAL = ("coding", "system-design")
"""Rounds that in a real loop are mostly a coding or design problem: mockloop plays
only their behavioral part, and the schedule says so."""


def behavioral_minutes(session: Session, r: RoundPlan) -> int:
    """How long the round takes here at its time limits, in minutes: what its clock
    counts down from (not the 60-minute slot a real round has)."""
    return minutes(session.round_budget_seconds(r))


def round_label(r: RoundPlan, reveal: bool) -> str:
    kind = r.kind if reveal else r.shown_kind
    name = kind_name(kind)
    return f"{name}\n(behavioral part)" if kind in _TECHNICAL else name


HELD = "or weakest so far"
"""Under the principle the Bar Raiser holds for a revisit (``RoundPlan.held``)."""

_HELD_NOTE = (
    f"{HELD[0].upper()}{HELD[1:]}: when their round begins, the Bar Raiser may go back to "
    "the principle that went worst in the rounds before, instead of the one above it."
)


def graded_line(r: RoundPlan, principle: str) -> str:
    """A principle the round grades, as the schedule lists it: the one the Bar Raiser
    holds for a revisit says they may ask the weakest so far instead."""
    name = BY_SLUG[principle].name
    return f"{name}\n{HELD}" if principle == r.held else name


def schedule_table(session: Session, reveal: bool) -> Table:
    table = Table(expand=True, show_lines=False, header_style="bold")
    table.add_column("#", width=2, no_wrap=True)
    table.add_column("Interviewer", ratio=3)
    table.add_column("Round", ratio=2)
    table.add_column("Min", width=3, justify="right", no_wrap=True)
    if reveal:
        table.add_column("Grades", ratio=3)
    for r in session.plan.rounds:
        row: list[str | Text] = [
            str(r.index),
            plain(f"{r.interviewer}\n{r.title}"),
            round_label(r, reveal),
            f"~{behavioral_minutes(session, r)}",
        ]
        if reveal:
            row.append(plain("\n".join(graded_line(r, p) for p in r.principles)))
        table.add_row(*row)
    return table


def how_long(session: Session) -> str:
    """What the minutes shown are: the time limits added up, as the round's clock has it."""
    st = session.settings
    return (
        "Every round here is its behavioral part only: one question per principle, then "
        f"follow-ups, in about the minutes shown: {fmt_seconds(st.main_seconds)} a main "
        f"answer and {fmt_seconds(st.follow_up_seconds)} a follow-up, added up, as the "
        "round's clock counts them. A coding or system design round asks no coding or "
        "design problem."
    )


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
        self.wear: Wear | None = None
        """How worn each banked story is, from the saved sessions; None until counted."""

    def compose(self) -> ComposeResult:
        s = self.session
        timing = s.settings.timing
        yield Static(
            plain(
                f"Your loop: {level_name(s.settings.level)}, {len(s.plan.rounds)} interviews, "
                f"~{minutes(s.budget_seconds())} min, timing {timing}, seed {s.plan.seed}"
            ),
            classes="heading",
        )
        with VerticalScroll(id="schedule-body"):
            yield Static(id="schedule")
            yield Static(id="schedule-note")
        yield Footer()

    def on_mount(self) -> None:
        if self.stories and not self.story_problems:
            self.count_wear()

    @work(thread=True, exclusive=True, group="wear", exit_on_error=False)
    def count_wear(self) -> None:
        """Match the saved sessions to the bank off the UI thread (tens of ms a loop not
        matched before)."""
        from loops.review.wear import load_wear

        folder = sessions_folder(self.app)
        wear, _ = load_wear(folder, exclude=self.session.id, stories=self.stories)
        self.app.call_from_thread(self._show_wear, wear)

    def _show_wear(self, wear: Wear) -> None:
        self.wear = wear
        self.watch_reveal(self.reveal)

    def story_note(self, reveal: bool) -> str:
        """Whether the story bank can give each principle slot its own story and, with the
        principles shown, which story to tell for each, least worn first."""
        from loops.review.wear import suggest_stories

        stories, problems = self.stories, self.story_problems
        if problems:
            return f"Story bank unreadable, not checked: {problems[0]}"
        if not stories:
            return "No story bank yet: press b on the home screen to plan your stories."
        slots = [(r.index, p) for r in self.session.plan.rounds for p in r.principles]
        suggested = suggest_stories(slots, stories, self.wear)
        titles = {x.id: x.title for x in stories}
        uncovered = [x for x in suggested if x.shared_with is not None or x.story_id is None]
        twice = sorted({titles[x.story_id] for x in uncovered if x.story_id is not None})
        lines = []
        if reveal:
            lines += self._suggestion_lines(suggested, titles)
        if not uncovered:
            lines.append(
                f"Your {len(stories)} banked stories can cover every principle here once each"
                + ("." if reveal else ": press p for a story for each, least worn first.")
            )
            return "\n".join(lines)
        which = "marked TWICE or NO STORY above" if reveal else "press p to see which"
        lines.append(
            f"STORY GAP: your bank cannot give {len(uncovered)} of the {len(slots)} "
            f"principle slots a story of their own ({which})."
        )
        if twice and not reveal:
            lines.append(
                f"TWICE: {'; '.join(twice)} would have to be told twice in this loop "
                "(press p to see where)."
            )
        return "\n".join(lines)

    def _suggestion_lines(self, suggested: list[Suggestion], titles: dict[str, str]) -> list[str]:
        """One line a slot: round, principle, the story to tell (and why it is marked)."""
        worn = self.wear.worn if self.wear is not None else ()
        head = "Stories for this loop, least worn first:"
        lines = [head if self.wear is not None else head + " (counting wear...)"]
        for x in suggested:
            name = BY_SLUG[x.principle].name
            if x.story_id is None:
                told = "NO STORY in your bank serves it"
            else:
                told = titles[x.story_id]
                if x.shared_with == x.round:
                    told = f"TWICE in this round: {told}"
                elif x.shared_with is not None:
                    told = f"TWICE, also round {x.shared_with}: {told}"
                elif x.story_id in worn:
                    told += " (WORN)"
            lines.append(f" {x.round} {name}: {told}")
        return lines

    def watch_reveal(self, reveal: bool) -> None:
        self.query_one("#schedule", Static).update(schedule_table(self.session, reveal))
        note = (
            "Principles shown. In a real loop you would not see them."
            if reveal
            else "Principles are hidden, as in a real loop: press p to reveal them."
        )
        if reveal and any(r.held for r in self.session.plan.rounds):
            note += "\n" + _HELD_NOTE
        self.query_one("#schedule-note", Static).update(
            plain(
                note
                + "\n"
                + self.story_note(reveal)
                + "\n"
                + how_long(self.session)
                + " Press Enter to begin."
            )
        )

    def action_toggle_principles(self) -> None:
        self.reveal = not self.reveal

    def action_begin(self) -> None:
        self.post_message(LoopStarted(self.session))
