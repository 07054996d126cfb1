"""A retried question beside the attempt before it: what changed; and a loop's
questions with every attempt of each, to pick one to retry.

The comparison is plain data (loops/review/retry.py ``Comparison``), built in a
thread because it reads the saved sessions to find the attempt before; this
screen only lays it out for 80x24: the two attempts side by side (vote, time,
words, I/we, flags, figures), then what changed as a list where Enter on a fact
that now disagrees shows both tellings side by side.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from loops.principles import BY_SLUG
from loops.problems import FileProblemError
from loops.review.debrief import shown_detail
from loops.review.retry import (
    Comparison,
    Retryable,
    Side,
    comparison_for,
    described,
    retryable_in,
)
from loops.session import Session, Step
from loops.store import session_from_toml, session_path
from loops.timing import fmt_seconds
from scoring.wording import plural
from tui.folders import sessions_folder
from tui.messages import RetryRequested
from tui.plain import plain
from tui.votes import attempts_votes, clip, vote_text


def intro_text(session: Session, step: Step, resuming: bool) -> str:
    """What the interview screen shows before a retry's question (or on resuming it)."""
    o, rnd = session.origin, step.round
    name = BY_SLUG[step.question.principle].name if step.question.principle in BY_SLUG else ""
    if resuming:
        return (
            f"Welcome back to your retry of the {name} question. Your draft is in the "
            "editor; the clock resumes from where it stopped.\n\nPress Enter to carry on."
        )
    s = session.settings
    return (
        f"A retry: the {name} question from round {o.round} of {_asked_in(o.source)}, asked again "
        f"by {rnd.interviewer} as before: the same clock ({s.timing}, "
        f"{fmt_seconds(s.main_seconds)} for the answer) and the same follow-ups.\n\n"
        "When you finish, you see it beside your earlier attempt: what changed, and any "
        "fact that now disagrees with what you said then.\n\n"
        "Press Enter when you're ready for the question (Esc cancels the retry)."
    )


def _asked_in(source: str) -> str:
    """Where the retried question was first asked: an import is an interview the
    candidate had, not a loop of theirs (one file read, once, for the intro)."""
    try:
        first = session_from_toml(session_path(source))
    except (FileProblemError, OSError):
        return "your loop"
    return described(first) if first.origin.kind == "import" else "your loop"


def _date(stamp: str) -> str:
    return stamp[:10] or "?"


def _time(side: Side) -> str:
    said = f"{fmt_seconds(side.seconds)} of {fmt_seconds(side.target_seconds)}"
    if side.cut:
        said += " cut"
    elif side.overtime:
        said += " over"
    return said


def side_by_side(c: Comparison) -> Table:
    """The two attempts in two columns, one measure a row."""
    table = Table(box=None, expand=True, padding=(0, 1), header_style="bold")
    table.add_column("", width=9, no_wrap=True, style="bold")
    before = "Retry" if c.before.retry else "First attempt"
    table.add_column(f"{before}, {_date(c.before.when)}", ratio=1)
    table.add_column(f"This retry, {_date(c.after.when)}", ratio=1)
    change = {0: " (same)"}.get(
        c.vote_change, f" ({'+' if c.vote_change > 0 else ''}{c.vote_change})"
    )
    after_vote = vote_text(c.after.vote)
    after_vote.append(change)
    table.add_row("Vote", vote_text(c.before.vote), after_vote)
    table.add_row("Time", _time(c.before), _time(c.after))
    table.add_row(
        "All told",
        f"{fmt_seconds(c.before.total_seconds)} with follow-ups",
        f"{fmt_seconds(c.after.total_seconds)} with follow-ups",
    )
    # Counted over the telling, follow-ups too, as "All told" times it and as the flags
    # and figures are read.
    table.add_row("All words", str(c.before.words), str(c.after.words))
    table.add_row(
        "All I/we",
        f"{c.before.i_count} / {c.before.we_count}",
        f"{c.after.i_count} / {c.after.we_count}",
    )
    table.add_row("Flags", ", ".join(c.before.flags) or "none", ", ".join(c.after.flags) or "none")
    table.add_row(
        "Figures",
        plain(", ".join(c.before.figures) or "none"),
        plain(", ".join(c.after.figures) or "none"),
    )
    return table


