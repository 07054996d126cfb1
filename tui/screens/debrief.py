"""The debrief: the hiring meeting after the loop.

Outcome first, then four tabs: each round as its interviewer would write it
up (vote per principle, quoted evidence, flags), what the interviewers
notice when they read each other's notes (stories told twice, facts that
disagree between rounds), the 16 principles at a glance, and timing.
Enter on a quote, a flag or a cross-round finding shows the answer(s) with
the words that mattered highlighted.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from typing import Any

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import AwaitMount, Widget
from textual.widgets import Footer, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from loops.levels import level_name
from loops.planner import kind_name
from loops.principles import BY_SLUG
from loops.problems import FileProblem
from loops.review.debrief import (
    Debrief,
    QuestionVerdict,
    SelfCheck,
    build_debrief,
    decision_words,
    outcome_beside,
    reuse_marks,
    shown_detail,
    similarity_text,
)
from loops.review.imports import PastTelling
from loops.review.matching import StoryMatch
from loops.session import AnswerRecord, Session, say_answers, speaking_seconds
from loops.stories import Story
from loops.timing import (
    ACTION_SHARE_TARGET,
    SITUATION_TASK_TARGET,
    beat_split,
    fmt_seconds,
)
from scoring import LoopAnalysis
from scoring.model import VOTE_WORDS, Contradiction, Outcome, Reuse
from scoring.wording import plural, said_once
from tui.folders import path_lines, sessions_folder, toast_room
from tui.messages import RetryRequested, SessionChanged
from tui.notices import withdraw
from tui.plain import plain
from tui.screens.stories import StoryFormScreen
from tui.votes import QuoteLine, clip, vote_text
from tui.widgets.rows import RowList


def outcome_text(out: Outcome, mine: SelfCheck | None = None, skipped: int = 0) -> Text:
    """The outcome, and with ``mine`` (the candidate's own votes) how theirs compared.

    One paragraph, wrapped at the screen's width: the decision, the count, the engine's
    reason and the Bar Raiser's vote, each said once (the count and the Bar Raiser's vote
    are left out where the reason already says them). At 80x24 a boxed outcome of a line
    per fact took 6 to 8 rows of 24; this takes 1 or 2 (one more with the candidate's
    own votes), and the votes below get the rest.

    ``skipped`` questions have no vote: said beside the count, so "2 of 2 votes
    inclined" is not read as two of two questions when seven more were skipped."""
    hire = out.decision == "hire"
    counts, bar_raiser = outcome_beside(
        out.reason, out.inclined, out.total, skipped, out.bar_raiser_vote
    )
    text = Text.assemble(
        (decision_words(out.decision), "bold green" if hire else "bold red"),
        f" ({'; '.join(counts)}). " if counts else ". ",
        out.reason,
    )
    if bar_raiser:
        text.append(f" Bar Raiser: {bar_raiser}.")
    if mine is not None and mine.votes:
        text.append(f"\nYour own votes: {mine.sentence()}")
    return text


def timing_table(session: Session, round_index: int, analysis: LoopAnalysis | None = None) -> Table:
    """Each answer's words and time against its target; with ``analysis``, also
    the I/we counts and the numbers it gave (what interviewers count)."""
    table = Table(expand=True, header_style="bold", show_lines=False, box=None, padding=(0, 1))
    table.add_column("Asked", ratio=5)
    table.add_column("Words", justify="right", width=5, no_wrap=True)
    if analysis:
        table.add_column("I/we", justify="right", width=5, no_wrap=True)
    table.add_column("Clock / target", justify="right", width=15, no_wrap=True)
    for i, a in enumerate(session.answers):
        if a.round != round_index:
            continue
        asked = plain(("Q: " if a.kind == "main" else "  then: ") + clip(a.prompt, 90))
        if a.skipped:
            # Nothing said: no words, no I/we, no time to judge against the target (its
            # clock ran only until the skip key), and nothing counted in the totals.
            skip_cells: list[Text | str] = [asked, "-", *(["-"] if analysis else [])]
            table.add_row(*skip_cells, Text("skipped", style="italic"))
            continue
        if analysis and analysis.answers[i].signals.numbers:
            asked += "\n     numbers: " + ", ".join(
                said_once(analysis.answers[i].signals.numbers)[:6]
            )
        time_text = f"{fmt_seconds(a.seconds)} / {fmt_seconds(a.target_seconds)}"
        if a.auto_submitted:
            time_text += " cut"
        elif a.overtime:
            time_text += " over"
        cells: list[Text | str] = [asked, str(a.words)]
        if analysis:
            s = analysis.answers[i].signals
            cells.append(f"{s.i_count}/{s.we_count}")
        table.add_row(*cells, Text(time_text, style="bold" if a.overtime else ""))
        if a.beats:
            split = beat_split(a.beats, a.seconds)
            beat_cells: list[Text | str] = [
                Text(
                    f"     spoken: situation+task {fmt_seconds(split.situation_task)} "
                    f"(target under {fmt_seconds(SITUATION_TASK_TARGET)}"
                    f"{', too long' if split.setup_too_long else ''}), action "
                    f"{split.action_share:.0%} of the time (target about "
                    f"{ACTION_SHARE_TARGET:.0%})",
                    style="italic",
                ),
                "",
            ]
            table.add_row(*beat_cells, *([""] * (2 if analysis else 1)))
    return table


