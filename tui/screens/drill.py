"""The story drill on screen: choosing typed or spoken, what each telling kept and
dropped, and the drill's end, the shortest telling that still holds.

The tellings themselves are played by the interview screen (a drill is a
session); this module gives it the drill's intro and header, and shows the
judgement of loops/review/drill.py, which it only renders. Story titles and
answers are user text: everything reaches a widget through ``plain``/``Text``.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from loops.review.drill import (
    DRILL_SECONDS,
    DrillReview,
    DrillTelling,
    length_label,
    review_drill,
)
from loops.session import Session, Step
from loops.stories import Story, load_stories
from loops.timing import ACTION_SHARE_TARGET, fmt_seconds
from scoring.model import STAR_BEATS
from scoring.wording import plural
from tui.plain import plain
from tui.votes import clip

_CSS = "../drill.tcss"
_LENGTHS = ", ".join(length_label(s) for s in DRILL_SECONDS[:-1]) + (
    f" and {length_label(DRILL_SECONDS[-1])}"
)


def banked_story(slug: str) -> Story | None:
    """The story as the bank holds it now; None once it has left the bank."""
    stories, _problems = load_stories()
    return next((s for s in stories if s.id == slug), None)


# --- inside the interview screen ----------------------------------------------------


def intro_text(session: Session, step: Step, resuming: bool) -> str:
    """What the interview screen shows before a drill's first telling (or on resuming)."""
    title = step.round.title
    label = length_label(step.target_seconds)
    if resuming:
        return (
            f'Welcome back to the drill of "{title}", at the {label} telling. Your draft '
            "is in the editor; the clock resumes from where it stopped.\n\n"
            "Press Enter to carry on, or Esc to go back."
        )
    told = sum(1 for a in session.answers if a.kind == "main")
    if told:  # left between two tellings, opened again from home
        return (
            f'Welcome back to the drill of "{title}": '
            f"{told} of {len(step.round.questions)} lengths told.\n\n"
            f"Press Enter to start the {label} telling (its clock starts then), "
            "or Esc to go back."
        )
    how = (
        "Say it aloud and mark the STAR beats with s t a r l as you go; write the "
        "figure in the one-line note (n) so it can be checked."
        if session.settings.mode == "spoken"
        else "Type it as you would say it."
    )
    return (
        f'Story drill: "{title}".\n\n'
        f"Tell this story four times: in {_LENGTHS}. The clock enforces each length: "
        "10 seconds after zero the telling is taken as it stands. After each one you "
        "see the STAR beats it has, its share on action, and what it dropped that the "
        f"bank or a longer telling keeps.\n\n{how}\n\n"
        f"Press Enter to start the {label} telling, or Esc to go back."
    )


def header_text(step: Step) -> str:
    count = len(step.round.questions)
    return (
        f"Story drill: {step.round.title}\n"
        f"Telling {step.question_index + 1} of {count}: {length_label(step.target_seconds)}"
    )


def status_text(session: Session, step: Step) -> str:
    """Beside the answer clock, in place of the round's time left, which means nothing
    in a drill: how far through the four lengths it is."""
    told = sum(1 for a in session.answers if a.kind == "main")
    return f"drill: {told} of {len(step.round.questions)} lengths told"


# --- what a telling kept and dropped --------------------------------------------------


def _share(telling: DrillTelling) -> str:
    if telling.action_share is None:
        return "nothing to measure"
    return f"{telling.action_share:.0%} of the telling (target about {ACTION_SHARE_TARGET:.0%})"


SPOKEN_FIGURE = " (spoken: only your note is read for figures; n writes it)"


def telling_lines(telling: DrillTelling, spoken: bool = False) -> Text:
    """One telling judged: beats, action share, what it dropped, what disagrees."""
    out = Text()
    taken = ", time up: taken as it stood" if telling.auto_submitted else ""
    out.append(
        f"{telling.label}: {fmt_seconds(telling.seconds)} used, "
        f"{plural(telling.words, 'word')}{taken}\n",
        style="bold",
    )
    if not telling.words and not telling.beats:
        out.append("  Passed over: nothing told at this length.")
        return out
    missing = [b for b in STAR_BEATS if b not in telling.beats]
    out.append(f"  STAR beats: {', '.join(telling.beats) or 'none found'}")
    out.append(f" (missing: {', '.join(missing)})\n" if missing else "\n")
    out.append(f"  Action: {_share(telling)}\n")
    for d in telling.dropped:
        what = "your own action" if d.what == "own action" else f"the {d.what}"
        out.append(f"  DROPPED {what}", style="bold")
        has = "have" if (d.in_bank and d.kept_by) or len(d.kept_by) > 1 else "has"
        note = SPOKEN_FIGURE if spoken and d.what == "figure" else ""
        out.append(f": {d.where} {has} it{note}\n")
    for conflict in telling.conflicts:
        out.append("  DISAGREES: ", style="bold")
        out.append(clip(conflict, 200) + "\n")
    if not telling.dropped and not telling.conflicts:
        kept = ", ".join(telling.keeps) or "nothing that matters"
        out.append(f"  Keeps: {kept}; nothing dropped, nothing disagrees\n")
    out.rstrip()
    return out


