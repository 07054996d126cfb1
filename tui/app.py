"""The Textual app: holds the bank and the clock, and moves between screens.

Screens are small and post messages (tui/messages.py); the app answers
them by pushing the next screen. Everything a screen changes lives in the
Session, which is saved after every answer and while typing.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen

from loops import paths
from loops.bank import Bank, load_bank
from loops.lock import LoopLocked, SessionLock
from loops.planner import PlanError, plan_loop
from loops.private_files import clean_stale_temp_files
from loops.session import LoopSettings, Session, new_session_id
from loops.store import SessionWriter, new_session_path_is_free
from tui.commands import MockloopCommands
from tui.messages import (
    DrillRequested,
    LoopFinished,
    LoopLeft,
    LoopRequested,
    LoopStarted,
    RetryRequested,
    ScoreAhead,
    SessionChanged,
    SessionChosen,
)

if TYPE_CHECKING:
    from loops.runner import FollowUpPicker, LoopRunner
    from loops.stories import Story

FLUSH_SECONDS = 30.0
"""How long giving up a loop waits for its last writes: far more than any healthy disk."""


@dataclass
class SaveDone(Message):
    """The writer thread wrote a session (error None) or could not (the error)."""

    session_id: str
    error: OSError | None


DRAFT_KEPT = (
    "Your answer so far is saved. Run mockloop again and choose Resume on its home "
    "screen to go on from where you stopped."
)
"""Printed after quitting mid-answer, once the screen is gone."""


class MockloopApp(App[None]):
    """mockloop: a mock interview loop, played in the terminal."""

    TITLE = "mockloop"
    COMMANDS = App.COMMANDS | {MockloopCommands}
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="quit"),
        Binding("f1", "help", "Help", id="help"),
        Binding("question_mark", "help", "Help", show=False, id="help-alt"),
    ]

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        tick_clock: Callable[[], float] = time.monotonic,
        pick_follow_ups: FollowUpPicker | None = None,
        sessions_dir: Path | None = None,
        debrief: Session | None = None,
        drill: tuple[Story, str] | None = None,
        retry: tuple[Session, int, int] | None = None,
        vote_first: bool = False,
    ) -> None:
        super().__init__()
        self._open_debrief = debrief
        """A session to open the debrief of at start (``mockloop import`` passes one)."""
        self._vote_first = vote_first
        """With ``debrief``: the candidate votes each principle before reading it."""
        self._first_drill = drill
        """``mockloop drill SLUG``: (story, typed or spoken) to drill as soon as home is up."""
        self._first_retry = retry
        """``mockloop retry SESSION ROUND QUESTION``: (session, round, question index) to
        retry as soon as home is up."""
        self.clock = clock
        self.tick_clock = tick_clock
        """Times the gaps between the answer clock's ticks, to notice a suspended process.
        Tests pass their fake ``clock`` here too, so a jump of it looks like a suspension."""
        self.pick_follow_ups = pick_follow_ups
        """Tests may replace how follow-ups are chosen; None is the runner's own choice."""
        self.sessions_dir = sessions_dir
        self._bank: Bank | None = None
        self._prefetch_generation = 0
        self._prefetch_lock = threading.Lock()
        self._loop_lock: SessionLock | None = None
        """The lock on the loop this process may write (at most one at a time)."""
        self.writer = SessionWriter(self._saved)
        """Writes session files off the UI thread, in order; flushed before quitting."""
        self._playing: Session | None = None
        """The loop saved last: the one quitting must not lose."""
        self._failing: set[str] = set()
        """Loops whose last save failed and whose user has been told."""

    @property
    def bank(self) -> Bank:
        """Loaded on first use: the home screen does not need it."""
        if self._bank is None:
            self._bank = load_bank(paths.user_questions_dir())
            # A bad question file of the user's is skipped, never silently.
            for problem in self._bank.problems:
                self.notify(f"Question file skipped: {problem}", severity="warning", timeout=15)
        return self._bank

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice, from any screen, shown as written: notices carry file names,
        story titles and file problems, which markup would mangle or crash on."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def action_help_quit(self) -> None:
        """Ctrl+C (Textual's reflex-quit hint), in our words: Textual's own notice is
        markup ("Press [b]ctrl+q[/b] ..."), which ``notify`` above shows as written."""
        self.notify(
            "Press Ctrl+Q to quit; an answer you are typing is saved first.",
            title="Ctrl+C does not quit mockloop",
        )

    def runner_for(self, session: Session) -> LoopRunner:
        """The interview's rules for ``session``, saving through the app."""
        from loops.runner import LoopRunner  # the engine is not needed to start the app

        return LoopRunner(session, self.bank, save=self.save, pick_follow_ups=self.pick_follow_ups)

    def on_mount(self) -> None:
        if self._open_debrief is not None:  # over home: Escape goes home
            if self._vote_first:
                self.vote_then_debrief(self._open_debrief)
            else:
                self._debrief(self._open_debrief)
        # After the home screen's first paint, not before it.
        self.call_after_refresh(self._start_warm_up)
        clean_stale_temp_files(self.sessions_dir or paths.sessions_dir())
        if self._first_drill is not None:
            self.post_message(DrillRequested(*self._first_drill))
        if self._first_retry is not None:
            self.post_message(RetryRequested(*self._first_retry))

    def _start_warm_up(self) -> None:
        """Run the warm-up on a daemon thread, which quitting does not wait for.

        Not a Textual thread worker: those run in asyncio's default executor,
        which is joined when the app's event loop closes, so every run, even
        one quit at once, waited for the warm-up (about 1 s on a busy box).
        Nothing is lost by dropping it half-way: it only fills caches.
        """
        threading.Thread(target=self._warm_up_debrief, name="mockloop-warm-up", daemon=True).start()

    def _warm_up_debrief(self) -> None:
        """Import the debrief and score a tiny loop once, off the UI thread.

        The first debrief in a process otherwise pays for the imports (about
        0.15 s), compiling the scoring engine's patterns and reading the
        question bank's vocabulary; this leaves only the loop's own scoring.
        A failure here is not the candidate's concern (the debrief would meet
        it again and report it), and a traceback on stderr would scribble
        over the screen, so it is dropped.
        """
        with contextlib.suppress(Exception):
            self._warm_up()

    def _warm_up(self) -> None:
        import tui.screens.debrief  # noqa: F401
        from scoring.engine import analyze_loop
        from scoring.model import AnswerInput

        told = (
            "Last year our checkout service timed out for 3% of users. I owned the fix: "
            "I profiled the calls, found a retry storm, and we shipped a circuit breaker in "
            "two weeks. My manager asked me to lead it. Errors fell from 3% to 0.2%."
        )
        analyze_loop(
            [
                AnswerInput(1, "ownership", told, "Tell me about a time.", "main", 90.0),
                AnswerInput(1, "ownership", "We were late; I would measure earlier.", None,
                            "follow-up", 30.0),
                AnswerInput(2, "dive-deep", told.replace("3%", "5%"), None, "main", 80.0, True),
            ],
            2,
        )  # fmt: skip

    def prefetch_analysis(self, session: Session | Path) -> None:
        """Score a loop in a thread now, so opening its debrief finds the result ready.

        Called when the candidate highlights a finished loop (home, history) and
        after each answer of a loop in progress. ``session`` may be a session
        file, read in the thread. Only the latest request runs: one still queued
        behind a newer one returns at once.
        """
        self._prefetch_generation += 1
        self._prefetch(session, self._prefetch_generation)

    @work(thread=True, group="prefetch", exit_on_error=False)
    def _prefetch(self, session: Session | Path, generation: int) -> None:
        from loops.review.debrief import build_debrief
        from loops.store import session_from_toml

        if generation != self._prefetch_generation:
            return
        with self._prefetch_lock:  # one analysis at a time: each holds the GIL for ~50 ms
            if generation != self._prefetch_generation:
                return
            # The whole debrief, not only the analysis: with findings dismissed it also
            # judges the loop without the dismissals, to list them, and that must not
            # wait for the screen to open on the UI thread.
            build_debrief(session_from_toml(session) if isinstance(session, Path) else session)

    def get_default_screen(self) -> Screen[None]:
        from tui.screens.home import HomeScreen

        return HomeScreen()

    def lock_loop(self, session: Session) -> bool:
        """Take the lock on ``session`` before writing it; False if another process has it.

        A process plays one loop at a time, so taking a new one lets go of the last.
        """
        from loops import lock

        held = self._loop_lock
        if held is not None and held.held and held.session_id == session.id:
            return True
        self.release_loop()
        try:
            self._loop_lock = lock.acquire(session.id, self.sessions_dir)
        except LoopLocked as exc:
            self._refuse(session, exc)
            return False
        except OSError as exc:
            self.notify(f"Could not lock the loop: {exc}", severity="error", timeout=10)
            return False
        return True

    def release_loop(self) -> None:
        """Let another mockloop take the loop we were playing (back home, or quitting).

        Its last saves are written first: whoever takes it next reads them.
        """
        if self._loop_lock is not None:
            if not self.writer.flush(timeout=FLUSH_SECONDS):
                return  # the disk is stuck: keep the loop until our writes land or we exit
            self._loop_lock.release()
            self._loop_lock = None

    def _refuse(self, session: Session, exc: LoopLocked) -> None:
        """Say who has the loop and offer its schedule, read-only, instead of resuming."""
        from tui.screens.locked import LockedScreen
        from tui.screens.schedule import ScheduleScreen

        def chosen(choice: str | None) -> None:
            if choice == "schedule":
                self.push_screen(ScheduleScreen(session))

        self.push_screen(LockedScreen(exc.holder), chosen)

    def on_unmount(self) -> None:
        # However the app ends (quit, crash), the saves asked for are written first.
        self.writer.flush(timeout=FLUSH_SECONDS)
        self.release_loop()

    def save(self, session: Session) -> None:
        """Save the session: queued for the writer thread, so typing never waits on the disk.

        Only the holder of the loop's lock writes it: without the lock, two
        windows on one loop would overwrite each other's answers. A failed
        write is reported (``_saved``) and remembered until one succeeds, so
        quitting can warn.
        """
        if not self.lock_loop(session):
            return
        self._playing = session
        self.writer.save(session, self.sessions_dir)

    def _saved(self, session_id: str, error: OSError | None) -> None:
        """The writer's report, from its thread: handed to the UI thread as a message."""
        self.post_message(SaveDone(session_id, error))

    @on(SaveDone)
    def _report_save(self, message: SaveDone) -> None:
        """Say when saving starts failing and when it works again, not at every autosave."""
        sid, error = message.session_id, message.error
        if error is not None and sid not in self._failing:
            self._failing.add(sid)
            self.notify(f"Could not save: {error}", severity="error", timeout=10)
        elif error is None and sid in self._failing:
            self._failing.discard(sid)
            self.notify("Saving works again: your loop is on disk.")

    async def save_and_wait(self, session: Session) -> OSError | None:
        """Save ``session`` and wait for it: None once it is on disk, or why it is not."""
        self.save(session)
        await asyncio.to_thread(self.writer.flush)
        return self.writer.error(session.id)

    # --- navigation -------------------------------------------------------------

    @on(LoopRequested)
    def _plan(self, message: LoopRequested) -> None:
        from tui.screens.schedule import ScheduleScreen

        settings = message.settings
        try:
            plan = plan_loop(self.bank, settings.level, settings.rounds, settings.seed)
        except PlanError as exc:
            self.notify(str(exc), severity="error")
            return
        session = Session(id=self._new_session_id(), settings=settings, plan=plan)
        if not self.lock_loop(session):
            return
        # Not saved yet: a plan looked at and backed out of is not a loop to resume.
        # It is written when its first round begins (``_interview``).
        self.push_screen(ScheduleScreen(session))

    def _new_session_id(self) -> str:
        sid = new_session_id()
        while not new_session_path_is_free(sid, self.sessions_dir):
            sid = new_session_id() + "b"
        return sid

    @on(RetryRequested)
    def _retry(self, message: RetryRequested) -> None:
        """Ask one question of a past session again: a new retry session, played at once."""
        from loops.review.retry import RetryError, start_retry
        from tui.screens.interview import InterviewScreen

        try:
            session = start_retry(
                message.session, message.round, message.question_index, self._new_session_id()
            )
        except RetryError as exc:
            self.notify(str(exc), severity="error")
            return
        if not self.lock_loop(session):
            return
        self.save(session)
        self.push_screen(InterviewScreen(self.runner_for(session), self.clock, self.tick_clock))

    @on(DrillRequested)
    def _drill(self, message: DrillRequested) -> None:
        """A new drill of a banked story, played at once by the interview screen, with
        the level and lengths of the candidate's settings."""
        from loops.review.drill import drill_session
        from loops.settings import load_settings
        from tui.screens.interview import InterviewScreen

        own = load_settings().settings
        settings = LoopSettings(
            level=own.level,
            rounds=own.rounds,
            main_seconds=own.main_seconds,
            follow_up_seconds=own.follow_up_seconds,
            mode=message.mode,
        )
        session = drill_session(message.story, settings, self._new_session_id())
        if not self.lock_loop(session):
            return
        self.save(session)
        self.push_screen(InterviewScreen(self.runner_for(session), self.clock, self.tick_clock))

    @on(LoopStarted)
    @on(SessionChosen)
    def _interview(self, message: LoopStarted | SessionChosen) -> None:
        from tui.screens.interview import InterviewScreen

        session = message.session
        if session.finished:
            if session.voting:  # quit while giving their own votes: back to them
                if self.lock_loop(session):
                    self.vote_then_debrief(session)
                return
            self._debrief(session)
            return
        if not self.lock_loop(session):
            return
        if isinstance(message, LoopStarted):
            self.save(session)  # a new loop is first written as its first round begins
        self.push_screen(InterviewScreen(self.runner_for(session), self.clock, self.tick_clock))

    @on(ScoreAhead)
    def _score_ahead(self, message: ScoreAhead) -> None:
        self.prefetch_analysis(message.session)

    @on(LoopLeft)
    def _left(self, message: LoopLeft) -> None:
        self.release_loop()

    @on(SessionChanged)
    def _changed(self, message: SessionChanged) -> None:
        self.save(message.session)

    @on(LoopFinished)
    def _finished(self, message: LoopFinished) -> None:
        session = message.session
        if session.settings.self_vote:
            self.vote_then_debrief(session)
        else:
            self._debrief(session)

    def vote_then_debrief(self, session: Session) -> None:
        """The candidate's own votes first (saved as given; a loop quit among them is
        resumed there, with the votes given), then the debrief."""
        from tui.screens.self_vote import SelfVoteScreen

        def voted(_done: bool | None) -> None:
            if session.voting:  # resuming the loop now opens its debrief
                session.end_voting()
                self.save(session)
            self._debrief(session)

        self.push_screen(SelfVoteScreen(session), voted)

    def _debrief(self, session: Session) -> None:
        """The loop's debrief; a retry's comparison with the attempt before it."""
        from tui.screens.debrief import DebriefScreen
        from tui.screens.drill import DrillScreen
        from tui.screens.retry import RetryScreen

        # The answering is over: let another window open the loop. A finding dismissed
        # in the debrief takes the lock again for its save (``save``).
        self.release_loop()
        if session.origin.kind == "retry":
            self._back_to_where_retried()
            self.push_screen(RetryScreen(session))
            return
        # Back from the debrief goes home, not into a finished interview.
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if session.origin.kind == "drill":
            self.push_screen(DrillScreen(session))
        else:
            self.push_screen(DebriefScreen(session))

    def _back_to_where_retried(self) -> None:
        """Close a finished retry's interview (and what is over it), so Esc on its
        comparison returns to where it was started: the debrief, history's list of
        questions, or home. A comparison it was retried from ('r' there) is closed
        too: the new one replaces it."""
        from tui.screens.interview import InterviewScreen
        from tui.screens.retry import RetryScreen

        at = max(
            (k for k, s in enumerate(self.screen_stack) if isinstance(s, InterviewScreen)),
            default=len(self.screen_stack),
        )
        while len(self.screen_stack) > max(at, 1):
            self.pop_screen()
        while len(self.screen_stack) > 1 and isinstance(self.screen, RetryScreen):
            self.pop_screen()

    # --- actions ------------------------------------------------------------------

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_over_answer(HelpScreen())

    def action_command_palette(self) -> None:
        """Textual's palette, pushed as help is: over an answer its clock stops."""
        from textual.command import CommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_over_answer(CommandPalette(id="--command-palette"))

    def push_over_answer(self, screen: Screen[Any]) -> None:
        """Push a screen of mockloop's own (help, the command palette): over a running
        answer it stops the answer clock until it closes, in every timing (README,
        Timing)."""
        from tui.screens.interview import InterviewScreen

        under = self.screen
        closed = under.pause_while_covered() if isinstance(under, InterviewScreen) else None
        self.push_screen(screen, closed)

    async def action_quit(self) -> None:
        """Quit, saving any answer in progress first; never quit over unsaved work.

        When the loop cannot be written (a full or read-only disk), the app stays
        open and offers to write it elsewhere, retry, or quit and lose it.
        """
        from tui.screens.unsaved import UnsavedScreen

        if isinstance(self.screen, UnsavedScreen):
            return  # already asking
        drafted = False
        for shown in reversed(self.screen_stack):  # the answer may be under the help
            save_now = getattr(shown, "save_draft_now", None)
            if callable(save_now):
                save_now()
                drafted = bool(getattr(shown, "holds_draft", False))
                break
        await asyncio.to_thread(self.writer.flush)  # the last save is on disk, or failed
        session = self._playing
        error = self.writer.error(session.id) if session is not None else None
        if session is None or error is None:
            # Said on the terminal once the screen is gone: quitting mid-answer left
            # no word that the answer was kept.
            self.exit(message=Text(DRAFT_KEPT) if drafted and session is not None else None)
            return

        def chosen(choice: str | None) -> None:
            if choice == "written":
                folder = self.sessions_dir or paths.sessions_dir()
                self.exit(
                    message=Text(  # a path is not markup
                        f"Your loop was written to {screen.written}. To resume it, "
                        f"copy that file into {folder} once the disk can be written."
                    )
                )
            elif choice in ("saved", "lose"):
                self.exit()

        screen = UnsavedScreen(session, error, self.save_and_wait)
        self.push_screen(screen, chosen)
