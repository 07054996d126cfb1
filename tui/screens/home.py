"""Home: start a new loop, resume an unfinished one, or quit."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from loops.levels import level_name
from loops.problems import FileProblemError
from loops.store import SessionSummary, SummaryList, load_summaries, session_from_toml
from scoring.wording import plural
from tui.folders import sessions_folder
from tui.history_text import clip_middle
from tui.messages import LoopLeft, ScoreAhead, SessionChosen
from tui.plain import plain

IMPORT_NAME_ROOM = 22
"""An import's file name on its home line: "Debrief: <name> (imported), 12 answers;
01 Dec 11:16" then fits the menu's 72 columns at 80 (LINE_ROOM), on one line."""

_BLURB = (
    "A full behavioral loop, one round after another, under the clock.\n"
    "Nothing is graded until the debrief, as in the real thing."
)


def played_at(iso: str) -> str:
    """When a loop was last played, in the user's local time, as every home line says
    it: "30 Nov 18:42", or "30 Nov 2025" for another year.

    The one format of a date on home: the lines built to fit 80 columns had dropped
    the weekday while the others kept it ("Fri 20 Nov 10:00" above "02 Dec 06:48").
    Saved times are UTC ISO strings.
    """
    try:
        when = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso[:10]
    if when.year != datetime.now().year:
        return when.strftime("%d %b %Y")
    return when.strftime("%d %b %H:%M")


PRACTICE_KINDS = ("retry", "drill")
"""Sessions home leaves to history once finished (an import is a real interview's
debrief, read like a loop's)."""


LINE_ROOM = 72
"""Columns of text on one menu line at 80 columns (the screen's margin, the menu's
border and padding take 8; a 73rd character wraps). A loop's line is built to fit
it, so it never wraps onto a second line."""


def _fitted(head: str, where: str, short_where: str, s: SessionSummary) -> str:
    """A loop's line, "<head>, <where>; <timing>, <mode>; <when>", in LINE_ROOM columns.

    Which loop it is (its level, when it was last played) and where it stopped (its
    round, answers, a draft) always show; how it is played goes first when the line
    is too long: the mode, then the timing, then "draft saved" is said "+ draft"
    ("Resume: Staff / Principal, round 6/6, 18 answers, draft saved; relaxed, typed;
    Wed 02 Dec 04:00" wrapped onto two lines).
    """
    when = played_at(s.updated_at)
    tries = (
        f"{where}; {s.timing}, {s.mode}; {when}",
        f"{where}; {s.timing}; {when}",
        f"{where}; {when}",
    )
    return next(
        (f"{head}, {t}" for t in tries if len(head) + 2 + len(t) <= LINE_ROOM),
        f"{head}, {short_where}; {when}",
    )


def describe(s: SessionSummary) -> str:
    """One menu line for a saved loop: where it stands, how it is played, when last played
    (fits 80 columns: "Resume: SDE II, round 1/5, 1 answer; strict, typed; 30 Nov 18:42").

    Two unfinished loops of the same level used to read the same; timing, mode
    and the time of the last answer tell them apart.
    """
    level = level_name(s.level)
    how = f"{s.timing}, {s.mode}; {played_at(s.updated_at)}"
    if s.kind == "import":  # a real interview: no level, timing or mode was played here
        return (
            # Cut in the middle: imports' file names differ at their end ("...-v2.txt").
            f"Debrief: {clip_middle(s.source, IMPORT_NAME_ROOM)} (imported), "
            f"{plural(s.answers, 'answer')}; "
            f"{played_at(s.updated_at)}"
        )
    if s.kind == "drill" and not s.finished:  # one story at four lengths; always strict
        told = f"{s.answers} of {plural(4, 'length')}"  # "1 of 4 lengths", not "1 length of 4"
        return f"Resume drill: {told} told; {s.mode}; {played_at(s.updated_at)}"
    draft = ", draft saved" if s.draft_saved else ""
    if s.kind in PRACTICE_KINDS:  # practice: one question or one story, not a loop's round
        if s.finished:
            return f"Open {s.kind}: finished; {how}"
        return f"Resume {s.kind}: {plural(s.answers, 'answer')}{draft}; {how}"
    answers = plural(s.answers, "answer")
    if s.finished:
        where = f"{plural(s.rounds, 'round')}, {answers}"
        return _fitted(f"Debrief: {level}", where, where, s)
    if s.voting:  # every question answered; the candidate's own votes are not all in
        where = f"your votes {s.votes_given}/{s.votes_asked}"
        return _fitted(f"Resume: {level}", where, where, s)
    where = f"round {s.current_round}/{s.rounds}, {answers}"
    short_where = f"{where} + draft" if s.draft_saved else where
    return _fitted(f"Resume: {level}", f"{where}{draft}", short_where, s)


ENTER_DOES = {
    "new": "New loop",
    "resume": "Resume",
    "debrief": "Debrief",
    "open": "Open",
    "quit": "Quit",
}
"""What Enter does on each kind of menu line, as the footer says it."""