def verdict(review: DrillReview) -> Text:
    """How the drill ends: the shortest telling that still keeps the result and the figure
    and whose facts agree; a shorter one passed over for disagreeing is named, so the
    recommendation is never a telling with a wrong figure."""
    best = review.shortest
    if best is not None:
        out = Text(
            f"Your shortest telling that keeps the result and the figure: {best.label} "
            "(its facts agree with the bank and the longer tellings).",
            style="bold",
        )
    else:
        told = "so far " if not review.finished else ""
        how = (
            "mark r and note the number" if review.spoken else "say how it ended, with the number,"
        )
        agreeing = ""
        if review.passed_over:
            how, agreeing = "tell the figures as the bank has them", " with facts that agree"
        out = Text(
            f"No telling {told}keeps both the result and the figure{agreeing}: "
            f"{how} in every length.",
            style="bold",
        )
    for t in review.passed_over:
        out.append(
            f"\nThe {t.label} telling keeps both, but its facts disagree (see DISAGREES).",
            style="",
        )
    return out


class TellingScreen(Screen[bool]):
    """Shown after each telling but the last: what it kept and dropped, then the next length.

    A whole screen, not a panel over the interview: a panel covered the last lines of
    the answer and left the stopped clock showing behind it. The telling is shown here
    in full instead, under its judgement. Returns True when the candidate leaves the
    drill (Esc), False for the next length (Enter)."""

    BINDINGS = [
        Binding("enter", "close", "Next length"),
        # Esc goes back, as everywhere else: it used to start the next length's clock.
        Binding("escape", "leave", "Leave drill"),
    ]
    CSS_PATH = _CSS

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.review = review_drill(session, banked_story(session.origin.story))
        self.telling = next(t for t in self.review.tellings if t.answer == len(session.answers) - 1)
        step = session.current_step()
        self.next_label = length_label(step.target_seconds) if step else ""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="telling-panel"):
            yield Static(telling_lines(self.telling, self.review.spoken), id="telling")
            if not self.review.banked:
                yield Static("The story is no longer in your bank: compared with your "
                             "tellings only.", classes="hint")  # fmt: skip
            yield Static(
                f"Enter: the {self.next_label} telling (its clock starts then). "
                "Esc: leave the drill; home offers to resume it.",
                classes="hint",
            )
            if self.telling.text.strip():
                said = "Your note" if self.review.spoken else "What you told"
                yield Static(f"{said}:", classes="told-heading")
                yield Static(Text(self.telling.text), id="told")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#telling-panel").focus()

    def action_close(self) -> None:
        self.dismiss(False)

    def action_leave(self) -> None:
        self.dismiss(True)


class DrillScreen(Screen[None]):
    """The drill's end (or, opened from home, the drill as far as it went)."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]
    CSS_PATH = _CSS

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.review = review_drill(session, banked_story(session.origin.story))

    def compose(self) -> ComposeResult:
        review = self.review
        with VerticalScroll(id="drill"):
            yield Static(plain(f"Story drill: {review.title}"), classes="heading")
            yield Static(verdict(review), id="verdict")
            if not review.banked:
                yield Static("The story is no longer in your bank: compared with your "
                             "tellings only.", classes="hint")  # fmt: skip
            for telling in review.tellings:
                yield Static(telling_lines(telling, review.spoken), classes="drill-telling")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#drill").focus()


class DrillStartScreen(ModalScreen[str | None]):
    """Before a drill: typed or spoken (Enter takes the mode of the settings)."""

    BINDINGS = [
        Binding("enter", "choose('')", "Start"),
        Binding("t", "choose('typed')", "Typed"),
        Binding("s", "choose('spoken')", "Spoken"),
        Binding("escape", "cancel", "Cancel"),
    ]
    CSS_PATH = _CSS

    def __init__(self, story: Story, mode: str) -> None:
        super().__init__()
        self.story, self.mode = story, mode

    def compose(self) -> ComposeResult:
        with Vertical(id="drill-start"):
            yield Static(plain(f'Drill "{self.story.title}"'), classes="heading")
            # Each choice once, Enter beside the settings' mode ("Enter: typed   t: typed"
            # said the same choice twice).
            keys = "   ".join(
                f"{key}{' or Enter' if mode == self.mode else ''}: {mode}"
                for key, mode in (("t", "typed"), ("s", "spoken"))
            )
            yield Static(
                f"Told in {_LENGTHS}, each under a strict clock.\n"
                f"{keys}   Esc: cancel\n(Enter takes the mode in your settings.)",
                classes="hint",
            )

    def action_choose(self, mode: str) -> None:
        self.dismiss(mode or self.mode)

    def action_cancel(self) -> None:
        self.dismiss(None)