def changes(c: Comparison) -> list[Option]:
    """What changed, worst news first: facts that now disagree, flags, figures."""
    opts: list[Option] = []
    for n, changed in enumerate(c.changed):
        then, now = changed.then_now
        # One row a changed value: a figure said twice and changed twice is one change.
        times = len(changed.findings)
        where = f" ({times} sentences)" if times > 1 else ""
        opts.append(
            Option(
                Text.assemble(
                    ("CONTRADICTION", "bold"),
                    plain(
                        f' ({changed.kind}): "{clip(then, 24)}" then, "{clip(now, 24)}" now' + where
                    ),
                ),
                id=f"contra:{n}",
            )
        )
    for n, found in enumerate(c.checks):
        opts.append(
            Option(
                plain(
                    f"check ({found.kind}): "
                    + clip(shown_detail(found.detail, found.statements), 90)
                ),
                id=f"check:{n}",
            )
        )
    if not c.same_story:
        opts.append(
            Option("A different story from the one told before: its facts are not compared.",
                   disabled=True)
        )  # fmt: skip
    elif not c.contradictions and not c.checks:
        opts.append(Option("Same story, and no fact disagrees with the earlier telling.",
                           disabled=True))  # fmt: skip
    opts.append(Option(f"Flags gained: {', '.join(c.flags_gained) or 'none'}", disabled=True))
    opts.append(Option(f"Flags lost: {', '.join(c.flags_lost) or 'none'}", disabled=True))
    if c.figures_new or c.figures_dropped:
        opts.append(
            Option(
                plain(
                    f"Figures new: {', '.join(c.figures_new) or 'none'}; "
                    f"dropped: {', '.join(c.figures_dropped) or 'none'}"
                ),
                disabled=True,
            )
        )
    return opts


class RetryScreen(Screen[None]):
    """A finished retry compared with the attempt before it."""

    DEFAULT_CSS = """
    RetryScreen #retry-prompt { padding: 0 1; color: $text-muted; max-height: 2; }
    RetryScreen #retry-body { height: auto; max-height: 11; }
    RetryScreen #retry-changes { height: 1fr; min-height: 4; }
    RetryScreen #retry-changes { text-wrap: nowrap; text-overflow: ellipsis; }
    """
    AUTO_FOCUS = "#retry-changes"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("enter", "open", "Both tellings", priority=True),
        Binding("r", "retry", "Retry again"),
    ]

    def __init__(self, retry: Session) -> None:
        super().__init__()
        self.retry = retry
        self.comparison: Comparison | None = None

    def compose(self) -> ComposeResult:
        yield Static(
            "Retry: comparing with your earlier attempt…", classes="heading", id="retry-title"
        )
        yield Static(id="retry-prompt")
        with VerticalScroll(id="retry-body"):
            yield Static(id="retry-sides")
        yield OptionList(id="retry-changes")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#retry-changes").border_title = "What changed since the earlier attempt"
        self.compare()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def compare(self) -> None:
        """Find the attempt before and judge both, off the UI thread (it reads the
        saved sessions, tens of milliseconds each)."""
        comparison = comparison_for(self.retry, sessions_folder(self.app))
        self.app.call_from_thread(self.show, comparison)

    def show(self, c: Comparison | None) -> None:
        if not self.is_attached:
            return
        self.comparison = c
        title = self.query_one("#retry-title", Static)
        if c is None:
            title.update("Retry: the loop this question came from is gone, or nothing was answered")
            return
        name = BY_SLUG[c.principle].name if c.principle in BY_SLUG else c.principle
        title.update(plain(f"Retry: {name}, asked first in round {c.ref.round} of a loop"))
        self.query_one("#retry-prompt", Static).update(plain(clip(c.prompt, 150)))
        self.query_one("#retry-sides", Static).update(side_by_side(c))
        listing = self.query_one("#retry-changes", OptionList)
        listing.clear_options()
        listing.add_options(changes(c))
        listing.highlighted = 0 if c.contradictions or c.checks else None

    def action_open(self) -> None:
        listing = self.query_one("#retry-changes", OptionList)
        if listing.highlighted is not None:
            listing.action_select()

    @on(OptionList.OptionSelected, "#retry-changes")
    def _open(self, event: OptionList.OptionSelected) -> None:
        """A fact that disagrees: both tellings side by side, each one's sentence marked."""
        from tui.screens.answer_view import CompareScreen

        c = self.comparison
        if c is None:
            return
        kind, n = (event.option.id or ":").split(":")
        same = c.changed[int(n)].findings if kind == "contra" else (c.checks[int(n)],)
        found = same[0]
        if not found.statements:
            return
        then, now = found.statements
        # Every sentence of the row that is in these two answers is marked.
        left = [f.statements[0].sentence for f in same if f.answers == found.answers]
        right = [f.statements[1].sentence for f in same if f.answers == found.answers]
        what = "Contradiction" if kind == "contra" else "Check"
        self.app.push_screen(
            CompareScreen(
                f"{what} ({found.kind}) with your earlier attempt",
                c.answer_at(then.answer),
                c.answer_at(now.answer),
                list(dict.fromkeys(left)),
                list(dict.fromkeys(right)),
                (
                    f"{'Retry' if c.before.retry else 'First attempt'}, {_date(c.before.when)}",
                    f"This retry, {_date(c.after.when)}",
                ),
            )
        )

    def action_retry(self) -> None:
        """Ask the question once more: a new retry of the same question."""
        self.post_message(RetryRequested(self.retry, 1, 0))