class HomeScreen(Screen[None]):
    BINDINGS = [
        # One Enter per kind of line, each shown only while its kind is highlighted
        # (check_action): the footer says what Enter does on the line under the
        # cursor. Priority: the focused menu would otherwise take Enter with its own,
        # unshown binding.
        *(
            Binding("enter", f"choose('{kind}')", words, priority=True)
            for kind, words in ENTER_DOES.items()
        ),
        # n is shown only on the Quit line: on the New loop line the footer read
        # "⏎ New loop  n New loop", one action twice, and on a loop's line (Resume,
        # Debrief) it pushed "f1 Help" off the 80-column footer ("f1 H"), which there
        # also offers d Delete. Elsewhere the second, unshown n answers (the palette's
        # New loop runs "new", offered everywhere; help lists n).
        Binding("n", "offer_new", "New loop"),
        Binding("n", "new", "New loop", show=False),
        # Not in the footer, which has no room at 80 columns: the newest unfinished
        # loop is the line highlighted on arrival, where the footer says "Enter Resume".
        # Help and the palette list r.
        Binding("r", "resume", "Resume", show=False),
        Binding("b", "stories", "Stories"),
        Binding("h", "history", "History"),
        Binding("d", "delete", "Delete"),  # shown only on a loop's line
        Binding("d", "no_loop_to_delete", show=False),  # d anywhere else: says why not
        Binding("q", "app.quit", "Quit", show=False),
        # An Enter typed while mockloop starts, before the terminal is put in raw
        # mode, arrives as a newline (the terminal turns Return into Ctrl+J then).
        Binding("ctrl+j", "choose_highlighted", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sessions = SummaryList()
        self._just_mounted = False
        self._listed = False
        """The menu is filled and focused. Until then Enter is left to the menu: a key
        pressed during start-up reaches it once it is filled (README, Decisions)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static("mockloop", id="title")
            yield Static(_BLURB, id="blurb")
            yield OptionList(id="menu")
            yield Static("", id="problems")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_sessions()
        self._just_mounted = True
        from loops.paths import exposed_folder_warnings

        for warning in exposed_folder_warnings():
            self.notify(warning, title="Not private", severity="warning", timeout=30)

    def on_screen_resume(self) -> None:
        # Back home, no loop is being played: let another window take ours.
        self.post_message(LoopLeft())
        # Textual sends ScreenResume straight after Mount when the screen is
        # first shown: the folder was read a moment ago, so don't read it twice
        # (with many sessions that doubled the start-up). Later resumes (back
        # from setup, a debrief...) read it again.
        if self._just_mounted:
            self._just_mounted = False
            return
        self.refresh_sessions()

    def refresh_sessions(self) -> None:
        self.sessions = load_summaries(sessions_folder(self.app))
        menu = self.query_one("#menu", OptionList)
        menu.clear_options()
        options: list[Option] = [Option("New loop", id="new")]
        unfinished = self.sessions.unfinished
        # A retry or a drill is practice, not a loop: history lists it once done, and
        # home only offers to resume one left half-way.
        finished = [
            s for s in self.sessions.summaries if s.finished and s.kind not in PRACTICE_KINDS
        ]
        options += [Option(plain(describe(s)), id=f"open:{s.id}") for s in unfinished[:6]]
        practice = self.sessions.practice_unfinished
        options += [Option(plain(describe(s)), id=f"open:{s.id}") for s in practice[:2]]
        options += [Option(plain(describe(s)), id=f"open:{s.id}") for s in finished[:4]]
        options.append(Option("Quit", id="quit"))
        menu.add_options(options)
        menu.highlighted = 1 if self.sessions.unfinished or practice else 0
        self.refresh_bindings()  # Enter's words and "Delete loop" follow the highlight
        menu.focus()
        self._listed = True
        problems = self.sessions.problems
        note = self.query_one("#problems", Static)
        lines = self._settings_problems()
        if problems:
            lines += [f"Skipped {plural(len(problems), 'unreadable file')}, left untouched:"]
            lines += [f"  {p}" for p in problems[:5]]
        note.update(plain("\n".join(lines)))

    def _settings_problems(self) -> list[str]:
        """Every bad setting in full (file, line, field, what is allowed), here where it
        can be read before a loop starts: a toast in setup was cut at 80 columns and
        was still up at the first question. Read again on each return home, so a
        fixed file clears it."""
        from loops.settings import load_settings

        bad = load_settings().problems
        if not bad:
            return []
        lines = [f"Settings: {plural(len(bad), 'problem')}; the defaults are used until fixed:"]
        return lines + [f"  {p}" for p in bad]

    @on(OptionList.OptionSelected, "#menu")
    async def _chosen(self, event: OptionList.OptionSelected) -> None:
        oid = event.option.id or ""
        if oid == "new":
            self.action_new()
        elif oid == "quit":
            await self.app.run_action("quit")  # as Ctrl+Q: never over an unsaved loop
        elif oid.startswith("open:"):
            self._resume(oid.removeprefix("open:"))

    @on(OptionList.OptionHighlighted, "#menu")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """A finished loop under the cursor is scored now, so Enter opens it at once."""
        self.refresh_bindings()  # the footer's Enter and d follow the cursor
        oid = event.option.id or ""
        if not oid.startswith("open:"):
            return
        for s in self.sessions.summaries:
            if s.id == oid.removeprefix("open:") and s.finished:
                self.post_message(ScoreAhead(s.path))
                return

    def _resume(self, sid: str) -> None:
        """Read the chosen loop in full (the list holds only summaries) and open it."""
        for s in self.sessions.summaries:
            if s.id == sid:
                try:
                    session = session_from_toml(s.path)
                except FileProblemError as exc:
                    self.notify(str(exc), severity="error", timeout=10)
                    self.refresh_sessions()
                    return
                self.post_message(SessionChosen(session))
                return

    def action_new(self) -> None:
        from tui.screens.setup import SetupScreen

        self.app.push_screen(SetupScreen())

    def action_offer_new(self) -> None:
        """n as the footer shows it, off the New loop line (see BINDINGS)."""
        self.action_new()

    def action_history(self) -> None:
        from tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen())

    def action_stories(self) -> None:
        from tui.screens.stories import StoryBankScreen

        self.app.push_screen(StoryBankScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter says what it does on the highlighted line; "Delete loop" is shown only
        on a loop (d on any other line has nothing to delete; and at 80 columns the
        footer has no room for both it and Enter's "New loop"); n's "New loop" only
        on the Quit line (see BINDINGS). Before the menu is filled none of them is
        offered: a key pressed that early goes on to the menu, which is filled and
        focused by the time the key reaches it."""
        if action in ("choose", "delete", "offer_new") and not self._listed:
            return False
        if action == "choose":
            return parameters == (self._highlighted_kind(),)
        if action == "delete":
            return self.highlighted_loop() is not None
        if action == "offer_new":  # Enter says it on New loop; no room on a loop's line
            return self._highlighted_kind() == "quit"
        return True

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """As Textual finds them, less "^q Quit" in the footer on the Quit line, where
        "⏎ Quit" already says it (the footer read Quit twice). Ctrl+Q still quits
        there: keys are dispatched from the bindings themselves, not from this map."""
        active = super().active_bindings
        if self._listed and self._highlighted_kind() == "quit":
            for key, shown in active.items():
                if shown.binding.action == "quit":
                    hidden = dataclasses.replace(shown.binding, show=False)
                    active[key] = shown._replace(binding=hidden)
        return active

    def _highlighted_kind(self) -> str | None:
        """The ENTER_DOES kind of the highlighted menu line."""
        menu = self.query_one("#menu", OptionList)
        if menu.highlighted is None:
            return None
        oid = menu.get_option_at_index(menu.highlighted).id or ""
        if oid in ("new", "quit"):
            return oid
        chosen = self.highlighted_loop()
        if chosen is None:
            return None
        if not chosen.finished:
            return "resume"
        return "open" if chosen.kind in PRACTICE_KINDS else "debrief"

    def action_choose(self, kind: str) -> None:
        """Enter: the highlighted line, as the menu's own Enter would choose it."""
        self.query_one("#menu", OptionList).action_select()

    def action_choose_highlighted(self) -> None:
        """Ctrl+J, an early Enter (see BINDINGS): the highlighted line, as Enter."""
        self.query_one("#menu", OptionList).action_select()

    def highlighted_loop(self) -> SessionSummary | None:
        menu = self.query_one("#menu", OptionList)
        if menu.highlighted is None:
            return None
        oid = menu.get_option_at_index(menu.highlighted).id or ""
        sid = oid.removeprefix("open:") if oid.startswith("open:") else None
        return next((s for s in self.sessions.summaries if s.id == sid), None)

    def action_no_loop_to_delete(self) -> None:
        self.notify("Highlight a loop to delete it.")

    def action_delete(self) -> None:
        """d on a loop: after a yes, its file moves to the trash (loops/trash.py)."""
        from tui.screens.confirm import ask_to_delete

        chosen = self.highlighted_loop()
        if chosen is None:
            self.notify("Highlight a loop to delete it.")
            return
        ask_to_delete(self, chosen.id, describe(chosen), self.refresh_sessions)

    def action_resume(self) -> None:
        """r: the newest unfinished session of any kind (a loop, a retry, a drill), as
        home lists them all; r on loops only said there was nothing to resume beside a
        "Resume drill" row."""
        newest = next((s for s in self.sessions.summaries if not s.finished), None)
        if newest is not None:
            self._resume(newest.id)
        else:
            self.notify("Nothing unfinished to resume.")