def counted_vote(q: QuestionVerdict) -> Text:
    """The vote the meeting counts, and the telling's own when a contradiction lowered it.

    The reason goes on a line of its own: the rounds list does not wrap, and at 80
    columns a long principle name cut it to "STRONGLY NOT INCLINED (was not incl…".
    """
    line = vote_text(q.counted)
    if q.vote != q.counted:
        line.append("\n      (was ")
        line.append_text(vote_text(q.vote, lower=True))
        line.append("; lowered by a contradiction)")
    return line


_LINE_LIMIT = 500
"""A flag is one line, cut by the list at the width it has (``DebriefScreen``'s CSS: no
wrap, an ellipsis), so a wide terminal shows it whole; this only bounds a pathological
one. A quote is fitted to the width around its credited words (``QuoteLine``)."""


_CHECK_LIMIT = 400
"""A check is shown whole (wrapped), in its row and over its comparison: its detail ends
on what to do about it ("if it is one story, tell another in one of these rounds"),
which a cut at 150 characters left as "tell another in one o…"."""


_STORY_QUOTE = 150
"""How much of a new story's answer the Stories tab quotes: two wrapped rows at 80 columns."""


def evidence_options(d: Debrief) -> list[Option]:
    """Rounds tab: per round, per principle, the counted vote, its quotes and the flags."""
    session, analysis = d.session, d.analysis
    opts: list[Option] = []
    for rnd in session.plan.rounds:
        kind = kind_name(rnd.kind)
        opts.append(
            Option(
                Text(f"Round {rnd.index}: {rnd.interviewer} ({kind})", style="bold"), disabled=True
            )
        )
        for q in d.round_questions(rnd.index):
            main, mine = q.main, q.answers
            if main is None:
                said = "skipped" if q.skipped else "not answered"
                opts.append(Option(Text(f"  {q.principle_name}: {said}"), disabled=True))
                continue
            line = Text(f"  {q.principle_name}: ")
            line.append_text(counted_vote(q))
            opts.append(Option(line, id=f"ans:{main}:-1:-1:vote"))
            if q.self_vote is not None:
                own = Text("    your vote: ", style="bold")
                own.append_text(vote_text(q.self_vote))
                own.append(f" ({q.self_verdict})")
                opts.append(Option(own, disabled=True))
            # The two strongest pieces of evidence across the telling, then the
            # main answer's flags; each follow-up's flags on one line. Enough to
            # read the vote; everything else is one Enter away.
            quotes = d.evidence(q)[:2]  # the exports list all of them
            for i, n, ev in quotes:
                mark = "+" if ev.positive else "-"
                row: QuoteLine | Text = Text(f"    {mark} {clip(ev.note, _LINE_LIMIT)}")
                if ev.quote:
                    # Shortened to the list's width around the words credited (or
                    # faulted), not cut at the end: a credited clause often ends a
                    # long sentence.
                    focus = ev.focus or (ev.start, ev.end)
                    row = QuoteLine(
                        f"    {mark} {ev.note}: ",
                        ev.quote,
                        (focus[0] - ev.start, focus[1] - ev.start),
                    )
                opts.append(Option(row, id=f"ans:{i}:{ev.start}:{ev.end}:ev{n}"))
            for flag in analysis.answers[main].flags:
                start = -1 if flag.start is None else flag.start
                end = -1 if flag.end is None else flag.end
                opts.append(
                    Option(
                        Text(
                            "    " + clip(f"flag {flag.name}: {flag.message}", _LINE_LIMIT),
                            style="italic",
                        ),
                        id=f"ans:{main}:{start}:{end}:{flag.name}",
                    )
                )
            for k, i in enumerate(x for x in mine if x != main):
                flags = analysis.answers[i].flags
                if flags:
                    first = flags[0]
                    start = -1 if first.start is None else first.start
                    end = -1 if first.end is None else first.end
                    names = ", ".join(f.name for f in flags)
                    opts.append(
                        Option(
                            Text(f"    follow-up {k + 1} flags: {names}", style="italic"),
                            id=f"ans:{i}:{start}:{end}:{first.name}",
                        )
                    )
    return opts


