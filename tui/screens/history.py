"""History: every saved loop, how each went, and the trends across them.

Rows come from the history cache (loops/review/history.py), so the screen opens
fast however many loops are saved; loading runs in a worker so a cold
cache (first run, or a new engine) never freezes the keyboard. A cold load
scores loops one at a time (14 to 50 s for 200), so it shows how far it has
got and each row as it is ready; closing the screen stops it, keeping what
was scored for next time.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import get_current_worker

from loops.levels import level_name
from loops.problems import FileProblemError
from loops.review.debrief import decision_words
from loops.review.history import History, HistoryLoad, summarize
from loops.session import Session, say_answers
from loops.store import session_from_toml, session_path
from scoring.wording import plural
from tui.folders import sessions_folder
from tui.history_text import practice_label, trends_text
from tui.messages import ScoreAhead, SessionChosen
from tui.plain import plain
from tui.screens.confirm import ConfirmScreen, ask_to_delete

PROGRESS_SECONDS = 0.5
"""How often a cold load shows its progress and the rows scored meanwhile: often enough
to see it move, rarely enough that redrawing the table takes little from the scoring."""


HEADERS = ("Date", "Level", "Rds", "Outcome", "Incl.", "We", "s/ans", "Contr.")
_OUTCOME = HEADERS.index("Outcome")
_GUTTER = 4
"""Beside the columns: the vertical scrollbar (2) and the Outcome column's padding (2)."""


def outcome_room(rows: list[dict[str, Any]], width: int) -> int:
    """How wide the Outcome column may be in a table ``width`` columns wide: what the
    other columns take (their widest cell, one space each side) and a scrollbar left
    over. An import's file name is cut to it, so the row never scrolls sideways."""
    shown = [HEADERS, *(_cells(r) for r in rows)]
    other = sum(
        max(len(str(cells[k])) for cells in shown) + 2 for k in range(len(HEADERS)) if k != _OUTCOME
    )
    return max(width - other - _GUTTER, len("Outcome"))


def _cells(r: dict[str, Any], room: int | None = None) -> tuple[str | Text, ...]:
    """One row's cells; an import's file name is cut to ``room`` (see ``outcome_room``)."""
    practice = practice_label(r, room)  # listed, never a loop's outcome or trend
    if practice is not None:
        outcome = practice
    elif r["outcome"] is None:
        outcome = f"unfinished ({r['answers']})"
    else:
        outcome = decision_words(r["outcome"])
    share, we = r["inclined_share"], r["we_heavy_share"]
    return (
        plain(r["date"]),
        plain(level_name(r["level"])),
        str(r["rounds"]),
        outcome,
        "-" if share is None else f"{share:.0%}",
        "-" if we is None else f"{we:.0%}",
        "-" if r["avg_seconds"] is None else f"{r['avg_seconds']:.0f}",
        str(r["contradictions"]),
    )


