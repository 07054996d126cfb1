"""A round in progress: the interviewer's intro, then each question and its follow-ups.

The screen shows one step at a time (a main question or one follow-up),
times it, and records the answer in the Session, which is saved after each
answer and every couple of seconds while the candidate types. Nothing is
graded here, as in a real loop.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static, TextArea

from loops.runner import LoopRunner
from loops.session import Session, Step, now_iso, said_nothing
from loops.timing import BEATS, Stopwatch, beat_seconds, fmt_seconds
from scoring.wording import plural, word_count
from tui.messages import LoopFinished, ScoreAhead
from tui.notices import withdraw
from tui.plain import plain
from tui.widgets.answer_area import AnswerArea
from tui.widgets.clock import ClockBar

EMPTY = "Not submitted: the answer is empty. Type your answer, or press Ctrl+S again to skip"
"""What happened and what to do: "The answer is empty." alone left a stranger unsure
whether Ctrl+S had saved an empty answer, and did not say that typing was the way on."""
SKIP_PROMPT = f"{EMPTY} this question."
"""The notice after Ctrl+S on an empty answer; withdrawn once the question is done."""
SKIP_FOLLOW_UP_PROMPT = f"{EMPTY} this follow-up."
"""The same on a follow-up: skipping it passes only it, and the question's next
follow-up (or the next question) is asked, so it does not say "this question"."""


def skip_prompt(step: Step) -> str:
    return SKIP_PROMPT if step.kind == "main" else SKIP_FOLLOW_UP_PROMPT


AUTOSAVE_SECONDS = 2.0
BEAT_KEYS: dict[str, tuple[str, str]] = {
    "situation": ("s", "situation"),
    "task": ("t", "task"),
    "action": ("a", "action"),
    "result": ("r", "result"),
    "reflection": ("l", "lesson"),
}
"""Each beat's key and word: the bindings, the beat line's labels and its help all
come from here. Result and reflection both start with r, so the reflection is the
lesson, l."""
BEAT_TICK_SECONDS = 0.5
"""How often the spoken beat line re-reads the clock."""
ELAPSED_SAVE_SECONDS = 5.0
"""With nothing typed, the clock's time is still written this often."""
"""How often a changed draft is written: well inside the 5 s we promise."""


def intro_text(session: Session, step: Step, resuming: bool) -> str:
    if session.origin.kind == "drill":
        from tui.screens import drill

        return drill.intro_text(session, step, resuming)
    if session.origin.kind == "retry":
        from tui.screens import retry

        return retry.intro_text(session, step, resuming)
    rnd = step.round
    n = len(session.plan.rounds)
    if resuming:
        return (
            f"Welcome back. Round {rnd.index} of {n} with {rnd.interviewer}, where you left "
            f"off. Your draft is in the editor; the clock resumes from where it stopped.\n\n"
            "Press Enter to carry on."
        )
    if rnd.is_bar_raiser:
        hello = (
            f"Hi, I'm {rnd.interviewer}, {rnd.title}. I'm not on the team you're "
            "interviewing for; I sit in on loops from outside it. I'll pick a few things "
            "and go deep, so expect me to stop you and ask for specifics."
        )
    elif rnd.kind in ("coding", "system-design"):
        hello = (
            f"Hi, I'm {rnd.interviewer}, {rnd.title}. We'll do the technical part of this "
            "round later; first, a few questions about your past work."
        )
    else:
        hello = (
            f"Hi, I'm {rnd.interviewer}, {rnd.title}. This round is about how you've "
            "worked: real situations, what you did, and how it turned out."
        )
    count = len(rnd.questions)
    return (
        f"Round {rnd.index} of {n}.\n\n{hello}\n\n"
        f"{plural(count, 'question')}, each with follow-ups. "
        "Answer in the first person, with what really happened.\n\n"
        "Press Enter when you're ready for the first question."
    )