def cross_options(d: Debrief) -> list[Option]:
    """Across-rounds tab: each reused story, each contradiction, each check (never
    counted against a vote), then the findings the candidate dismissed (x takes a
    dismissal back)."""
    answers = d.session.answers
    opts: list[Option] = []

    def between(rounds: tuple[int, int], pair: tuple[int, int]) -> str:
        # The principles by name, as every other tab says them, not by slug.
        a, b = (BY_SLUG[answers[k].principle].name for k in pair)
        return f"round {rounds[0]} ({a}) and round {rounds[1]} ({b})"

    def reuse_line(n: int, reuse: Any, prefix: str, head: str, verdict: str) -> None:
        i, j = reuse.answers
        opts.append(
            Option(
                Text.assemble(
                    (head, "bold"),
                    f"{between(reuse.rounds, (i, j))}: {verdict}, "
                    f"similarity {similarity_text(reuse.similarity)}; shared: "
                    + ", ".join(clip(e, 30) for e in reuse.evidence[:3]),
                ),
                id=f"{prefix}:{n}",
            )
        )

    def contra_line(n: int, c: Any, prefix: str, head: str) -> None:
        opts.append(
            Option(
                Text.assemble(
                    (head, "bold"),
                    f"({c.kind}) {between(c.rounds, c.answers)}: "
                    + clip(shown_detail(c.detail, c.statements), 150),
                ),
                id=f"{prefix}:{n}",
            )
        )

    for n, reuse in enumerate(d.reused):
        reuse_line(n, reuse, "reuse", "REUSED ", "same story")
    for n, c in enumerate(d.contradictions):
        contra_line(n, c, "contra", "CONTRADICTION ")
    for n, c in enumerate(d.analysis.checks):
        opts.append(
            Option(
                Text.assemble(
                    ("CHECK ", "bold"),
                    f"({c.kind}) {between(c.rounds, c.answers)}, not counted against "
                    # Whole: its last words say what to do about it.
                    "a vote: "
                    + clip(shown_detail(c.detail, c.statements), _CHECK_LIMIT, at_word=True),
                ),
                id=f"check:{n}",
            )
        )
    if not opts:
        opts.append(
            Option(
                Text("No story was told twice and no facts disagree between rounds."),
                disabled=True,
            )
        )
    if d.dismissed_reused or d.dismissed_contradictions:
        opts.append(Option(Text("Dismissed by you (not counted)", style="bold"), disabled=True))
        for n, reuse in enumerate(d.dismissed_reused):
            # Whose word is whose: "NOT THE SAME STORY ... same story" read as a
            # contradiction of itself.
            reuse_line(
                n,
                reuse,
                "dreuse",
                "NOT THE SAME STORY ",
                "you said two stories; mockloop had read one",
            )
        for n, c in enumerate(d.dismissed_contradictions):
            held = c.key in d.held and c.key not in d.session.dismissed
            contra_line(
                n, c, "dcontra", "NOT A CONFLICT (with its story) " if held else "NOT A CONFLICT "
            )
    return opts


def finding_key(d: Debrief, option_id: str | None) -> str | None:
    """The key of the reuse or contradiction a row of ``cross_options`` shows (what
    ``x`` toggles); None for a check, a heading or a note."""
    kind, _, n = (option_id or "").partition(":")
    lists: dict[str, Sequence[Reuse | Contradiction]] = {
        "reuse": d.reused,
        "contra": d.contradictions,
        "dreuse": d.dismissed_reused,
        "dcontra": d.dismissed_contradictions,
    }
    found = lists.get(kind)
    return found[int(n)].key if found is not None else None


def side_label(answer: AnswerRecord) -> str:
    """One side of a comparison: its round and principle, and which answer of the
    question it is when not the main one ("follow-up 2")."""
    label = f"Round {answer.round} ({BY_SLUG[answer.principle].name})"
    if answer.follow_up_index is not None:
        label += f", follow-up {answer.follow_up_index + 1}"
    return label


def principle_grid(d: Debrief) -> Table:
    """All 16 principles: the rounds that grade each, and the votes the meeting counts."""
    table = Table(expand=True, header_style="bold", box=None, padding=(0, 1))
    table.add_column("Principle", ratio=3)
    table.add_column("Rounds", width=7)
    table.add_column("Vote", ratio=2)
    for p in d.principles:
        if p.votes:
            vote_cell = Text(" / ").join(vote_text(v, lower=True) for _, v in p.votes)
        else:
            skipped = any(q.skipped for q in d.questions if q.principle == p.slug)
            vote_cell = Text(
                ("skipped" if skipped else "not answered") if p.rounds else "not probed"
            )
        table.add_row(plain(p.name), ", ".join(map(str, p.rounds)) or "-", vote_cell)
    return table


class SteadyFooter(Footer):
    """A Footer that rebuilds its keys only when the keys it shows change.

    Footer rebuilds all its keys on every bindings refresh (each focus change,
    each screen pushed over its own); opening the debrief asked for five
    identical rebuilds, about a third of the time to open it.
    """

    _shown: object = None

    def _showing(self) -> object:
        """What compose() draws from: the shown bindings and the footer's options."""
        if not self._bindings_ready or not self.is_attached:
            return None
        app = self.app
        return (
            [
                (b.binding, b.enabled, b.tooltip, app.get_key_display(b.binding))
                for key, b in self.screen.active_bindings.items()
                if b.binding.show or key == app.COMMAND_PALETTE_BINDING
            ],
            self.show_command_palette,
            self.compact,
            app.ENABLE_COMMAND_PALETTE,
        )

    def compose(self) -> ComposeResult:
        # What is drawn is read here, when the keys are composed, not when a rebuild
        # was asked for: the rebuild first awaits the old keys' removal, and focus can
        # move meanwhile (a tab's list hidden, the next one focused). Remembering the
        # keys as they were asked for left Enter out of Across rounds' footer, and
        # every later rebuild was skipped as "the same".
        self._shown = self._showing()
        yield from super().compose()

    async def recompose(self) -> None:
        showing = self._showing()
        if showing is not None and showing == self._shown:
            return
        await super().recompose()


def _place(listing: OptionList, row: Callable[[str], Hashable]) -> tuple[Hashable, float] | None:
    """Where the candidate is in ``listing``: what its highlighted row is about (by
    ``row`` of the row's id) and how far the list is scrolled; None before any row."""
    at = listing.highlighted
    oid = listing.get_option_at_index(at).id if at is not None else None
    key = row(oid) if oid else None
    return None if key is None else (key, listing.scroll_y)


