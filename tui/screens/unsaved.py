"""Quitting while the loop cannot be saved (a full or read-only disk).

Quitting at once would lose everything typed since saving began to fail,
so the app stays open and offers, in order of safety: write the loop to
another file the candidate names (say on /tmp or a USB stick), try saving
again, or quit and lose it, which takes its own key so it is never an
accident.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static

from loops.private_files import atomic_write
from loops.session import Session
from loops.store import session_toml


def copy_path(typed: str, session_id: str) -> Path:
    """Where the copy goes: the path typed, or a file named after the loop in a folder typed."""
    path = Path(typed).expanduser()
    return path / f"{session_id}.toml" if path.is_dir() else path


class UnsavedScreen(ModalScreen[str | None]):
    """Dismissed with "saved" or "written" (safe to quit), "lose" (quit anyway), or None."""

    DEFAULT_CSS = """
    UnsavedScreen { align: center middle; }
    #unsaved-panel {
        width: 90%; height: auto; max-height: 90%;
        border: round $error; background: $surface; padding: 0 1;
    }
    #unsaved-path { margin: 1 0 0 0; }
    """
    BINDINGS = [
        Binding("ctrl+r", "retry", "Retry saving"),
        Binding("ctrl+l", "lose", "Quit and lose it"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(
        self,
        session: Session,
        error: OSError,
        save: Callable[[Session], Awaitable[OSError | None]],
    ) -> None:
        super().__init__()
        self.session, self.error = session, error
        self._save = save
        """Saves the session and waits for the disk (the app's writer): None once saved."""
        self.written: Path | None = None
        """Where the loop was written instead, once it was."""

    def compose(self) -> ComposeResult:
        with Vertical(id="unsaved-panel"):
            yield Static(self._message(), id="unsaved-text")
            yield Input(f"/tmp/mockloop-{self.session.id}.toml", id="unsaved-path")
            yield Static("", id="unsaved-status")
        yield Footer()

    def _message(self) -> Text:
        return Text(
            f"Your loop could not be saved: {self.error}\n\n"
            "Quitting now would lose what you wrote since saving failed.\n"
            "Enter   write the whole loop to the file below (edit the path first)\n"
            "Ctrl+R  try saving again\n"
            "Ctrl+L  quit anyway and lose it\n"
            "Esc     back to the loop"
        )

    def _status(self, text: str) -> None:
        self.query_one("#unsaved-status", Static).update(Text(text))

    @on(Input.Submitted, "#unsaved-path")
    def _write(self, event: Input.Submitted) -> None:
        path = copy_path(event.value.strip(), self.session.id)
        try:
            atomic_write(path, session_toml(self.session), private_dir=False)
        except OSError as exc:
            self._status(f"Could not write {path}: {exc}. Try another path.")
            return
        self.written = path
        self.dismiss("written")

    async def action_retry(self) -> None:
        error = await self._save(self.session)
        if error is None:
            self.dismiss("saved")
        else:
            self._status(f"Still cannot save: {error}")

    def action_lose(self) -> None:
        self.dismiss("lose")

    def action_back(self) -> None:
        self.dismiss(None)
