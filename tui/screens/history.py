"""History: every saved loop, how each went, and the trends across them.

Rows come from the history cache (scoring/history.py), so the screen opens
fast however many loops are saved; loading runs in a worker so a cold
cache (first run, or a new engine) never freezes the keyboard.
"""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from loops.levels import level_name
from loops.problems import FileProblemError
from loops.store import session_from_toml, session_path
from scoring.history import History, load_history
from tui.debrief_cmd import trends_text
from tui.messages import SessionChosen
from tui.plain import plain
from tui.screens.confirm import ConfirmScreen, ask_to_delete


class HistoryScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Home"),
        Binding("d", "delete", "Delete loop"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.history: History | None = None

    def compose(self) -> ComposeResult:
        yield Static("History: every saved loop, newest first", classes="heading")
        with Vertical(id="history"):
            yield Static("Reading saved loops…", id="trends")
            yield DataTable(id="loops", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#loops", DataTable)
        table.add_columns("Date", "Level", "Rds", "Outcome", "Incl.", "We", "s/ans", "Contr.")
        table.focus()
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        history = load_history(getattr(self.app, "sessions_dir", None))
        self.app.call_from_thread(self.show, history)

    def show(self, history: History) -> None:
        self.history = history
        self.query_one("#trends", Static).update(trends_text(history.trends))
        table = self.query_one("#loops", DataTable)
        for r in history.rows:
            if r["outcome"] is None:
                outcome = f"unfinished ({r['answers']})"
            else:
                outcome = "HIRE" if r["outcome"] == "hire" else "no hire"
            share = r["inclined_share"]
            we = r["we_heavy_share"]
            table.add_row(
                plain(r["date"]),
                plain(level_name(r["level"])),
                str(r["rounds"]),
                outcome,
                "-" if share is None else f"{share:.0%}",
                "-" if we is None else f"{we:.0%}",
                "-" if r["avg_seconds"] is None else f"{r['avg_seconds']:.0f}",
                str(r["contradictions"]),
                key=r["id"],
            )
        if not history.rows:
            self.query_one("#trends", Static).update("No saved loops yet: start one from home.")
        for problem in history.problems[:3]:
            self.notify(f"Skipped {problem}", severity="warning")

    @on(DataTable.RowHighlighted, "#loops")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The loop under the cursor is scored now, so Enter opens its debrief at once."""
        sid = str(event.row_key.value)
        rows = self.history.rows if self.history else []
        if any(r["id"] == sid and r["outcome"] is not None for r in rows):
            path = session_path(sid, getattr(self.app, "sessions_dir", None))
            self.app.prefetch_analysis(path)  # type: ignore[attr-defined]

    @on(DataTable.RowSelected, "#loops")
    def _open(self, event: DataTable.RowSelected) -> None:
        """A finished loop opens its debrief over this screen (Esc comes back here);
        an unfinished one says so and asks before resuming it."""
        sid = str(event.row_key.value)
        try:
            session = session_from_toml(session_path(sid, getattr(self.app, "sessions_dir", None)))
        except FileProblemError as exc:
            self.notify(str(exc), severity="error")
            return
        if session.finished:
            from tui.screens.debrief import DebriefScreen

            self.app.push_screen(DebriefScreen(session))
            return
        step = session.current_step()
        where = f"round {step.round.index} of {len(session.plan.rounds)}" if step else ""
        n = len(session.answers)
        question = (
            f"This loop is unfinished: {where}, {n} answer{'' if n == 1 else 's'} so far. "
            "It has no debrief until its last round is answered.\n\nResume it now?"
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.post_message(SessionChosen(session))

        self.app.push_screen(ConfirmScreen(question, yes="resume it", no="stay here"), answered)

    def _row(self, sid: str) -> dict[str, Any] | None:
        rows = self.history.rows if self.history else []
        return next((r for r in rows if r["id"] == sid), None)

    def action_delete(self) -> None:
        """d on a row: after a yes, the loop's file moves to the trash (loops/trash.py)."""
        table = self.query_one("#loops", DataTable)
        if not table.row_count:
            return
        sid = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        row = self._row(sid)
        if row is None:
            return
        outcome = "unfinished" if row["outcome"] is None else row["outcome"]
        described = (
            f"{row['created_at'][:16].replace('T', ' ')}, {level_name(row['level'])}, "
            f"{row['rounds']} rounds, {row['answers']} answers, {outcome}"
        )

        def gone() -> None:
            table.remove_row(sid)
            if self.history is not None:
                self.history.rows = [r for r in self.history.rows if r["id"] != sid]
                self.query_one("#trends", Static).update(trends_text(self.history.trends))

        ask_to_delete(self, sid, described, gone)