def _keep_place(
    listing: OptionList, row: Callable[[str], Hashable], place: tuple[Hashable, float] | None
) -> bool:
    """After ``listing`` is filled again, highlight the row about the same thing as
    before, scrolled as it was; False when that row is gone (or there was none).

    A tab's list refilled (the loop judged again after x, a story banked) went back to
    its first row: coming back to the tab, the candidate had lost their place."""
    if place is None:
        return False
    key, scroll = place
    rows = [row(listing.get_option_at_index(n).id or "") for n in range(listing.option_count)]
    if key not in rows:
        return False
    listing.scroll_to(y=scroll, animate=False, immediate=True)
    listing.highlighted = rows.index(key)
    return True


JUDGING = "Judging the loop again…"
"""Said when x is pressed, while the loop is judged again in a thread."""


class DebriefScreen(Screen[None]):
    DEFAULT_CSS = """
    DebriefScreen #evidence { text-wrap: nowrap; text-overflow: ellipsis; }
    """
    # Focus the rounds at once (the default would focus the tabs first, then
    # on_mount moved it: two restyles and two footer refreshes).
    AUTO_FOCUS = "#evidence"
    # The footer fits 80 columns with ^q Quit and f1 Help in it (with every key in
    # it, they were pushed off the edge): Enter where a line opens, Esc, the exports
    # grouped, and x, a and r each only on its tab, while the highlighted line is one
    # it acts on. The tab keys are not in the footer: each tab's label starts with
    # its key ("2 Across rounds").
    # Every key works on every tab (x, a and r off their tab say which tab they are
    # for); help (F1) and the palette (Ctrl+P) list them all.
    _EXPORT = Binding.Group("Export", compact=True)
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        # Priority: the focused list would otherwise take Enter with its own,
        # unshown binding, and the footer could not say what Enter does.
        Binding("enter", "open", "Open", priority=True, id="open"),
        Binding("1", "tab('rounds')", "Rounds", show=False),
        Binding("2", "tab('cross')", "Across rounds", show=False),
        Binding("3", "tab('grid')", "Principles", show=False),
        Binding("4", "tab('timing')", "Timing", show=False),
        Binding("5", "tab('stories')", "Stories", show=False),
        Binding("m", "export('md')", "Export .md", group=_EXPORT),
        Binding("h", "export('html')", "Export .html", group=_EXPORT),
        Binding("j", "export('json')", "Export .json", group=_EXPORT),
        # Shown on its own tab (check_action); the unshown binding of the same key
        # answers on the other tabs.
        Binding("x", "on_tab('cross', 'dismiss_finding')", "Not so", id="dismiss-finding"),
        Binding("x", "dismiss_finding", show=False),
        Binding("a", "on_tab('stories', 'bank_story')", "Bank", id="bank-story"),
        Binding("a", "bank_story", show=False),
        Binding("r", "on_tab('rounds', 'retry')", "Retry", id="retry-question"),
        Binding("r", "retry", show=False),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter opens what the highlighted line stands for, so it is offered only on a
        list with a line to open (not on a tab whose list is a single note, such as
        Across rounds with nothing found); x, a and r are shown on their own tab, on a
        line they act on."""
        if action == "open":
            focused = self.focused
            return isinstance(focused, OptionList) and focused.highlighted is not None
        if action == "on_tab":
            tab, what = parameters
            return self.query_one(TabbedContent).active == tab and self._acts_on(str(what))
        return True

    def _acts_on(self, action: str) -> bool:
        """Whether x, a or r does its work on the highlighted line of its tab's list:
        a finding to dismiss or restore (not a check), a NEW STORY to bank, an answer."""
        selector = {
            "dismiss_finding": "#cross-list",
            "bank_story": "#story-list",
            "retry": "#evidence",
        }[action]
        found = self.query(selector)  # Across rounds is filled when first shown
        listing = found.first(OptionList) if found else None
        if listing is None or listing.highlighted is None:
            return False
        oid = listing.get_option_at_index(listing.highlighted).id or ""
        if action == "dismiss_finding":
            return finding_key(self.debrief, oid) is not None
        if action == "bank_story":
            return oid.startswith("new:")
        return oid.startswith("ans:")

    async def action_on_tab(self, tab: str, action: str) -> None:
        """A key shown on ``tab``'s footer: the screen's ``action``."""
        await self.run_action(action)

    @on(OptionList.OptionHighlighted)
    def _line_changed(self) -> None:
        """Enter follows whether a line is highlighted (a list filled or emptied)."""
        self.refresh_bindings()

    def action_open(self) -> None:
        focused = self.focused
        if isinstance(focused, OptionList):
            focused.action_select()

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.debrief = build_debrief(session)
        self.stories: list[Story] = []
        self.matches: list[StoryMatch] = []
        self._filled: set[str] = set()

    @property
    def analysis(self) -> LoopAnalysis:
        return self.debrief.analysis

    def compose(self) -> ComposeResult:
        s, d = self.session, self.debrief
        total = speaking_seconds(s.answers)
        rounds = plural(len(s.plan.rounds), "round")  # an import may have only one
        if s.origin.kind == "import":
            # Its times are estimated from words; the file's name says more, in 80 columns.
            heading = f"Debrief: {s.origin.source} (imported), {rounds}, "
            heading += say_answers(s.answers)
        else:
            heading = (
                f"Debrief: {level_name(s.settings.level)} loop, {rounds}, "
                f"{say_answers(s.answers)}, {fmt_seconds(total)} speaking time"
            )
        yield Static(
            plain(heading),
            classes="heading",
        )
        yield Static(outcome_text(d.outcome, d.self_check, d.skipped_questions), id="outcome")
        n_cross = len(d.reused) + len(d.contradictions) + len(d.analysis.checks)
        with TabbedContent(id="debrief-tabs"):
            with TabPane("1 Rounds", id="rounds"):
                yield RowList(*evidence_options(d), id="evidence")
            # Tabs 2 to 4 are filled when first shown (_fill_pane): the outcome
            # and the rounds are ready without building what may never be read.
            yield TabPane(f"2 Across rounds ({n_cross})", id="cross")
            yield TabPane("3 Principles", id="grid")
            yield TabPane("4 Timing", id="timing")
            with TabPane("5 Stories", id="stories"):
                yield RowList(
                    Option("Matching answers to your story bank…", disabled=True),
                    id="story-list",
                )
        yield SteadyFooter()

    def _pane_content(self, tab: str) -> Widget | None:
        s, d, analysis = self.session, self.debrief, self.analysis
        if tab == "cross":
            return RowList(*cross_options(d), id="cross-list")
        if tab == "grid":
            return VerticalScroll(Static(principle_grid(d), id="principle-grid"))
        if tab == "timing":
            timing = [
                widget
                for rnd in s.plan.rounds
                for widget in (
                    Static(Text(f"Round {rnd.index}: {rnd.interviewer}", style="bold")),
                    Static(timing_table(s, rnd.index, analysis)),
                )
            ]
            return VerticalScroll(*timing, id="timing-body")
        return None

    def _fill_pane(self, tab: str) -> AwaitMount | None:
        """Mount a tab's content the first time it is shown."""
        if tab in self._filled:
            return None
        self._filled.add(tab)
        if tab == "stories":
            # Matching every answer against the bank takes a thread tens of
            # milliseconds; started when the tab is first shown, it no longer
            # competes with the debrief's first paint.
            self.match_stories()
            return None
        content = self._pane_content(tab)
        if content is None:
            return None
        return self.query_one(f"#{tab}", TabPane).mount(content)

    @on(TabbedContent.TabActivated, "#debrief-tabs")
    async def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_bindings()  # x, a and r follow the tab shown
        filling = self._fill_pane(event.pane.id or "")
        if filling is not None:
            await filling

    def on_mount(self) -> None:
        self.query_one("#evidence").focus()
        if self.session.finished:
            self._remember()

    @work(thread=True, exclusive=True, group="remember", exit_on_error=False)
    def _remember(self) -> None:
        """Cache the loop's history row, off the UI thread: it rewrites the whole
        history cache (tens of milliseconds with 200 loops), and nothing on
        screen needs it. The loop is scored already, so the row itself is cheap."""
        from loops.review.history import remember

        remember(self.session, self.analysis)

    def action_export(self, fmt: str) -> None:
        """Write the debrief to <data dir>/exports/<session id>.<fmt>, owner-only."""
        from loops import paths
        from loops.private_files import ensure_private_dir
        from loops.review.exports import ExportError, write_export

        folder = paths.data_dir() / "exports"
        try:
            ensure_private_dir(folder)
        except OSError as exc:
            # A read-only home, or a file where the folder should be: say which folder.
            reason = exc.strerror or str(exc)
            self.notify(
                f"Export failed: cannot make the folder {folder} ({reason})",
                severity="error",
                timeout=10,
            )
            return
        path = folder / f"{self.session.id}.{fmt}"
        try:
            write_export(self.debrief.to_json(), fmt, path)
        except (ExportError, OSError) as exc:
            self.notify(f"Export failed: {exc}", severity="error")
            return
        what = {"md": "Markdown", "html": "an HTML page", "json": "JSON"}[fmt]
        shown = path_lines(path, toast_room(self.app))
        self.notify(f"Saved the debrief as {what}:\n{shown}", timeout=8)

    async def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        filling = self._fill_pane(tab)
        if filling is not None:
            await filling
        pane = self.query_one(f"#{tab}", TabPane)
        for widget in pane.query("OptionList, VerticalScroll"):
            widget.focus()
            break

    @on(OptionList.OptionSelected, "#evidence")
    def _open_answer(self, event: OptionList.OptionSelected) -> None:
        from tui.screens.answer_view import AnswerScreen

        _, index, start, end, what = (event.option.id or "").split(":", 4)
        i, s, e = int(index), int(start), int(end)
        result = self.analysis.answers[i]
        if what == "vote":
            why = f"Vote: {VOTE_WORDS[result.vote]}. Highlights mark the evidence."
            spans = [(ev.start, ev.end) for ev in result.vote_evidence]
        elif what.startswith("ev"):
            ev = result.vote_evidence[int(what[2:])]
            why = f"{'For' if ev.positive else 'Against'} the vote: {ev.note}"
            spans = [(s, e)]
        else:
            flag = next(f for f in result.flags if f.name == what)
            why = f"{flag.name}: {flag.message}"
            spans = [(s, e)] if s >= 0 else []
        self.app.push_screen(AnswerScreen(self.session.answers[i], result, spans, why))

    @on(OptionList.OptionSelected, "#cross-list")
    def _open_pair(self, event: OptionList.OptionSelected) -> None:
        from tui.screens.answer_view import CompareScreen

        kind, n = (event.option.id or "").split(":")
        answers = self.session.answers
        d = self.debrief
        if kind in ("reuse", "dreuse"):
            reuse = (d.reused if kind == "reuse" else d.dismissed_reused)[int(n)]
            # Each side is the answer that tells the story again, which may be a
            # follow-up after a main answer about something else.
            i, j = d.retold_in(reuse)
            marks = reuse_marks(reuse)
            title = f"Same story in rounds {reuse.rounds[0]} and {reuse.rounds[1]}"
            labels = (side_label(answers[i]), side_label(answers[j]))
            self.app.push_screen(CompareScreen(title, answers[i], answers[j], marks, marks, labels))
        else:
            found = {
                "contra": d.contradictions,
                "dcontra": d.dismissed_contradictions,
                "check": d.analysis.checks,
            }[kind]
            c = found[int(n)]
            i, j = c.answers
            # Each side's whole sentence, from the finding itself: no parsing of `detail`.
            left = [c.statements[0].sentence] if c.statements else []
            right = [c.statements[1].sentence] if c.statements else []
            what = "Check" if kind == "check" else "Contradiction"
            limit = _CHECK_LIMIT if kind == "check" else 120
            shown = shown_detail(c.detail, c.statements)
            title = f"{what} ({c.kind}): {clip(shown, limit, at_word=True)}"
            self.app.push_screen(CompareScreen(title, answers[i], answers[j], left, right))

    # --- the candidate's last word -------------------------------------------------

    def action_dismiss_finding(self) -> None:
        """x on a cross-round finding: "not the same story" / "not a conflict", or back.

        Saved in the session file; the loop is judged again (in a thread) and
        every tab, the outcome and later exports follow.
        """
        listing = self.query_one("#cross-list", OptionList) if "cross" in self._filled else None
        here = self.query_one(TabbedContent).active == "cross"
        if here and listing is not None and listing.highlighted is None:
            self.notify("No story was told twice and no facts disagree: nothing to dismiss.")
            return
        if listing is None or not here or listing.highlighted is None:
            self.notify("Open Across rounds (2) and pick a finding to dismiss or restore.")
            return
        oid = listing.get_option_at_index(listing.highlighted).id
        d = self.debrief
        key = finding_key(d, oid)
        if key is None:
            return
        kind = (oid or "").split(":")[0]
        held = d.held.get(key) if kind == "dcontra" else None
        if held is not None and key not in self.session.dismissed:
            # Out of the votes only because its story was said to be two: a toggle of its
            # own key would say "Dismissed" / "Restored" and change nothing.
            self.notify(
                f"Dismissed with the reuse it belongs to (rounds {held.rounds[0]} and "
                f"{held.rounds[1]}, NOT THE SAME STORY); restore the reuse first. "
                "Nothing changed.",
                timeout=6,
            )
            return
        dismissed = self.session.toggle_dismissed(key)
        if dismissed:
            said = "Dismissed: not counted in the votes."
        elif held is not None:
            said = (
                "Your own dismissal is taken back, but it stays dismissed with the reuse of "
                f"rounds {held.rounds[0]} and {held.rounds[1]}; restore the reuse to count it."
            )
        else:
            said = "Restored: counted again."
            kept = [c for c, r in d.held.items() if r.key == key and c in self.session.dismissed]
            if kept:
                said += (
                    f" Still dismissed by you: {plural(len(kept), 'conflict')} between these "
                    "rounds (x on it to restore)."
                )
        self.post_message(SessionChanged(self.session))
        said += " " + JUDGING
        self.notify(said, timeout=6)
        self._rejudge(key, listing.highlighted, said if kind in ("reuse", "dreuse") else "")

    @work(thread=True, exclusive=True, group="rejudge", exit_on_error=False)
    def _rejudge(self, key: str, highlighted: int, said: str = "") -> None:
        debrief = build_debrief(self.session)
        self.app.call_from_thread(self._show_debrief, debrief, key, highlighted, said)

    def _taken_with(self, debrief: Debrief, key: str, said: str) -> None:
        """After x on a story: the conflicts it took with it, or brought back, told.

        Saying two tellings are different stories drops the contradictions found
        between them; they left the list and the votes with no word, so the
        candidate could not tell x on the story had done it, nor that x again undoes
        it. ``said`` is the notice shown when x was pressed: replaced by this one."""
        before = {c.key for c in self.debrief.contradictions}
        after = {c.key for c in debrief.contradictions}
        went = [k for k in before - after if k != key]
        came = [k for k in after - before if k != key]
        if not went and not came:
            return
        reuse = next(
            (r for r in (*debrief.reused, *debrief.dismissed_reused) if r.key == key), None
        )
        between = f"between rounds {reuse.rounds[0]} and {reuse.rounds[1]}" if reuse else ""
        n = plural(len(went or came), "contradiction")
        if went:
            them = "it" if len(went) == 1 else "them"
            more = f"{n} {between} went with it; x again on it brings {them} back."
        else:
            more = f"{n} {between} came back with it."
        more = " ".join(more.split())  # no rounds known: no double space
        line = said.removesuffix(" " + JUDGING) + " " + more[0].upper() + more[1:]
        withdraw(self.app, said)
        self.notify(line, timeout=8)

    def _show_debrief(self, debrief: Debrief, key: str, highlighted: int, said: str = "") -> None:
        """Redraw everything the verdict feeds: outcome, rounds, across rounds, grid."""
        if said:
            self._taken_with(debrief, key, said)
        self.debrief = debrief
        self.query_one("#outcome", Static).update(
            outcome_text(debrief.outcome, debrief.self_check, debrief.skipped_questions)
        )
        evidence = self.query_one("#evidence", OptionList)
        at, place = evidence.highlighted, _place(evidence, str)
        evidence.clear_options()
        evidence.add_options(evidence_options(debrief))
        if not _keep_place(evidence, str, place):
            evidence.highlighted = at
        cross = self.query_one("#cross-list", OptionList)
        cross.clear_options()
        cross.add_options(cross_options(debrief))
        # The highlight follows the finding just toggled to its new row (among the
        # dismissed, or back): x again takes it back, and Down goes on from there.
        # Its old row number could land on the "Dismissed by you" heading, which is
        # disabled: x there did nothing and Down restarted at the top.
        rows = [finding_key(debrief, o.id) for o in cross.options]
        cross.highlighted = rows.index(key) if key in rows else min(highlighted, len(rows) - 1)
        n_cross = len(debrief.reused) + len(debrief.contradictions) + len(debrief.analysis.checks)
        self.query_one(TabbedContent).get_tab("cross").label = f"2 Across rounds ({n_cross})"
        if "grid" in self._filled:
            self.query_one("#principle-grid", Static).update(principle_grid(debrief))
        if "stories" in self._filled:
            self.match_stories()  # a story said to be two is two stories to bank
        if self.session.finished:
            self._remember()

    def action_retry(self) -> None:
        """r on an answer in Rounds: ask that question again, as a retry, and compare."""
        listing = self.query_one("#evidence", OptionList)
        at = listing.highlighted
        oid = listing.get_option_at_index(at).id if at is not None else None
        if self.query_one(TabbedContent).active != "rounds" or not oid:
            self.notify("Open Rounds (1) and pick an answer to retry its question.")
            return
        answer = self.session.answers[int(oid.split(":")[1])]
        self.post_message(RetryRequested(self.session, answer.round, answer.question_index))

    # --- the story bank -------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False)
    def match_stories(self) -> None:
        """Match each main answer to a banked story, off the UI thread."""
        from loops.review.matching import match_answers
        from loops.stories import load_stories

        stories, problems = load_stories()
        # The stories the debrief says were told twice are one story here too; a reuse
        # the candidate dismissed is two (match_answers reads the dismissals).
        same = [r.answers for r in self.debrief.reused]
        matches = match_answers(self.session, stories, same=same) if not problems else []
        past: list[PastTelling] = []
        if self.session.origin.kind == "import":
            # A real interview is read against every loop played before it.
            from loops.review.imports import past_tellings
            from loops.store import load_sessions

            folder = sessions_folder(self.app)
            past = past_tellings(self.session, load_sessions(folder).sessions)
        self.app.call_from_thread(self.show_stories, stories, matches, problems, past)

    def show_stories(
        self,
        stories: list[Story],
        matches: list[StoryMatch],
        problems: list[FileProblem],
        past: Sequence[PastTelling] = (),
    ) -> None:
        listing = self.query_one("#story-list", OptionList)
        place = _place(listing, self._story_row)  # read with the matches it was shown with
        self.stories, self.matches = stories, matches
        titles = {s.id: s.title for s in stories}
        listing.clear_options()
        if problems:
            listing.add_option(
                Option(plain(f"Story bank unreadable: {problems[0]}"), disabled=True)
            )
            return
        rounds = {m.answer: m.round for m in matches}
        for k, m in enumerate(matches):
            name = BY_SLUG[m.principle].name
            again = (
                f", told again in round{'s' if len(m.told_again) > 1 else ''} "
                + " and ".join(map(str, m.told_again))
                if m.told_again
                else ""
            )
            if m.same_as is not None and m.story_id is None:
                # One story told twice is one story to bank: from its first telling.
                listing.add_option(
                    Option(
                        plain(
                            f"Round {m.round} {name}: the same story as round "
                            f"{rounds.get(m.same_as, '?')}, told again (bank it from round "
                            f"{rounds.get(m.same_as, '?')})"
                        ),
                        disabled=True,
                    )
                )
                continue
            if m.story_id is None:
                # The list wraps and has the rows: the opening of the answer, cut at a
                # word (a cut at 40 characters ended quotes mid-figure).
                first = clip(self.session.answers[m.answer].text, _STORY_QUOTE, at_word=True)
                listing.add_option(
                    Option(
                        Text.assemble(
                            f"Round {m.round} {name}: ",
                            ("NEW STORY", "bold"),
                            f' (a banks it){again}: "{first}"',
                        ),
                        id=f"new:{k}",
                    )
                )
                self._past_lines(listing, m, past)
                continue
            listing.add_option(
                Option(
                    plain(
                        f"Round {m.round} {name}: banked story "
                        f'"{clip(titles.get(m.story_id, m.story_id), 120, at_word=True)}" '
                        f"({similarity_text(m.similarity)}){again}"
                        + (
                            f", the same story as round {rounds.get(m.same_as, '?')}"
                            if m.same_as is not None
                            else ""
                        )
                    ),
                    id=f"match:{k}",
                )
            )
            for n, c in enumerate(m.conflicts):
                listing.add_option(
                    Option(
                        Text.assemble(
                            ("    CONTRADICTS YOUR BANK ", "bold"),
                            f"({c.kind}): {clip(shown_detail(c.detail), 200, at_word=True)}",
                        ),
                        id=f"conflict:{k}:{n}",
                    )
                )
            self._past_lines(listing, m, past)
        if not matches:
            listing.add_option(Option("No main answers to match.", disabled=True))
            return
        # Matched again (x in Across rounds, a story banked): the candidate's place is
        # kept, on the row of the same answer. Shown the first time, a row is highlighted
        # from the start (the first new story, which a banks), so a on a freshly opened
        # tab does what its row says.
        if _keep_place(listing, self._story_row, place):
            return
        ids = [listing.get_option_at_index(i).id or "" for i in range(listing.option_count)]
        listing.highlighted = next((i for i, oid in enumerate(ids) if oid.startswith("new:")), 0)

    def _story_row(self, option_id: str) -> tuple[int, ...] | None:
        """What a Stories row is about, the same after the answers are matched again:
        its answer ("new:k" and "match:k"; a story banked turns one into the other),
        and for a clash with the bank, which clash."""
        kind, _, rest = option_id.partition(":")
        if kind not in ("new", "match", "conflict"):
            return None
        k, *clash = (int(n) for n in rest.split(":"))
        return (self.matches[k].answer, *clash)

    @staticmethod
    def _past_lines(listing: OptionList, m: StoryMatch, past: Sequence[PastTelling]) -> None:
        """Under an imported answer: the earlier sessions that tell the same story."""
        for p in past:
            if p.answer != m.answer:
                continue
            listing.add_option(
                Option(
                    plain(
                        f"    ALSO TOLD in the {p.kind} of {p.date}, round {p.round} "
                        f"({BY_SLUG[p.principle].name}), {similarity_text(p.similarity)}"
                    ),
                    disabled=True,
                )
            )
            for kind, detail in p.contradictions:
                listing.add_option(
                    Option(
                        Text.assemble(
                            ("    CONTRADICTS THAT TELLING ", "bold"),
                            f"({kind}): {clip(shown_detail(detail), 200, at_word=True)}",
                        ),
                        disabled=True,
                    )
                )

    @on(OptionList.OptionSelected, "#story-list")
    def _open_story_row(self, event: OptionList.OptionSelected) -> None:
        """Enter on a Stories row does what the row is about: a NEW STORY opens the
        form to bank it (as a does); a banked story or a clash with it opens the answer
        that told it, so the candidate can read what was said against the bank."""
        from tui.screens.answer_view import AnswerScreen

        oid = event.option.id or ""
        if oid.startswith("new:"):
            self.action_bank_story()
            return
        kind, _, rest = oid.partition(":")
        if kind not in ("match", "conflict"):
            return
        match = self.matches[int(rest.split(":")[0])]
        title = next((s.title for s in self.stories if s.id == match.story_id), match.story_id)
        why = f'Tells your banked story "{title}" ({similarity_text(match.similarity)}).'
        index = match.answer
        if kind == "conflict":
            conflict = match.conflicts[int(rest.split(":")[1])]
            why = f"Contradicts your bank ({conflict.kind}): {conflict.detail}"
            index = conflict.answer
        self.app.push_screen(
            AnswerScreen(self.session.answers[index], self.analysis.answers[index], [], why)
        )

    def action_bank_story(self) -> None:
        """Open the story form on a story drafted from the highlighted answer."""
        from loops.review.matching import story_from_answer

        listing = self.query_one("#story-list", OptionList)
        if self.query_one(TabbedContent).active != "stories" or listing.highlighted is None:
            self.notify("Open the Stories tab (5) and pick a NEW STORY to bank it.")
            return
        oid = listing.get_option_at_index(listing.highlighted).id or ""
        if not oid.startswith("new:"):
            self.notify("That answer already matches a banked story.")
            return
        match = self.matches[int(oid.removeprefix("new:"))]
        draft = story_from_answer(
            match.telling or self.session.answers[match.answer].text,
            match.principle,
            [s.id for s in self.stories],
        )
        # The draft's title is the answer's first words and its figures are
        # fragments: the candidate checks them in the story form before saving.
        self.app.push_screen(DraftStoryForm(draft), self._banked)

    def _banked(self, story: Story | None) -> None:
        from loops.problems import FileProblemError
        from loops.stories import bank_add

        if story is None:
            return
        try:
            # Onto the bank as it is on disk now, not the list read earlier; the id
            # follows the title as edited.
            _, added = bank_add(replace(story, id=""))
        except (OSError, FileProblemError) as exc:
            self.notify(f"Could not save the story bank: {exc}", severity="error")
            return
        self.notify(f'Banked "{added.title}". Edit it from the story bank (b on home).')
        self.match_stories()


class DraftStoryForm(StoryFormScreen):
    """The story form on a story drafted from an answer: it is new, not an edit."""

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(".heading", Static).update(
            "New story, drafted from your answer: check the title and figures, then Ctrl+S"
        )