class InterviewScreen(Screen[None]):
    AUTO_FOCUS = ""
    """Nothing takes focus by itself when the screen comes back (after the coach
    panel, help or a break): in spoken mode the beat keys must stay beat keys, not
    type into the note, which is what focusing the first widget did."""

    BINDINGS = [
        Binding("ctrl+s", "submit", "Submit answer", id="submit"),
        Binding("f2", "pause", "Pause/resume", id="pause"),
        # Strict timing hides the pause key, but a press still gets an answer.
        Binding("f2", "no_pause", show=False),
        # The editor is the only focusable widget, so Tab's default (focus the next
        # one) landed back in it: Tab leaves the editor, and Tab again returns.
        Binding("tab,shift+tab", "toggle_editor", "Editor", show=False),
        # Priority so Enter starts the round even if the (hidden) editor has
        # focus; check_action turns it off while answering, when Enter is a newline.
        # The footer says it as the intro does: "Start" a question, "Carry on" with one
        # resumed from its draft ("Press Enter to carry on" over "Enter Start").
        Binding("enter", "begin('start')", "Start", priority=True),
        Binding("enter", "begin('carry_on')", "Carry on", priority=True),
        # Spoken mode: mark the STAR beats as you say them.
        *(
            Binding(key, f"beat('{beat}')", word.capitalize())
            for beat, (key, word) in BEAT_KEYS.items()
        ),
        Binding("n", "note", "Note"),
        Binding("escape", "leave_note", "Beats", show=False),
        # A retry started by mistake: Esc on its intro, before anything is said, backs out.
        Binding("escape", "cancel_retry", "Cancel retry"),
        # A loop's intro: Esc goes home (a loop with nothing answered is not kept).
        Binding("escape", "leave_loop", "Home"),
        # A drill's intro: Esc goes back to where it was started (the bank, or home).
        Binding("escape", "leave_drill", "Back"),
    ]

    def __init__(
        self,
        runner: LoopRunner,
        clock: Callable[[], float],
        tick_clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.runner = runner
        """The interview's rules (loops/runner.py): what is asked, follow-ups, saving."""
        self.clock = clock
        self.tick_clock = tick_clock
        """Times the gaps between clock ticks, to notice a suspended process."""
        session = runner.session
        self.step: Step | None = session.current_step()
        self.stopwatch: Stopwatch | None = None
        self.started_at = ""
        self._dirty = False
        self._saved_elapsed = 0.0
        """The clock's time when the draft was last written."""
        self._confirm_empty = False
        self.phase = "intro"
        self.spoken = session.settings.mode == "spoken"
        self.marks: list[tuple[str, float]] = []
        """Spoken mode: (beat, seconds into the answer) as the candidate marked them."""
        self._beats_shown = ""
        self._told_paused = False
        """The 'paused, typing not taken' notice was given for this pause."""
        self.resuming = False
        """The intro shown is a welcome back to a drafted answer: Enter carries on."""

    @property
    def session(self) -> Session:
        """The loop being played: the runner's, never a copy."""
        return self.runner.session

    def compose(self) -> ComposeResult:
        yield Static(id="round-header", classes="heading")
        with Vertical(id="intro"):
            yield Static(id="intro-text")
        with Vertical(id="answering"):
            yield Static(id="prompt")
            yield AnswerArea(
                id="answer",
                soft_wrap=True,
                tab_behavior="focus",
                placeholder="Type your answer. Ctrl+S submits.",
            )
            yield Static(id="beats")
            with Horizontal(id="status"):
                yield ClockBar(id="clock", tick_clock=self.tick_clock)
                yield Static(id="words")
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(AUTOSAVE_SECONDS, self.autosave)
        if self.spoken:
            self.set_interval(BEAT_TICK_SECONDS, self._tick_beats)
        self.show_intro()

    # --- phases -------------------------------------------------------------------

    def show_intro(self) -> None:
        step = self.step
        if step is None:
            self.post_message(LoopFinished(self.session))
            return
        first_of_round = not self.session.round_answers(step.round.index)
        if first_of_round:
            step = self.step = self.runner.begin()  # the Bar Raiser may revisit a principle
            assert step is not None
        draft = self.session.draft_for(step)
        # A drill opened again between two tellings (left with Esc) says where it is and
        # waits for Enter: its next clock must not start before the candidate is back.
        if draft is None and not first_of_round and self.session.origin.kind != "drill":
            self.start_step()
            return
        self.phase = "intro"
        self.resuming = draft is not None
        self._header(step)
        self.query_one("#intro-text", Static).update(
            plain(intro_text(self.session, step, resuming=self.resuming))
        )
        self.query_one("#intro").display = True
        self.query_one("#answering").display = False
        self.set_focus(None)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "begin":
            said = "carry_on" if self.resuming else "start"
            return self.phase == "intro" and parameters == (said,)
        if action == "submit":
            return self.phase == "answering"
        if action == "cancel_retry":
            return self.phase == "intro" and self.cancellable
        if action == "leave_loop":
            return self.phase == "intro" and self.session.origin.kind == "loop"
        if action == "leave_drill":
            return self.phase == "intro" and self.session.origin.kind == "drill"
        if action in ("beat", "note", "leave_note"):
            return self.spoken and self.phase == "answering"
        answering = self.phase == "answering"
        # Strict timing is a real interview: the clock does not stop, and F2 only says so.
        strict = self.session.settings.timing == "strict"
        if action == "pause":
            return answering and not strict
        if action == "no_pause":
            return answering and strict
        if action == "toggle_editor":
            return answering
        return True

    def action_beat(self, beat: str) -> None:
        if self.stopwatch is None:
            return
        self.marks.append((beat, self.stopwatch.elapsed))
        self._show_beats()
        self.save_draft_now()  # a mark is one key press: keep it at once

    def action_note(self) -> None:
        self.query_one("#answer", TextArea).focus()

    def action_leave_note(self) -> None:
        self.set_focus(None)

    def action_toggle_editor(self) -> None:
        editor = self.query_one("#answer", TextArea)
        if editor.has_focus:
            self.set_focus(None)
            if not self.spoken:
                self.notify("Left the editor: ? opens help, Tab goes back to your answer.")
        else:
            editor.focus()

    def action_no_pause(self) -> None:
        self.notify(
            "No pause in strict timing: the clock runs as in a real interview.", severity="warning"
        )

    def on_key(self, event: events.Key) -> None:
        """A key typed into the paused (read-only) editor would vanish without a word."""
        editor = self.query_one("#answer", TextArea)
        if editor.has_focus and editor.read_only and event.is_printable:
            event.stop()
            if not self._told_paused:
                self._told_paused = True
                self.notify("Paused: your typing is not taken. Press F2 to resume.")

    def _show_beats(self) -> None:
        beats = self.query_one("#beats", Static)
        beats.display = self.spoken
        if not self.spoken or self.stopwatch is None:
            return
        split = beat_seconds(self.marks, self.stopwatch.elapsed)
        now = BEAT_KEYS[self.marks[-1][0]][1] if self.marks else "none yet"
        # Rounded, not cut: a beat of 2.99 s is 0:03, as a person would read it.
        parts = "  ".join(
            f"{BEAT_KEYS[b][0].upper()} {fmt_seconds(round(split.get(b, 0)))}" for b in BEATS
        )
        keys = ", ".join(f"{key} {word}" for key, word in BEAT_KEYS.values())
        line = (
            f"Speaking aloud. Now: {now}.  {parts}\n"
            f"Keys: {keys}; "
            "n writes a one-line note (Esc back)."
        )
        if line != self._beats_shown:  # ticks twice a second; most change nothing
            self._beats_shown = line
            beats.update(line)

    def _tick_beats(self) -> None:
        """The current beat's time grows while it is being told."""
        if self.spoken and self.phase == "answering" and self.stopwatch is not None:
            self._show_beats()

    def action_pause(self) -> None:
        if self.stopwatch is None or self.phase != "answering":
            return
        editor = self.query_one("#answer", TextArea)
        if self.stopwatch.running:
            self.stopwatch.pause()
            editor.read_only = True
            self._told_paused = False
            self.save_draft_now()
        else:
            self.stopwatch.start()
            editor.read_only = False
        self.query_one(ClockBar).tick()

    def pause_while_covered(self) -> Callable[[Any], None] | None:
        """Help or the command palette opened over a running answer stops its clock, in
        every timing: reading mockloop's own help or looking for a command is not answer
        time, and in strict timing the answer was taken, as it stood, behind the help.
        Returns what starts the clock again when that screen closes; None when no clock
        runs (an F2 pause stays a pause)."""
        stopwatch = self.stopwatch
        if self.phase != "answering" or stopwatch is None or not stopwatch.running:
            return None
        stopwatch.pause()
        self.query_one(ClockBar).tick()  # "PAUSED" shows under the help

        def closed(_: Any = None) -> None:
            if self.stopwatch is stopwatch and self.phase == "answering":
                stopwatch.start()
                self.query_one(ClockBar).tick()

        return closed

    @property
    def unanswered(self) -> bool:
        """Nothing answered and no draft: throwing the session away loses nothing."""
        s = self.session
        return not s.answers and s.draft is None

    @property
    def cancellable(self) -> bool:
        """A retry with nothing answered and no draft: cancelling it loses nothing."""
        return self.session.origin.kind == "retry" and self.unanswered

    def _trash_unanswered(self, what: str) -> bool:
        """Move the session, with nothing answered, to the trash (loops/trash.py), so home
        lists no "Resume ... 0 answers" for it; False, and said, when it cannot move."""
        from loops.lock import LoopLocked
        from loops.trash import trash_session

        release = getattr(self.app, "release_loop", None)
        if release is not None:
            release()  # our own lock, and our saves written, before the file moves
        try:
            trash_session(self.session.id, getattr(self.app, "sessions_dir", None))
        except FileNotFoundError:
            pass  # never written (its save failed): nothing to move
        except (LoopLocked, OSError) as exc:
            self.notify(f"Could not {what}: {exc}", severity="error", timeout=10)
            return False
        return True

    def action_cancel_retry(self) -> None:
        """Back out of a retry started by mistake: its session moves to the trash."""
        if not self.cancellable or not self._trash_unanswered("cancel the retry"):
            return
        self.app.pop_screen()
        self.app.notify("Retry cancelled: nothing was answered, so nothing is kept.")

    def action_leave_loop(self) -> None:
        """Esc on a loop's intro goes home. A loop with nothing answered is moved to the
        trash, not left on home as a loop to resume (a planned loop is first written
        as its first round begins); one with answers stays, saved, to resume."""
        if self.unanswered and not self._trash_unanswered("put the empty loop away"):
            return
        while len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_leave_drill(self) -> None:
        """Esc on a drill's intro, or after a telling: back to where the drill was
        started. A drill with nothing told is moved to the trash; one with tellings
        stays, saved, and home offers to resume it at the next length."""
        told = sum(1 for a in self.session.answers if a.kind == "main")
        if self.unanswered:
            if not self._trash_unanswered("put the empty drill away"):
                return
            said = "Drill cancelled: nothing was told, so nothing is kept."
        else:
            release = getattr(self.app, "release_loop", None)
            if release is not None:
                release()
            said = (
                f"Drill left after {plural(told, 'telling')}, saved: "
                "home offers to resume it at the next length."
            )
        self.app.pop_screen()
        self.app.notify(said)

    def action_begin(self, said: str = "start") -> None:
        """Enter on an intro: the question's clock starts (``said`` is how the footer
        put it, "Start" or "Carry on")."""
        if self.phase == "intro":
            self.start_step()

    def start_step(self) -> None:
        step = self.step
        assert step is not None
        self.phase = "answering"
        draft = self.session.draft_for(step)
        self.stopwatch = Stopwatch(self.clock, draft.elapsed if draft else 0.0)
        self.started_at = now_iso()
        self._header(step)
        label = "Question" if step.kind == "main" else "Follow-up"
        self.query_one("#prompt", Static).update(plain(f"{label}: {step.prompt}"))
        editor = self.query_one("#answer", TextArea)
        editor.load_text(draft.text if draft else "")
        editor.move_cursor(editor.document.end)
        self.query_one("#intro").display = False
        self.query_one("#answering").display = True
        used = self.session.round_used_seconds(step.round.index)
        budget = self.session.round_budget_seconds(step.round)
        self.stopwatch.start()
        context = None
        if self.session.origin.kind == "drill":
            from tui.screens.drill import status_text

            context = status_text(self.session, step)
        self.query_one(ClockBar).track(
            self.stopwatch,
            step.target_seconds,
            self.session.settings.timing,
            step.kind == "main",
            budget,
            used,
            context,
        )
        self._dirty = False
        self._saved_elapsed = self.stopwatch.elapsed
        self._confirm_empty = False
        self._count_words()
        self.marks = list(draft.marks) if draft else []
        self._show_beats()
        if self.spoken:
            editor.placeholder = "Optional one-line note of the story (n to write, Esc back)."
            self.set_focus(None)
        else:
            editor.focus()
        self.refresh_bindings()

    def _header(self, step: Step) -> None:
        if self.session.origin.kind == "drill":
            from tui.screens.drill import header_text

            self.query_one("#round-header", Static).update(plain(header_text(step)))
            return
        rnd = step.round
        total = len(rnd.questions)
        # How many follow-ups this question has, so the candidate knows how much is left.
        part = (
            "main question"
            if step.follow_up_index is None
            else f"follow-up {step.follow_up_index + 1} of {self.session.follow_ups_of(step)}"
        )
        self.query_one("#round-header", Static).update(
            plain(
                f"Round {rnd.index}/{len(self.session.plan.rounds)}  {rnd.interviewer}, "
                f"{rnd.title}\nQuestion {step.question_index + 1} of {total}, {part}"
            )
        )

    # --- typing and saving ----------------------------------------------------------

    @on(TextArea.Changed, "#answer")
    def _changed(self) -> None:
        self._dirty = True
        self._confirm_empty = False
        self._count_words()

    def _count_words(self) -> None:
        words = word_count(self.query_one("#answer", TextArea).text)
        self.query_one("#words", Static).update(plural(words, "word"))

    def autosave(self) -> None:
        """Save a changed draft; and, with the clock running, the time used every
        ELAPSED_SAVE_SECONDS even with nothing typed (a spoken answer), so a crash
        resumes the clock close to where it was."""
        stopwatch = self.stopwatch
        if self._dirty or (
            stopwatch is not None
            and stopwatch.running
            and stopwatch.elapsed - self._saved_elapsed >= ELAPSED_SAVE_SECONDS
        ):
            self.save_draft_now()

    @property
    def holds_draft(self) -> bool:
        """An answer is being typed (or spoken with notes): quitting now keeps a draft."""
        if self.phase != "answering" or self.step is None:
            return False
        return bool(self.query_one("#answer", TextArea).text.strip())

    def save_draft_now(self) -> None:
        """Write what is in the editor now; called on a timer and before quitting."""
        if self.phase != "answering" or self.step is None or self.stopwatch is None:
            return
        text = self.query_one("#answer", TextArea).text
        self.runner.keep_draft(text, self.stopwatch.elapsed, self.marks)
        self._saved_elapsed = self.stopwatch.elapsed
        self._dirty = False

    # --- submitting -----------------------------------------------------------------

    def action_submit(self) -> None:
        if self.phase != "answering":
            return
        text = self.query_one("#answer", TextArea).text
        if said_nothing(text) and not self.spoken and not self._confirm_empty:
            self._confirm_empty = True
            assert self.step is not None
            self.notify(skip_prompt(self.step))
            return
        self.submit(text, auto=False)

    @on(ClockBar.Expired)
    def _time_up(self) -> None:
        if self.phase == "answering":
            self.notify("Time is up: your answer was saved as it stands.")
            self.submit(self.query_one("#answer", TextArea).text, auto=True)

    def submit(self, text: str, *, auto: bool) -> None:
        step, stopwatch = self.step, self.stopwatch
        assert step is not None and stopwatch is not None
        # Skipped or answered, the question is done: its skip prompt would otherwise
        # stay over the next question's clock for the rest of its 5 s.
        withdraw(self.app, skip_prompt(step))
        stopwatch.pause()
        self.runner.answer(
            text,
            stopwatch.elapsed,
            auto_submitted=auto,
            started_at=self.started_at,
            marks=self.marks if self.spoken else None,
        )
        # Scored in the background from a copy, so the debrief at the end finds most
        # of the loop's answers already read.
        self.post_message(ScoreAhead(copy.deepcopy(self.session)))
        self.phase = "between"
        if self.session.origin.kind == "drill" and not self.session.finished:
            from tui.screens.drill import TellingScreen

            # What this telling kept and dropped, before the next length (the last
            # one is judged with all the others on the drill's own screen); Esc there
            # leaves the drill instead of starting the next clock.
            def told(leave: bool | None) -> None:
                if leave:
                    self.step = self.session.current_step()
                    self.action_leave_drill()
                else:
                    self.advance(step)

            self.app.push_screen(TellingScreen(self.session), told)
        elif self.session.settings.coach and not self.session.answers[-1].skipped:
            # A skip is no answer: nothing to coach, so it goes straight on.
            from tui.screens.coach import CoachScreen

            answer = self.session.answers[-1]
            self.app.push_screen(
                CoachScreen(answer, step.question.failure, self.spoken, time_up=auto),
                lambda _: self.advance(step),
            )
        else:
            self.advance(step)

    def advance(self, step: Step) -> None:
        """Move to the step after ``step``: next question, a break, or the debrief."""
        next_step = self.session.current_step()
        self.step = next_step
        if next_step is None:
            self.post_message(LoopFinished(self.session))
        elif next_step.round.index != step.round.index:
            from tui.screens.breaks import BreakScreen

            self.app.push_screen(
                BreakScreen(self.session, step.round, next_step.round), lambda _: self.show_intro()
            )
        else:
            self.start_step()