def trend_line(q: Retryable) -> Text:
    """A question's attempts: how many, and the vote of each, oldest first."""
    name = BY_SLUG[q.principle].name if q.principle in BY_SLUG else q.principle
    line = Text(f"Round {q.ref.round} {name}: ", style="bold")
    # One attempt shows its vote too ("1 attempt: INCLINED"): "1 attempt, not retried
    # yet" left the vote out of a list that says "vote per attempt".
    line.append(f"{plural(len(q.attempts), 'attempt')}: ")
    line.append_text(attempts_votes([a.vote for a in q.attempts]))
    return line


class AttemptsScreen(Screen[None]):
    """A loop's answered questions, each with every attempt (the loop's and each retry's)
    and its vote per attempt; Enter retries the highlighted question."""

    DEFAULT_CSS = """
    AttemptsScreen #attempts { height: 1fr; }
    """
    AUTO_FOCUS = "#attempts"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("enter", "open", "Retry it", priority=True),
    ]

    def __init__(self, loop_id: str) -> None:
        super().__init__()
        self.loop_id = loop_id
        self.questions: list[Retryable] = []

    def compose(self) -> ComposeResult:
        yield Static("Questions of this loop, every attempt, vote per attempt", classes="heading")
        yield OptionList(Option("Reading the loop and its retries…", disabled=True), id="attempts")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    def on_screen_resume(self) -> None:
        if self.questions:  # back from a retry's comparison: one attempt more to show
            self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        """Read the saved sessions and score the retried questions' attempts, off the UI
        thread (a few milliseconds an attempt, and every session file is read)."""
        found = retryable_in(sessions_folder(self.app), self.loop_id)
        self.app.call_from_thread(self.show, found)

    def show(self, questions: list[Retryable]) -> None:
        if not self.is_attached:
            return
        self.questions = questions
        listing = self.query_one("#attempts", OptionList)
        listing.clear_options()
        if not questions:
            listing.add_option(Option("No answered question in this loop to retry.", disabled=True))
            return
        for n, q in enumerate(questions):
            listing.add_option(
                Option(Text.assemble(trend_line(q), "\n  ", plain(clip(q.prompt, 72))), id=f"q:{n}")
            )
        listing.highlighted = 0

    def action_open(self) -> None:
        listing = self.query_one("#attempts", OptionList)
        if listing.highlighted is not None:
            listing.action_select()

    @on(OptionList.OptionSelected, "#attempts")
    def _retry(self, event: OptionList.OptionSelected) -> None:
        q = self.questions[int((event.option.id or "q:0").split(":")[1])]
        folder = sessions_folder(self.app)
        try:
            loop = session_from_toml(session_path(q.ref.session_id, folder))
        except (FileProblemError, OSError) as exc:
            self.notify(f"Could not read the loop: {exc}", severity="error")
            return
        self.post_message(RetryRequested(loop, q.ref.round, q.ref.question_index))