class HistoryScreen(Screen[None]):
    BINDINGS = [
        # Priority: the focused table would otherwise take Enter with its own, unshown
        # binding, and the footer could not say what Enter does.
        Binding("enter", "open", "Open", priority=True),
        Binding("escape", "app.pop_screen", "Home"),
        Binding("d", "delete", "Delete"),  # of a loop, on this screen; 80 columns are full
        Binding("r", "attempts", "Retry a question"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.history: History | None = None
        """Every row, once all are read; None while loading."""
        self.rows: list[dict[str, Any]] = []
        """The rows shown so far (all of them once loaded)."""
        self._opened: Session | None = None
        """The session last opened from here (a debrief, a retry, a drill): what the
        candidate changed on it (a dismissal, their own vote) is in this object at once,
        while its file is written by the app's writer thread."""
        self._away = False
        """A screen that can change a saved loop was opened from here: read them again on
        return (not after a delete's question, which updates the rows itself)."""

    def compose(self) -> ComposeResult:
        yield Static("History: every saved loop, newest first", classes="heading")
        with Vertical(id="history"):
            yield Static("Reading saved loops…", id="trends")
            yield DataTable(id="loops", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#loops", DataTable)
        table.add_columns(*HEADERS)
        table.focus()
        self.load()

    def on_screen_resume(self) -> None:
        """Back from a debrief (or a retry, a drill, a delete's question): read the rows
        again, so a dismissal or a vote made there shows here, and a new retry is listed.
        Before, history kept the figures it had when it opened ("3 of 11 agree" while the
        debrief said 4)."""
        if self.history is None or not self._away:
            return  # the first load, still under way, reads every file itself
        opened, self._opened, self._away = self._opened, None, False
        self.load(opened)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self, opened: Session | None = None) -> None:
        """Read the rows; with loops to score (a cold cache), show progress and each row
        as it is ready, and stop (keeping what was scored) if the screen is closed.
        ``opened``, the session just shown, is scored as it is in memory: its file may
        not be written yet."""
        worker = get_current_worker()
        loading = HistoryLoad(sessions_folder(self.app))
        try:
            ready = list(loading.rows)
            shown = time.monotonic()
            while loading.pending and not worker.is_cancelled:
                row = loading.next_row()
                if row is not None:
                    ready.append(row)
                due = time.monotonic() - shown >= PROGRESS_SECONDS or not loading.pending
                if due and not worker.is_cancelled:
                    # Posted, not called: the scoring never waits for the screen to draw.
                    self.post_message(self.Scored(ready, loading.done, loading.total))
                    ready, shown = [], time.monotonic()
            if worker.is_cancelled:
                return
            history = loading.finish()
            if opened is not None and opened.finished:
                fresh = summarize(opened)
                history.rows = [fresh if r["id"] == opened.id else r for r in history.rows]
            self.app.call_from_thread(self.show, history)
        finally:
            loading.save()  # whatever was scored is kept for next time

    @dataclass
    class Scored(Message):
        """A cold load's progress: rows newly ready, and how far it has got."""

        rows: list[dict[str, Any]]
        done: int
        total: int

    def on_history_screen_scored(self, message: Scored) -> None:
        if self.history is not None:
            return  # the whole history is already shown
        table = self.query_one("#loops", DataTable)
        shown = {r["id"] for r in self.rows}
        had_rows = bool(self.rows)
        done, total = message.done, message.total
        room = self._outcome_room([*self.rows, *message.rows])
        for r in message.rows:
            if r["id"] not in shown:  # two files holding one loop show it once
                shown.add(r["id"])
                self.rows.append(r)
                table.add_row(*_cells(r, room), key=r["id"])
        if bool(self.rows) != had_rows:
            self.refresh_bindings()  # "Open" comes with the first row
        self.query_one("#trends", Static).update(
            Text(
                f"Scoring {done} of {plural(total, 'loop')}… (the first time, or after an update; "
                "rows appear as they are ready, Esc goes back)"
            )
        )

    def show(self, history: History) -> None:
        """All rows, newest first, and the trends; the cursor stays on its loop."""
        if not self.is_attached:
            return
        if bool(history.rows) != bool(self.rows):
            self.refresh_bindings()  # "Open" comes with the first row, goes with the last
        self.history, self.rows = history, history.rows
        self.query_one("#trends", Static).update(trends_text(history.trends, history.self_check))
        table = self.query_one("#loops", DataTable)
        current = None
        if table.row_count:
            current = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            table.clear()
        ids: list[str] = []
        room = self._outcome_room(history.rows)
        for r in history.rows:
            if r["id"] not in ids:
                ids.append(r["id"])
                table.add_row(*_cells(r, room), key=r["id"])
        if current in ids:
            table.move_cursor(row=ids.index(current))
        if not history.rows:
            self.query_one("#trends", Static).update("No saved loops yet: start one from home.")
        for problem in history.problems[:3]:
            self.notify(f"Skipped {problem}", severity="warning", markup=False)

    @on(DataTable.RowHighlighted, "#loops")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The loop under the cursor is scored now, so Enter opens its debrief at once."""
        sid = str(event.row_key.value)
        if any(r["id"] == sid and r["outcome"] is not None for r in self.rows):
            path = session_path(sid, sessions_folder(self.app))
            self.post_message(ScoreAhead(path))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter opens the highlighted row: not shown while there is none."""
        if action == "open":
            return bool(self.rows)
        return True

    def action_open(self) -> None:
        table = self.query_one("#loops", DataTable)
        if table.row_count:
            table.action_select_cursor()

    @on(DataTable.RowSelected, "#loops")
    def _open(self, event: DataTable.RowSelected) -> None:
        """A finished loop opens its debrief over this screen (Esc comes back here);
        an unfinished one says so and asks before resuming it."""
        sid = str(event.row_key.value)
        try:
            session = session_from_toml(session_path(sid, sessions_folder(self.app)))
        except FileProblemError as exc:
            self.notify(str(exc), severity="error")
            return
        if session.voting:  # answered, own votes not all given: back to them first
            self.post_message(SessionChosen(session))
            return
        if session.finished:
            self._opened, self._away = session, True
            from tui.screens.debrief import DebriefScreen
            from tui.screens.retry import RetryScreen

            if session.origin.kind == "drill":  # a story told at four lengths: no hiring meeting
                from tui.screens.drill import DrillScreen

                self.app.push_screen(DrillScreen(session))
                return
            retried = session.origin.kind == "retry"
            self.app.push_screen(RetryScreen(session) if retried else DebriefScreen(session))
            return
        step = session.current_step()
        where = f"round {step.round.index} of {len(session.plan.rounds)}" if step else ""
        question = (
            f"This loop is unfinished: {where}, {say_answers(session.answers)} so far. "
            "It has no debrief until its last round is answered.\n\nResume it now?"
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.post_message(SessionChosen(session))

        self.app.push_screen(ConfirmScreen(question, yes="resume it", no="stay here"), answered)

    def action_attempts(self) -> None:
        """r on a loop (or on a retry of one of its questions): its questions, each with
        every attempt and the vote's trend; Enter there retries one."""
        from loops.review.retry import RETRYABLE_KINDS
        from tui.screens.retry import AttemptsScreen

        table = self.query_one("#loops", DataTable)
        if not table.row_count:
            return
        sid = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        folder = sessions_folder(self.app)
        try:
            session = session_from_toml(session_path(sid, folder))
        except FileProblemError as exc:
            self.notify(str(exc), severity="error")
            return
        if session.origin.kind == "retry":
            sid = session.origin.source
        elif session.origin.kind not in RETRYABLE_KINDS:
            self.notify("Only the questions of a loop or an imported interview can be retried.")
            return
        self._away = True  # a retry started there is listed on return
        self.app.push_screen(AttemptsScreen(sid))

    def _outcome_room(self, rows: list[dict[str, Any]]) -> int:
        width = self.query_one("#loops", DataTable).size.width or self.app.size.width
        return outcome_room(rows, width)

    def _row(self, sid: str) -> dict[str, Any] | None:
        return next((r for r in self.rows if r["id"] == sid), None)

    def action_delete(self) -> None:
        """d on a row: after a yes, the loop's file moves to the trash (loops/trash.py)."""
        table = self.query_one("#loops", DataTable)
        if not table.row_count:
            return
        sid = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        row = self._row(sid)
        if row is None:
            return
        outcome = "unfinished" if row["outcome"] is None else decision_words(row["outcome"])
        if row.get("source"):
            outcome += f", imported from {row['source']}"
        described = (
            f"{row['created_at'][:16].replace('T', ' ')}, {level_name(row['level'])}, "
            f"{plural(row['rounds'], 'round')}, {plural(row['answers'], 'answer')}, {outcome}"
        )

        def gone() -> None:
            table.remove_row(sid)
            self.rows = [r for r in self.rows if r["id"] != sid]
            if not self.rows:
                self.refresh_bindings()
            if self.history is not None:
                self.history.rows = [r for r in self.history.rows if r["id"] != sid]
                self.query_one("#trends", Static).update(
                    trends_text(self.history.trends, self.history.self_check)
                )

        ask_to_delete(self, sid, described, gone)
